#!/usr/bin/env bash
# The first step of `npm test`: what the tests need that npm cannot bring. Chromium runs the
# browser tests (playwright-core drives /usr/bin/chromium; no browser is downloaded) and Noto
# CJK draws their Chinese. Speech (espeak-ng) and ffmpeg come from npm packages, so nothing
# else is needed. As root with apt, the missing packages are installed (said in one line);
# otherwise the run stops at once with the command to run.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing ${missing[*]} with apt-get (needed by the browser tests)"
  log=$(mktemp "${TMPDIR:-/tmp}/deskcast-apt.XXXXXX")
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "npm test: apt-get could not install ${missing[*]} (log: $log)" >&2
    exit 1
  fi
  rm -f "$log"
  exit 0
fi

echo "npm test needs ${missing[*]}; install them, then run npm test again:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
