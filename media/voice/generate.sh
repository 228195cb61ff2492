#!/usr/bin/env bash
# Builds the queue's voice pack: the short clips a call ("请 A012 号顾客到 2 号窗口") is joined
# from, spoken by espeak-ng, plus a two-tone chime made with sox.
#
#   bash media/voice/generate.sh [OUT_DIR]      (default: this folder)
#
# Needs only Debian packages: sox espeak-ng ffmpeg
# Every clip is a 16 kHz mono 16-bit WAV named as server/queue/voice-clips.ts asks for it
# (chime.wav, zh/qing.wav, zh/A.wav, zh/0.wav, en/ticket.wav …). Silence is trimmed from both
# ends of each clip, so clips join without gaps of their own; the speech clips are then brought
# to one loudness together (one gain for all, measured on them joined), so no digit is louder
# than the next. A pack recorded by a person replaces these files under the same names.
set -euo pipefail
export LC_ALL=C.UTF-8

OUT=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}

# --------------------------------------------------------------- tool check
missing=()
for t in sox espeak-ng ffmpeg; do
  command -v "$t" >/dev/null 2>&1 || missing+=("$t")
done
if ((${#missing[@]})); then
  echo "generate.sh: missing tool(s): ${missing[*]}" >&2
  echo "Install them with:  apt-get install -y sox espeak-ng ffmpeg" >&2
  exit 1
fi
if [[ $(espeak-ng --voices=cmn 2>/dev/null || true) != *cmn-latn-pinyin* ]]; then
  echo "generate.sh: espeak-ng has no 'cmn-latn-pinyin' voice (need espeak-ng >= 1.51)." >&2
  echo "Install it with:  apt-get install -y espeak-ng espeak-ng-data" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/deskcast-voice.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
RATE=16000
# Speech loudness of the pack; the chime sits a little below it.
SPEECH_LUFS=-16
CHIME_LUFS=-19
PEAK_DBTP=-1.5
NAMES=() # every speech clip, in the order made

# say NAME VOICE SPEED TEXT: one clip, trimmed, at the pack's rate, not yet levelled.
say() {
  local name=$1 voice=$2 speed=$3 text=$4
  mkdir -p "$TMP/raw/$(dirname "$name")"
  espeak-ng -v "$voice" -s "$speed" -w "$TMP/espeak.wav" "$text"
  # silence: cut below -50 dB at the start, then (reversed) at the end; a 30 ms tail is kept so
  # joined clips do not run into each other.
  sox -D "$TMP/espeak.wav" -r "$RATE" -c 1 -b 16 "$TMP/raw/$name.wav" \
    gain -6 highpass 70 silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse pad 0 0.03
  NAMES+=("$name")
}

# Mandarin, voice cmn-latn-pinyin: plain 'cmn' reads digits in English (media/generate.sh).
# Letters are read as espeak's Chinese letter names (A: ei, B: bi, E: yi …), checked with -x.
ZH="cmn-latn-pinyin"
say zh/qing "$ZH" 150 "请"
say zh/hao-guke "$ZH" 150 "号顾客"
say zh/dao "$ZH" 150 "到"
say zh/hao-chuangkou "$ZH" 150 "号窗口"
zh_digits=(零 一 二 三 四 五 六 七 八 九)
for d in {0..9}; do say "zh/$d" "$ZH" 150 "${zh_digits[$d]}"; done
say zh/10 "$ZH" 150 "十"
# 幺: how 1 is read in numbers said one digit at a time, for who prefers it (queue.yaml digitOne).
say zh/yao "$ZH" 150 "幺"
for l in {A..Z}; do say "zh/$l" "$ZH" 150 "$l"; done

EN="en-us"
say en/ticket "$EN" 165 "Ticket"
say en/please-go-to "$EN" 165 "please go to"
say en/counter "$EN" 165 "counter"
en_digits=(zero one two three four five six seven eight nine)
for d in {0..9}; do say "en/$d" "$EN" 165 "${en_digits[$d]}"; done
for l in {A..Z}; do say "en/$l" "$EN" 165 "$l"; done

# ding-dong: E5 then C5, each with a soft octave partial and a bell-like decay.
sox -n -r "$RATE" -b 16 -c 1 "$TMP/ding.wav" synth 0.9 sine 659.26 sine 1318.5 remix 1v0.8,2v0.2 fade l 0.005 0.9 0.85
sox -n -r "$RATE" -b 16 -c 1 "$TMP/dong.wav" synth 1.3 sine 523.25 sine 1046.5 remix 1v0.8,2v0.2 fade l 0.005 1.3 1.25
sox "$TMP/ding.wav" "$TMP/ding-padded.wav" pad 0 0.85
sox "$TMP/dong.wav" "$TMP/dong-padded.wav" pad 0.45 0.15
sox -m "$TMP/ding-padded.wav" "$TMP/dong-padded.wav" "$TMP/raw/chime.wav"

# loudness FILE: integrated loudness and true peak, as "I TP".
loudness() {
  ffmpeg -hide_banner -nostdin -i "$1" -af "loudnorm=print_format=json" -f null - 2>&1 |
    sed -n 's/.*"input_\(i\|tp\)" *: *"\([^"]*\)".*/\2/p' | paste -sd' '
}

# gain_for I TP TARGET: the gain reaching TARGET LUFS without the peak passing PEAK_DBTP.
gain_for() {
  awk -v i="$1" -v tp="$2" -v t="$3" -v p="$PEAK_DBTP" \
    'BEGIN { g = t - i; if (tp + g > p) g = p - tp; printf "%.2f", g }'
}

# One gain for every speech clip, measured on all of them joined. espeak's peaks stand high
# above its loudness, so the speech goes through sox's limiter (gain -l) rather than being
# held down by its loudest consonant.
list=()
for n in "${NAMES[@]}"; do list+=("$TMP/raw/$n.wav"); done
sox "${list[@]}" "$TMP/all-speech.wav"
read -r si _ <<<"$(loudness "$TMP/all-speech.wav")"
speech_gain=$(awk -v i="$si" -v t="$SPEECH_LUFS" 'BEGIN { printf "%.2f", t - i }')
read -r ci ctp <<<"$(loudness "$TMP/raw/chime.wav")"
chime_gain=$(gain_for "$ci" "$ctp" "$CHIME_LUFS")

# apply GAIN: writes every speech clip with GAIN through the limiter; prints the result's "I TP".
mkdir -p "$OUT/zh" "$OUT/en"
apply() {
  local out=()
  for n in "${NAMES[@]}"; do
    sox "$TMP/raw/$n.wav" "$OUT/$n.wav" gain -l "$1"
    out+=("$OUT/$n.wav")
  done
  sox "${out[@]}" "$TMP/all-out.wav"
  loudness "$TMP/all-out.wav"
}
# The limiter takes back some of the gain: a second pass makes up for it.
read -r oi otp <<<"$(apply "$speech_gain")"
speech_gain=$(awk -v g="$speech_gain" -v i="$oi" -v t="$SPEECH_LUFS" 'BEGIN { printf "%.2f", g + t - i }')
read -r oi otp <<<"$(apply "$speech_gain")"
sox "$TMP/raw/chime.wav" "$OUT/chime.wav" gain "$chime_gain"

total=$(du -cb "$OUT"/chime.wav "$OUT"/zh/*.wav "$OUT"/en/*.wav | tail -1 | cut -f1)
printf 'voice pack: %d speech clips + chime in %s, %d KiB; speech %s LUFS (peak %s dBTP), chime %s dB\n' \
  "${#NAMES[@]}" "$OUT" $((total / 1024)) "$oi" "$otp" "$chime_gain"
