#!/usr/bin/env bash
# The baseline of docs/model.md: a plain fastText model (Debian's fasttext, default settings) trained
# and measured on exactly the split `jala train --holdout 0.2 --seed 1` makes, beside Jala's model.
# Both models' predictions of the held-out examples are scored by the same code: F1 of suspicious (scam
# or spam) against benign, of scam on the sources that label scams, and of suspicious per language;
# each on all held-out examples and on those of the shared corpus alone (the issue's bars are on it),
# without the project's own examples.
# Usage: bench/classify/fasttext_baseline.sh [BUILD_DIR]   (needs ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/../.."
jala=${1:-build/release}/apps/jala/jala
shared=../shared/datasets/messages/train.jsonl
[[ -f $shared ]] || { echo "fasttext_baseline: $shared is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$jala" train --data "$shared" data/training/lures.jsonl --holdout 0.2 --seed 1 --split-out "$work" \
  --out "$work/jala.jala" > /dev/null
"$jala" classify --jsonl --model "$work/jala.jala" "$work/held_out.jsonl" | jq -r .label > "$work/jala.txt"
to_fasttext() { jq -r '"__label__" + .label + " " + (.text | gsub("[\n\r]"; " "))' "$1"; }
to_fasttext "$work/train.jsonl" > "$work/train.txt"
to_fasttext "$work/held_out.jsonl" > "$work/held_out.txt"
fasttext supervised -input "$work/train.txt" -output "$work/fasttext" -verbose 0
fasttext predict "$work/fasttext.bin" "$work/held_out.txt" | sed 's/__label__//' > "$work/fasttext.txt"
jq -r .source "$shared" | sort -u > "$work/shared_sources.txt"

score() {  # NAME PREDICTIONS: one label per held-out example, in order
  jq -r '[.source, .lang, .label] | @tsv' "$work/held_out.jsonl" | paste - "$2" |
    awk -F'\t' -v name="$1" -v sources="$work/shared_sources.txt" '
  function add(key, truth, guess) { tp[key] += truth && guess; fp[key] += !truth && guess; fn[key] += truth && !guess }
  function f1(key) { p = tp[key] + fp[key] ? tp[key] / (tp[key] + fp[key]) : 0;
                     r = tp[key] + fn[key] ? tp[key] / (tp[key] + fn[key]) : 0; return p + r ? 2 * p * r / (p + r) : 0 }
  BEGIN { while ((getline line < sources) > 0) shared[line] = 1 }
  { source[NR] = $1; lang[NR] = $2; label[NR] = $3; guess[NR] = $4; if ($3 == "scam") scam_source[$1] = 1 }
  END {
    for (i = 1; i <= NR; i++) {
      part = source[i] in shared ? "shared " : "own "
      add("suspicious", label[i] != "benign", guess[i] != "benign")
      add(part "suspicious", label[i] != "benign", guess[i] != "benign")
      add("lang " lang[i], label[i] != "benign", guess[i] != "benign")
      add(part "lang " lang[i], label[i] != "benign", guess[i] != "benign")
      if (source[i] in scam_source) { add("scam", label[i] == "scam", guess[i] == "scam"); add(part "scam", label[i] == "scam", guess[i] == "scam") }
    }
    printf "%s: all held out: suspicious %.3f, scam %.3f; shared corpus only: suspicious %.3f, scam %.3f\n",
      name, f1("suspicious"), f1("scam"), f1("shared suspicious"), f1("shared scam")
    for (key in tp) if (key ~ /^lang /) printf "  %s %.3f (shared corpus only: %s)\n", key, f1(key),
      ("shared " key) in tp ? sprintf("%.3f", f1("shared " key)) : "none"
  }' | { read -r first; echo "$first"; sort; }
}
score "fastText (default settings)" "$work/fasttext.txt"
score "Jala" "$work/jala.txt"
