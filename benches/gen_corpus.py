#!/usr/bin/env python3
# usage (from the project root): python3 benches/gen_corpus.py OUT_DIR N
# 10,000 variants of the bundled seeds (~6 KB each): paragraphs sampled, vowels of
# capitalised words and digits shifted, so every article has its own names and figures.
import os, random, sys
out = sys.argv[1]; n = int(sys.argv[2])
os.makedirs(out, exist_ok=True)
seeds = [open(os.path.join('seeds', f)).read() for f in sorted(os.listdir('seeds'))]
V = 'aeiou'
def vary(text, k):
    r = []
    for w in text.split(' '):
        cap = w[:1].isupper() and sum(c.isalpha() for c in w) > 3
        s = []
        for c in w:
            if cap and c in V: s.append(V[(V.index(c) + k) % 5])
            elif c.isdigit(): s.append(str((int(c) + k) % 10))
            else: s.append(c)
        r.append(''.join(s))
    return ' '.join(r)
for k in range(n):
    rnd = random.Random(k)
    text = seeds[k % len(seeds)]
    paras = text.split('\n\n')
    head, body = paras[:6], paras[6:]
    keep = head + [p for p in body if rnd.random() < 0.9]
    doc = vary('\n\n'.join(keep), k // 2 % 5 + 1)
    with open(os.path.join(out, f'g{k:05d}.txt'), 'w') as f: f.write(doc)
