#!/usr/bin/env python3
"""Checks data/banks/banks.tsv and data/banks/ambiguous-aliases.tsv.

Run from anywhere: python3 data/banks/check.py [DIR]. Needs ICU's `uconv` (Debian: icu-devtools),
which folds names with the same ICU transform as src/jala/model/bank.cpp
("Any-Latin; Latin-ASCII; Lower", then ASCII letters and digits only). Prints every problem and
exits 1 if there is one.
"""
import os
import re
import subprocess
import sys
import unicodedata

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
BIC8 = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}$")
MIN_KEY = 3  # folded keys shorter than this ("MB", "KB", "SC") match too much

def fold_all(texts):
    """Folds like bank.cpp. Names in scripts ICU 72 cannot romanise (Lao, Khmer) fold to ''."""
    if not texts:
        return []
    res = subprocess.run(["uconv", "-x", "Any-Latin; Latin-ASCII; Lower"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True)
    lines = res.stdout.split("\n")[: len(texts)]
    return ["".join(c for c in line if c.isascii() and c.isalnum()).lower() for line in lines]

def key_of(text, folded):
    """The match key: the folded form, or for unfoldable scripts the NFC, case-folded, space-free text."""
    if folded:
        return folded
    return "raw:" + "".join(unicodedata.normalize("NFC", text).casefold().split())

def read_tsv(path, header):
    rows, problems = [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != header:
        problems.append(f"{path}:1: header must be '{header}'")
    ncol = header.count("\t") + 1
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != ncol:
            problems.append(f"{path}:{n}: {len(cols)} columns, want {ncol}")
            continue
        if any(c != c.strip() or c == "" for c in cols):
            problems.append(f"{path}:{n}: empty field or surrounding white space")
        rows.append((n, cols))
    return rows, problems

def main():
    banks_path = os.path.join(HERE, "banks.tsv")
    ambig_path = os.path.join(HERE, "ambiguous-aliases.tsv")
    banks, problems = read_tsv(banks_path, "bic8\tcountry\tname\taliases")
    ambig, more = read_tsv(ambig_path, "alias\tcountry\tbank")
    problems += more

    seen_bic = {}
    names_of_unbic = {}
    texts, owners = [], []  # every name and alias, with its row
    for n, (bic, cc, name, aliases) in banks:
        if not re.fullmatch(r"[A-Z]{2}", cc):
            problems.append(f"{banks_path}:{n}: country '{cc}' is not ISO 3166-1 alpha-2")
        if bic != "-":
            if not BIC8.match(bic):
                problems.append(f"{banks_path}:{n}: '{bic}' is not a BIC8 (4 letters, 2 letters, 2 alphanumerics)")
            elif bic[4:6] != cc:
                problems.append(f"{banks_path}:{n}: BIC {bic} is for {bic[4:6]}, row says {cc}")
            if bic in seen_bic:
                problems.append(f"{banks_path}:{n}: BIC {bic} already on line {seen_bic[bic]}")
            seen_bic[bic] = n
        else:
            names_of_unbic[name] = n
        for text in [name] + [a for a in aliases.split("|")]:
            if text != text.strip() or not text:
                problems.append(f"{banks_path}:{n}: empty alias or one with surrounding white space")
            texts.append(text)
            owners.append(n)

    folded = fold_all(texts)
    key_owner = {}
    for text, fold, n in zip(texts, folded, owners):
        key = key_of(text, fold)
        if fold and len(fold) < MIN_KEY:
            problems.append(f"{banks_path}:{n}: '{text}' folds to '{fold}', shorter than {MIN_KEY}")
        if key in key_owner and key_owner[key][0] != n:
            other_n, other_text = key_owner[key]
            problems.append(f"{banks_path}:{n}: '{text}' and '{other_text}' (line {other_n}) both fold to '{key}'")
        key_owner.setdefault(key, (n, text))
    # A row without a BIC is keyed by its folded name, which must not be empty.
    for text, fold, n in zip(texts, folded, owners):
        cols = dict(banks)[n]
        if cols[0] == "-" and text == cols[2] and not fold:
            problems.append(f"{banks_path}:{n}: name '{text}' of a row without BIC folds to nothing")

    ambig_texts = [cols[0] for _, cols in ambig]
    ambig_folded = fold_all(ambig_texts)
    has_default = set()
    seen_pair = {}
    for (n, (alias, cc, target)), fold in zip(ambig, ambig_folded):
        key = key_of(alias, fold)
        if key in key_owner:
            problems.append(f"{ambig_path}:{n}: '{alias}' folds to '{key}', which banks.tsv line {key_owner[key][0]} "
                            f"already claims ('{key_owner[key][1]}'); an ambiguous alias may not be in banks.tsv")
        if cc != "*" and not re.fullmatch(r"[A-Z]{2}", cc):
            problems.append(f"{ambig_path}:{n}: country '{cc}' is neither ISO alpha-2 nor '*'")
        if cc == "*":
            has_default.add(key)
        if (key, cc) in seen_pair:
            problems.append(f"{ambig_path}:{n}: '{alias}' for {cc} already on line {seen_pair[(key, cc)]}")
        seen_pair[(key, cc)] = n
        if target != "-" and target not in seen_bic and target not in names_of_unbic:
            problems.append(f"{ambig_path}:{n}: target '{target}' is neither a bic8 nor the name of a row without BIC")
        if target in seen_bic and cc not in ("*", target[4:6]):
            problems.append(f"{ambig_path}:{n}: target {target} is not a bank of {cc}")
    for key in {key_of(a, f) for a, f in zip(ambig_texts, ambig_folded)} - has_default:
        problems.append(f"{ambig_path}: '{key}' has no '*' line (what to do in other countries)")

    for p in problems:
        print(p)
    print(f"{len(banks)} banks ({len(seen_bic)} with BIC8, {len(banks) - len(seen_bic)} without), "
          f"{len(texts)} names and aliases, {len(ambig)} ambiguous-alias lines, {len(problems)} problems")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
