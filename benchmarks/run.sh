#!/usr/bin/env bash
# The full comparison: prclean against every installed peer, on the fixtures and the shared corpus.
# Writes benchmarks/out/report.json, benchmarks/out/report.md and benchmarks/out/f1_vs_speed.png.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${PRCLEAN_SHARED:-../shared}"
corpora=(fixtures)
for extra in "$SHARED/corpus/seeds" "$SHARED/corpus/dev"; do [ -d "$extra" ] && corpora+=("$extra"); done
mkdir -p benchmarks/out
prclean bench "${corpora[@]}" \
  --systems prclean,raw,c4,trafilatura,trafilatura-precision,readability,resiliparse,justext \
  --json benchmarks/out/report.json --chart benchmarks/out/f1_vs_speed.png "$@" | tee benchmarks/out/report.md
