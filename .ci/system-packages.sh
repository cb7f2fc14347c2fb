#!/usr/bin/env bash
# Debian packages the PDF and browser checks need: XeLaTeX + fonts, Chromium, poppler (pdftoppm).
set -euo pipefail
need=()
command -v xelatex  >/dev/null || need+=(texlive-xetex texlive-fonts-recommended texlive-latex-extra fonts-freefont-otf latexmk)
command -v latexmk  >/dev/null || need+=(latexmk)
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
