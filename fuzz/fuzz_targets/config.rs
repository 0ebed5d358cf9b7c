//! The configuration and keymap parser: any text either gives a configuration or one
//! message, never a panic, and a message is one line that is safe to print.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(m) = crossread::tui::config::parse(text) {
        let shown = crossread::text::sanitise(&m);
        assert!(!shown.contains('\n'));
    }
});
