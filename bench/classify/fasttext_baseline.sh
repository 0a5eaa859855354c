#!/usr/bin/env bash
# The baseline of docs/model.md: a plain fastText model (Debian's fasttext, default settings) trained
# and measured on exactly the split `jala train --holdout 0.2 --seed 1` makes, beside Jala's model.
# Prints both models' held-out F1: suspicious (scam or spam) against benign, scam on the sources that
# label scams, and suspicious per language.
# Usage: bench/classify/fasttext_baseline.sh [BUILD_DIR]   (needs ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
jala=${1:-build/release}/apps/jala/jala
shared=../shared/datasets/messages/train.jsonl
[[ -f $shared ]] || { echo "fasttext_baseline: $shared is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$jala" train --data "$shared" data/training/lures.jsonl --holdout 0.2 --seed 1 --split-out "$work" \
  --out "$work/jala.jala" --json | jq '.held_out | {suspicious: .suspicious.f1, scam: .scam.f1,
  by_language: (.by_language | map_values(.f1))}' > "$work/jala.json"
to_fasttext() { jq -r '"__label__" + .label + " " + (.text | gsub("[\n\r]"; " "))' "$1"; }
to_fasttext "$work/train.jsonl" > "$work/train.txt"
to_fasttext "$work/held_out.jsonl" > "$work/held_out.txt"
fasttext supervised -input "$work/train.txt" -output "$work/fasttext" -verbose 0
fasttext predict "$work/fasttext.bin" "$work/held_out.txt" | sed 's/__label__//' > "$work/predicted.txt"
jq -r '[.source, .lang, .label] | @tsv' "$work/held_out.jsonl" | paste - "$work/predicted.txt" | awk -F'\t' '
  function add(key, truth, guess) { tp[key] += truth && guess; fp[key] += !truth && guess; fn[key] += truth && !guess }
  function f1(key) { p = tp[key] + fp[key] ? tp[key] / (tp[key] + fp[key]) : 0;
                     r = tp[key] + fn[key] ? tp[key] / (tp[key] + fn[key]) : 0; return p + r ? 2 * p * r / (p + r) : 0 }
  { source[NR] = $1; lang[NR] = $2; label[NR] = $3; guess[NR] = $4; if ($3 == "scam") scam_source[$1] = 1 }
  END {
    for (i = 1; i <= NR; i++) {
      add("suspicious", label[i] != "benign", guess[i] != "benign"); add("lang " lang[i], label[i] != "benign", guess[i] != "benign")
      if (source[i] in scam_source) add("scam", label[i] == "scam", guess[i] == "scam")
    }
    printf "fastText (default settings): suspicious %.3f, scam %.3f\n", f1("suspicious"), f1("scam")
    for (key in tp) if (key ~ /^lang /) printf "  %s %.3f\n", key, f1(key)
  }'
echo "Jala:"
cat "$work/jala.json"
