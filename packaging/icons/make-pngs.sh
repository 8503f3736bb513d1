#!/usr/bin/env bash
# Remakes the hicolor PNG icons from frontdoor.svg (needs librsvg2-bin). The PNGs are committed so that
# building Frontdoor does not need it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" frontdoor.svg -o "frontdoor-$size.png"
done
