#!/usr/bin/env bash
# Interleaved timing of shell commands: compare.sh RUNS 'cmd A' 'cmd B' ...  — runs A, B, … in turn RUNS times and
# prints each command's median, min and p90 in ms. Interleaving keeps a loaded machine's drift out of the ratios.
set -euo pipefail
runs="$1"; shift
declare -a names=("$@")
tmp="$(mktemp -d)"
for i in $(seq 1 "$runs"); do
  for j in "${!names[@]}"; do
    s=$(date +%s%N); bash -c "${names[$j]}" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 )) >> "$tmp/$j"
  done
done
for j in "${!names[@]}"; do
  sort -n "$tmp/$j" | awk -v name="${names[$j]}" '{a[NR]=$1} END {printf "%6d median %6d min %6d p90  %s\n", a[int((NR+1)/2)], a[1], a[int(NR*0.9+0.5)], name}'
done
rm -rf "$tmp"
