#!/usr/bin/env bash
# Regenerates all deskcast demo media (royalty-free: synthesized tunes + TTS).
#
#   bash media/generate.sh
#
# Needs only Debian packages: sox libsox-fmt-mp3 espeak-ng ffmpeg
# Everything is rebuilt from scratch in a temp dir and then moved into
# media/, overwriting the demo files of the same name (other files in the
# folders are left alone). Output is deterministic for a given tool set.
set -euo pipefail
export LC_ALL=C.UTF-8

MEDIA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# --------------------------------------------------------------- tool check
missing=()
for t in sox soxi espeak-ng ffmpeg ffprobe; do
  command -v "$t" >/dev/null 2>&1 || missing+=("$t")
done
if ((${#missing[@]})); then
  echo "generate.sh: missing tool(s): ${missing[*]}" >&2
  echo "Install them with:  apt-get install -y sox libsox-fmt-mp3 espeak-ng ffmpeg" >&2
  exit 1
fi
voices=$(espeak-ng --voices=cmn 2>/dev/null || true)
if [[ $voices != *cmn-latn-pinyin* ]]; then
  echo "generate.sh: espeak-ng has no 'cmn-latn-pinyin' voice (need espeak-ng >= 1.51 with espeak-ng-data)." >&2
  echo "Install it with:  apt-get install -y espeak-ng" >&2
  exit 1
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
if [[ $encoders != *libmp3lame* ]]; then
  echo "generate.sh: this ffmpeg has no libmp3lame encoder." >&2
  echo "Install Debian's ffmpeg with:  apt-get install -y ffmpeg" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/deskcast-media.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
STAGE=$TMP/out
mkdir -p "$STAGE"
OUTPUTS=()   # relative paths of everything we produce, in order

# ------------------------------------------------------------ encoding
SR=44100      # synthesis rate (sox 'pluck' needs 44.1-48 kHz)
OUT_SR=22050  # MP3 sample rate for everything

# encode_mp3 IN.wav REL_OUT.mp3 BITRATE TITLE
# Two-pass EBU R128 loudness normalisation to -16 LUFS / -1.5 dBTP, mono,
# explicit -ar (loudnorm would otherwise upsample to 192 kHz).
encode_mp3() {
  local in=$1 rel=$2 br=$3 title=$4 stats
  local out=$STAGE/$rel
  mkdir -p "$(dirname "$out")"
  stats=$(ffmpeg -hide_banner -nostdin -i "$in" \
    -af "loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json" -f null - 2>&1 |
    sed -n '/^{/,/^}/p')
  jget() { printf '%s\n' "$stats" | sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }
  local mi mtp mlra mth off
  mi=$(jget input_i); mtp=$(jget input_tp); mlra=$(jget input_lra)
  mth=$(jget input_thresh); off=$(jget target_offset)
  if [[ -z $mi || -z $mtp || -z $mlra || -z $mth || -z $off ]]; then
    echo "generate.sh: loudnorm analysis failed for $rel" >&2
    exit 1
  fi
  ffmpeg -hide_banner -nostdin -loglevel error -y -i "$in" \
    -map 0:a -map_metadata -1 \
    -af "loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=$mi:measured_TP=$mtp:measured_LRA=$mlra:measured_thresh=$mth:offset=$off:linear=true" \
    -ar "$OUT_SR" -ac 1 -c:a libmp3lame -b:a "$br" \
    -fflags +bitexact -flags:a +bitexact -id3v2_version 3 \
    -metadata title="$title" -metadata artist="deskcast demo" \
    -metadata album="deskcast demo media" \
    "$out"
  OUTPUTS+=("$rel")
  printf '  %-45s %s\n' "$rel" "$title"
}

# ------------------------------------------------------------ speech
# speak REL_OUT.mp3 TITLE   (Mandarin text on stdin)
# Always voice cmn-latn-pinyin: plain 'cmn' in espeak-ng 1.51 reads digits
# and Latin letters in English. Write numbers as Chinese words in the text.
speak() {
  local rel=$1 title=$2
  cat >"$TMP/speech.txt"
  espeak-ng -v cmn-latn-pinyin -s 150 -f "$TMP/speech.txt" -w "$TMP/speech_raw.wav"
  sox -R -D "$TMP/speech_raw.wav" "$TMP/speech.wav" gain -3 highpass 70 pad 0.3 0.3
  encode_mp3 "$TMP/speech.wav" "$rel" 24k "$title"
}

# ------------------------------------------------------------ music engine
# A tiny sequencer on top of `sox synth`. Each voice is rendered by ONE sox
# call whose effect chains (separated by ':') are the notes, concatenated.
#
# Tune variables (set them, then call make_tune):
#   T_KEY    tonic of the melody octave, in semitones from A4 (C5=3, A4=0, F4=-4)
#   T_MODE   major | minor
#   T_BPM    tempo (quarter notes / minute); T_METER eighths per bar (8=4/4, 6=3/4)
#   T_PROG_A / T_PROG_B  chord roots (scale degrees, diatonic triads), one per bar
#   T_MEL_A  / T_MEL_B   melody, bars separated by '|', notes "degree:eighths",
#                        degree 1..7 = melody octave, 8.. higher, 0/-1.. lower, r = rest
#   T_ARP, T_BASS        per-bar patterns "chordtone:eighths" (0 root,1 third,2 fifth,
#                        3 octave, 4 tenth; r = rest)
#   T_DRUM               per-bar drum pattern "k|s|h|r:eighths" (kick/snare/hat), "" = none
#   T_MEL_WAVE, T_ARP_WAVE, T_BASS_WAVE, T_PAD_WAVE ("" = no pad): sox synth types
#   T_MEL_FX             extra sox effects on the melody voice
#   T_INTRO              chord roots of the intro bars (no melody)
#   T_END                melody of the final tonic bar
#   T_LEN                target length in seconds (rounded to whole phrases)
#   T_REVERB             reverberance 0-100
#   T_MIX                "melody arp bass pad drums" mix volumes (sum <= 1)
MAJOR=(0 2 4 5 7 9 11)
MINOR=(0 2 3 5 7 8 10)
CHORD_OFS=(0 2 4 7 9)

reset_tune() {
  T_KEY=0 T_MODE=major T_BPM=100 T_METER=8 T_LEN=90 T_REVERB=50
  T_PROG_A="" T_PROG_B="" T_MEL_A="" T_MEL_B=""
  T_ARP="0:2 1:2 2:2 1:2" T_BASS="0:8" T_DRUM=""
  T_MEL_WAVE=triangle T_ARP_WAVE=pluck T_BASS_WAVE=triangle T_PAD_WAVE=""
  T_MEL_FX="" T_INTRO="4 5" T_END="" T_MIX="0.42 0.25 0.18 0.1 0.05"
}

# deg2semi TONIC MODE DEGREE  -> REPLY (semitones from A4)
deg2semi() {
  local n=$(($3 - 1)) oct idx
  if ((n >= 0)); then oct=$((n / 7)); else oct=$((-((6 - n) / 7))); fi
  idx=$((n - oct * 7))
  if [[ $2 == minor ]]; then
    REPLY=$(($1 + oct * 12 + MINOR[idx]))
  else
    REPLY=$(($1 + oct * 12 + MAJOR[idx]))
  fi
}

# chord root for low voices: keep roots 5..7 below the tonic
low_root() { if (($1 >= 5)); then REPLY=$(($1 - 7)); else REPLY=$1; fi; }

die_tune() { echo "generate.sh: tune '$TUNE_NAME': $*" >&2; exit 1; }

# check_bar "PATTERN" -> dies unless the eighths add up to T_METER
check_bar() {
  local sum=0 ev
  for ev in $1; do sum=$((sum + ${ev#*:})); done
  ((sum == T_METER)) || die_tune "bar '$1' has $sum eighths, expected $T_METER"
}

# Builds BAR_CHORD[], BAR_MEL[], BAR_KIND[] (I intro, A/B phrase, X interlude, E end)
build_form() {
  local -a pa pb ma mb intro
  read -ra pa <<<"$T_PROG_A"; read -ra pb <<<"$T_PROG_B"; read -ra intro <<<"$T_INTRO"
  IFS='|' read -ra ma <<<"$T_MEL_A"; IFS='|' read -ra mb <<<"$T_MEL_B"
  ((${#pa[@]} == ${#ma[@]})) || die_tune "melody A has ${#ma[@]} bars, progression ${#pa[@]}"
  ((${#pb[@]} == ${#mb[@]})) || die_tune "melody B has ${#mb[@]} bars, progression ${#pb[@]}"
  local b
  for b in "${ma[@]}" "${mb[@]}" "$T_ARP" "$T_BASS" ${T_DRUM:+"$T_DRUM"}; do check_bar "$b"; done

  local bar_s=$((E * T_METER)) fixed n phr_a phr_b
  fixed=$(((${#intro[@]} + 2) * bar_s))
  phr_a=$((${#pa[@]} * bar_s)); phr_b=$((${#pb[@]} * bar_s))
  # number of phrases so that the total is closest to T_LEN
  # (phrases cycle A B A B X ...; the piece may stop after an A or B phrase,
  # the final tonic bars resolve either)
  local want=$(((T_LEN - 3) * SR - fixed)) total=0 i p len best=0 err best_err=-1
  local -a cycle=(A B A B X) seq=()
  for ((i = 0; i < 40; i++)); do
    p=${cycle[i % 5]}
    if [[ $p == B ]]; then len=$phr_b; else len=$phr_a; fi
    seq+=("$p"); total=$((total + len))
    [[ $p != X ]] || continue
    err=$((total > want ? total - want : want - total))
    if ((best_err < 0 || err < best_err)); then best=$((i + 1)) best_err=$err; fi
  done
  seq=("${seq[@]:0:best}")

  BAR_CHORD=() BAR_MEL=() BAR_KIND=()
  for i in "${!intro[@]}"; do BAR_CHORD+=("${intro[i]}"); BAR_MEL+=("r:$T_METER"); BAR_KIND+=(I); done
  for p in "${seq[@]}"; do
    case $p in
      A) for i in "${!pa[@]}"; do BAR_CHORD+=("${pa[i]}"); BAR_MEL+=("${ma[i]}"); BAR_KIND+=(A); done ;;
      B) for i in "${!pb[@]}"; do BAR_CHORD+=("${pb[i]}"); BAR_MEL+=("${mb[i]}"); BAR_KIND+=(B); done ;;
      X) for i in "${!pa[@]}"; do BAR_CHORD+=("${pa[i]}"); BAR_MEL+=("r:$T_METER"); BAR_KIND+=(X); done ;;
    esac
  done
  BAR_CHORD+=(1 1); BAR_MEL+=("${T_END:-1:$T_METER}" "r:$T_METER"); BAR_KIND+=(E E)
  check_bar "${T_END:-1:$T_METER}"
}

# render_voice KIND OUT.wav   (KIND: mel arp bass pad drum)
render_voice() {
  local kind=$1 out=$2 chans=1 i ev d len semi root tone att rel pat hit
  local -a args=()
  local tonic=$T_KEY
  case $kind in arp | pad) tonic=$((T_KEY - 12)) ;; bass) tonic=$((T_KEY - 24)) ;; esac
  [[ $kind == pad ]] && chans=3
  add() { ((${#args[@]})) && args+=(:); args+=("$@"); }
  rest() { add synth "${1}s" sine 440 vol 0; }

  for i in "${!BAR_CHORD[@]}"; do
    local kindb=${BAR_KIND[i]} chord=${BAR_CHORD[i]} bar_s=$((E * T_METER))
    case $kind in
      mel)
        for ev in ${BAR_MEL[i]}; do
          d=${ev%%:*}; len=$((${ev#*:} * E))
          if [[ $d == r ]]; then rest "$len"; continue; fi
          deg2semi "$tonic" "$T_MODE" "$d"; semi=$REPLY
          if [[ $T_MEL_WAVE == pluck ]]; then att=0; else att=$((SR / 50)); fi
          rel=$((len / 3)); ((rel > SR / 4)) && rel=$((SR / 4))
          add synth "${len}s" "$T_MEL_WAVE" "%$semi" fade q "${att}s" "${len}s" "${rel}s" vol 0.7
        done ;;
      arp | bass)
        pat=$T_ARP; [[ $kind == bass ]] && pat=$T_BASS
        if [[ $kindb == E && $i -eq $((${#BAR_CHORD[@]} - 1)) ]]; then pat="0:$T_METER"; fi
        low_root "$chord"; root=$REPLY
        for ev in $pat; do
          tone=${ev%%:*}; len=$((${ev#*:} * E))
          if [[ $tone == r ]]; then rest "$len"; continue; fi
          deg2semi "$tonic" "$T_MODE" $((root + CHORD_OFS[tone])); semi=$REPLY
          local wave=$T_ARP_WAVE; [[ $kind == bass ]] && wave=$T_BASS_WAVE
          if [[ $wave == pluck ]]; then att=0; else att=$((SR / 100)); fi
          rel=$((len / 3)); ((rel > SR / 5)) && rel=$((SR / 5))
          add synth "${len}s" "$wave" "%$semi" fade q "${att}s" "${len}s" "${rel}s" vol 0.7
        done ;;
      pad)
        low_root "$chord"; root=$REPLY
        local s=()
        for tone in 0 1 2; do
          deg2semi "$tonic" "$T_MODE" $((root + CHORD_OFS[tone])); s+=("%$REPLY")
        done
        add synth "${bar_s}s" "$T_PAD_WAVE" "${s[0]}" "$T_PAD_WAVE" "${s[1]}" "$T_PAD_WAVE" "${s[2]}" \
          fade q "$((bar_s / 4))s" "${bar_s}s" "$((bar_s / 3))s" vol 0.7 ;;
      drum)
        pat=$T_DRUM
        case $kindb in
          I) pat="" ;;
          E) if ((i == ${#BAR_CHORD[@]} - 1)); then pat=""; else pat="k:$T_METER"; fi ;;
        esac
        if [[ -z $pat ]]; then rest "$bar_s"; continue; fi
        for ev in $pat; do
          d=${ev%%:*}; len=$((${ev#*:} * E))
          case $d in
            k) hit=$((SR * 15 / 100))
               add synth "${hit}s" sine 120:45 vol 0.8 fade q 0 "${hit}s" "$((hit * 4 / 5))s" ;;
            s) hit=$((SR * 12 / 100))
               add synth "${hit}s" whitenoise vol 0.5 band 1800 1400 fade q 0 "${hit}s" "$((hit * 9 / 10))s" ;;
            h) hit=$((SR * 5 / 100))
               add synth "${hit}s" whitenoise vol 0.4 highpass 5000 fade q 0 "${hit}s" "$((hit * 9 / 10))s" ;;
            r) hit=0; rest "$len"; continue ;;
            *) die_tune "unknown drum '$d'" ;;
          esac
          ((len > hit)) || die_tune "drum note shorter than its sound"
          args+=(pad 0 "$((len - hit))s")
        done ;;
    esac
  done
  sox -R -D -r "$SR" -c "$chans" -n -r "$SR" -c "$chans" -e floating-point -b 32 "$out" "${args[@]}"
}

# make_tune REL_OUT.mp3 TITLE
make_tune() {
  local rel=$1 title=$2 w=$TMP/tune
  TUNE_NAME=$rel
  E=$((SR * 30 / T_BPM))   # samples per eighth note
  build_form
  render_voice mel "$w-mel0.wav"
  if [[ -n $T_MEL_FX ]]; then
    # shellcheck disable=SC2086
    sox -R -D "$w-mel0.wav" "$w-mel.wav" gain -4 $T_MEL_FX trim 0 "$(soxi -s "$w-mel0.wav")s"
  else
    mv "$w-mel0.wav" "$w-mel.wav"
  fi
  render_voice arp "$w-arp.wav"
  render_voice bass "$w-bass.wav"
  local vm va vb vp vd
  read -r vm va vb vp vd <<<"$T_MIX"
  local -a mix=(-v "$vm" "$w-mel.wav" -v "$va" "$w-arp.wav" -v "$vb" "$w-bass.wav")
  if [[ -n $T_PAD_WAVE ]]; then
    render_voice pad "$w-pad3.wav"
    sox -R -D "$w-pad3.wav" "$w-pad.wav" remix -
    mix+=(-v "$vp" "$w-pad.wav")
  fi
  if [[ -n $T_DRUM ]]; then
    render_voice drum "$w-drum.wav"
    mix+=(-v "$vd" "$w-drum.wav")
  fi
  # mix, add room for the reverb tail, reverb, fade the tail out
  # (fade is given an explicit end position: with "reverb" earlier in the
  # chain, sox 14.4.2 miscomputes the length for "fade ... 0 ..." and cuts the
  # output to half. No "gain -n" either, it triggers the same bug; loudness is
  # normalised by ffmpeg loudnorm anyway.)
  local end=$((${#BAR_CHORD[@]} * E * T_METER + 3 * SR))
  sox -R -D -m "${mix[@]}" -e floating-point -b 32 "$w-sum.wav"
  sox -R -D "$w-sum.wav" "$w-mix.wav" \
    pad 0 3 gain -h reverb "$T_REVERB" 50 80 100 10 0 fade q 0.05 "${end}s" 3.5
  encode_mp3 "$w-mix.wav" "$rel" 32k "$title"
}

# ======================================================================
echo "== music"

# staff / warm, F major, 84 bpm
reset_tune
T_KEY=-4 T_BPM=84 T_LEN=90 T_REVERB=45
T_PROG_A="1 6 4 5"; T_MEL_A="3:3 2:1 1:2 3:2 | 6:4 5:2 3:2 | 4:3 5:1 6:2 8:2 | 7:2 6:2 5:4"
T_PROG_B="4 1 2 5"; T_MEL_B="6:2 8:2 8:3 6:1 | 5:3 3:1 1:4 | 2:2 4:2 6:2 4:2 | 5:6 r:2"
T_ARP="0:1 1:1 2:1 1:1 3:1 1:1 2:1 1:1"; T_BASS="0:4 2:4"; T_PAD_WAVE=sine
T_END="8:8" T_MIX="0.45 0.25 0.18 0.12 0"
make_tune staff/01-xiangqin-xiangai.mp3 "相亲相爱（演示伴奏）"

# welcome 1 / bright, D major, 112 bpm
reset_tune
T_KEY=5 T_BPM=112 T_LEN=90 T_REVERB=35
T_PROG_A="1 5 6 4"; T_MEL_A="5:2 5:1 6:1 5:2 3:2 | 5:2 4:1 3:1 2:4 | 1:2 3:2 6:2 5:2 | 4:2 3:2 2:2 r:2"
T_PROG_B="4 5 3 6"; T_MEL_B="6:2 8:2 8:2 6:2 | 7:2 5:2 2:4 | 3:2 5:2 7:3 5:1 | 6:6 r:2"
T_ARP="0:1 1:1 2:1 3:1 2:1 1:1 0:1 1:1"; T_BASS="0:3 0:1 2:4"; T_DRUM="k:2 h:2 s:2 h:2"
T_END="8:8" T_MIX="0.4 0.25 0.2 0 0.15"
make_tune welcome/01-welcome-theme.mp3 "迎宾曲一（演示）"

# welcome 2 / bright, G major, 126 bpm, offbeat plucks
reset_tune
T_KEY=-2 T_BPM=126 T_LEN=90 T_REVERB=35
T_PROG_A="1 4 1 5"; T_MEL_A="1:1 3:1 5:2 5:1 6:1 5:2 | 6:2 8:2 6:2 4:2 | 5:1 3:1 1:2 3:1 5:1 8:2 | 7:4 5:4"
T_PROG_B="6 3 4 5"; T_MEL_B="8:2 6:2 3:2 6:2 | 7:2 5:2 3:4 | 4:1 6:1 8:2 6:1 4:1 6:2 | 5:2 7:2 9:4"
T_MEL_WAVE=pluck T_ARP_WAVE=triangle
T_ARP="r:1 1:1 r:1 2:1 r:1 1:1 r:1 2:1"; T_BASS="0:2 0:2 2:2 3:2"; T_DRUM="k:2 h:2 s:2 h:1 k:1"
T_END="8:8" T_INTRO="1 5" T_MIX="0.45 0.2 0.2 0 0.15"
make_tune welcome/02-welcome-morning.mp3 "迎宾曲二（演示）"

# farewell 1 / calm, C major, 76 bpm, sine melody with chorus
reset_tune
T_KEY=3 T_BPM=76 T_LEN=90 T_REVERB=65
T_PROG_A="1 5 6 3"; T_MEL_A="5:4 3:2 1:2 | 2:4 5:4 | 6:3 5:1 3:2 1:2 | 3:6 r:2"
T_PROG_B="4 1 4 5"; T_MEL_B="4:3 3:1 4:2 6:2 | 5:4 3:2 1:2 | 6:2 5:2 4:2 6:2 | 5:6 r:2"
T_MEL_WAVE=sine T_MEL_FX="chorus 0.6 0.9 50 0.4 0.25 2 -s"
T_ARP="0:2 1:2 2:2 1:2"; T_BASS="0:8"; T_PAD_WAVE=triangle
T_MIX="0.42 0.25 0.2 0.13 0"
make_tune farewell/01-farewell-theme.mp3 "送宾曲一（演示）"

# farewell 2 / calm waltz, Bb major, 3/4 at 104 bpm
reset_tune
T_KEY=1 T_BPM=104 T_METER=6 T_LEN=90 T_REVERB=65
T_PROG_A="1 6 4 5 1 6 2 5"
T_MEL_A="5:4 3:2 | 1:4 3:2 | 4:2 6:2 8:2 | 7:6 | 8:4 5:2 | 6:2 5:2 3:2 | 4:4 2:2 | 5:6"
T_PROG_B="4 5 3 6 2 5 1 1"
T_MEL_B="6:4 4:2 | 5:2 7:2 9:2 | 7:4 5:2 | 6:4 3:2 | 4:2 6:2 4:2 | 5:4 2:2 | 1:6 | r:6"
T_ARP="0:2 1:2 2:2"; T_BASS="0:6"; T_PAD_WAVE=sine T_INTRO="1 5"
T_MIX="0.42 0.25 0.2 0.13 0"
make_tune farewell/02-farewell-evening.mp3 "送宾曲二（演示）"

# english 1 / "Morning Walk", E major, 116 bpm, filtered square lead
reset_tune
T_KEY=-5 T_BPM=116 T_LEN=120 T_REVERB=30
T_PROG_A="6 4 1 5"
T_MEL_A="r:1 3:1 3:1 3:1 3:2 2:1 1:1 | 4:3 3:1 1:4 | r:1 5:1 5:1 5:1 5:2 6:1 5:1 | 5:2 4:2 3:2 2:2"
T_PROG_B="4 5 1 5"
T_MEL_B="6:1 6:1 6:1 8:1 8:2 6:2 | 7:2 5:2 2:2 5:2 | 8:1 8:1 8:1 7:1 8:2 5:2 | 5:4 r:2 2:1 3:1"
T_MEL_WAVE=square T_MEL_FX="lowpass 2200"
T_ARP="0:1 1:1 2:1 1:1 0:1 1:1 2:1 1:1"; T_BASS="0:3 0:1 2:2 3:2"; T_DRUM="k:2 h:2 s:2 h:1 k:1"
T_INTRO="6 5" T_MIX="0.4 0.22 0.2 0 0.18"
make_tune background/english/01-morning-walk.mp3 "English Song Demo 1 — Morning Walk"

# english 2 / "City Lights", A minor, 104 bpm, plucked lead
reset_tune
T_KEY=0 T_MODE=minor T_BPM=104 T_LEN=120 T_REVERB=35
T_PROG_A="1 6 3 7"
T_MEL_A="5:1 5:1 r:1 5:1 4:1 3:1 1:2 | 3:2 1:1 3:1 r:2 6:2 | 5:1 5:1 r:1 5:1 7:2 5:2 | 4:2 2:2 0:4"
T_PROG_B="4 1 6 5"
T_MEL_B="8:2 6:1 4:1 6:2 8:2 | 7:1 5:1 3:1 1:1 5:4 | 6:1 6:1 8:1 6:1 3:2 1:2 | 2:2 0:2 r:4"
T_MEL_WAVE=pluck T_ARP_WAVE=triangle
T_ARP="r:1 0:1 r:1 1:1 r:1 2:1 r:1 1:1"; T_BASS="0:1 r:1 0:1 3:1 r:1 0:1 2:2"; T_DRUM="k:2 s:2 k:1 k:1 s:2"
T_INTRO="1 7" T_PAD_WAVE=sine T_MIX="0.4 0.2 0.2 0.08 0.12"
make_tune background/english/02-city-lights.mp3 "English Song Demo 2 — City Lights"

# english 3 / "Sunny Day", A major, 132 bpm, brassy saw lead
reset_tune
T_KEY=0 T_BPM=132 T_LEN=120 T_REVERB=30
T_PROG_A="1 3 4 5"
T_MEL_A="1:1 1:1 3:1 5:1 8:2 5:2 | 7:2 5:1 3:1 5:4 | 6:1 6:1 4:1 6:1 8:2 6:1 4:1 | 5:2 2:2 5:2 r:2"
T_PROG_B="6 4 1 5"
T_MEL_B="3:2 6:1 8:1 6:2 3:2 | 4:2 6:1 8:1 6:4 | 5:1 3:1 5:1 8:1 5:2 3:2 | 2:4 5:4"
T_MEL_WAVE=sawtooth T_MEL_FX="lowpass 1800"
T_ARP="0:1 2:1 3:1 2:1 0:1 2:1 3:1 2:1"; T_BASS="0:2 3:2 0:2 3:2"; T_DRUM="k:1 h:1 s:1 h:1 k:1 k:1 s:1 h:1"
T_MIX="0.38 0.22 0.2 0 0.2"
make_tune background/english/03-sunny-day.mp3 "English Song Demo 3 — Sunny Day"

# light 1 / "Quiet Garden", Eb major, 66 bpm
reset_tune
T_KEY=6 T_BPM=66 T_LEN=120 T_REVERB=75
T_PROG_A="1 4 6 5"; T_MEL_A="3:4 5:4 | 6:6 8:2 | 8:4 6:2 5:2 | 5:8"
T_PROG_B="2 5 1 1"; T_MEL_B="4:4 6:4 | 5:4 2:4 | 3:6 2:2 | 1:8"
T_MEL_WAVE=sine T_MEL_FX="chorus 0.6 0.9 55 0.4 0.3 2 -t"
T_ARP="0:1 1:1 2:1 3:1 4:1 3:1 2:1 1:1"; T_BASS="0:8"; T_BASS_WAVE=sine T_PAD_WAVE=triangle
T_MIX="0.42 0.2 0.22 0.16 0"
make_tune background/light/01-quiet-garden.mp3 "轻音乐一 Light Music 1 (demo)"

# light 2 / "Soft Rain", D minor, 3/4 at 84 bpm
reset_tune
T_KEY=5 T_MODE=minor T_BPM=84 T_METER=6 T_LEN=120 T_REVERB=75
T_PROG_A="1 4 7 3 6 4 5 5"
T_MEL_A="5:4 3:2 | 4:4 6:2 | 7:2 4:2 2:2 | 3:6 | 8:4 6:2 | 6:2 4:2 8:2 | 7:4 5:2 | 5:6"
T_PROG_B="6 7 3 6 4 5 1 1"
T_MEL_B="3:2 6:2 8:2 | 9:4 7:2 | 7:4 5:2 | 6:6 | 4:2 6:2 8:2 | 7:2 5:2 2:2 | 3:4 2:2 | 1:6"
T_MEL_WAVE=triangle T_MEL_FX="lowpass 1500"
T_ARP="0:1 2:1 3:1 4:1 3:1 2:1"; T_BASS="0:6"; T_BASS_WAVE=sine T_PAD_WAVE=sine T_INTRO="1 5"
T_MIX="0.42 0.22 0.2 0.16 0"
make_tune background/light/02-soft-rain.mp3 "轻音乐二 Light Music 2 (demo)"

# light 3 / "Afternoon Tea", Ab major, 72 bpm, 3-3-2 arpeggio
reset_tune
T_KEY=-1 T_BPM=72 T_LEN=120 T_REVERB=60
T_PROG_A="4 5 3 6"; T_MEL_A="8:3 6:3 4:2 | 5:3 7:3 9:2 | 7:4 5:4 | 6:3 3:3 r:2"
T_PROG_B="2 5 1 1"; T_MEL_B="4:3 6:3 8:2 | 7:4 5:4 | 3:3 5:3 8:2 | 8:6 r:2"
T_MEL_WAVE=triangle T_MEL_FX="chorus 0.6 0.9 50 0.4 0.25 2 -s"
T_ARP="0:3 2:3 1:2"; T_ARP_WAVE=pluck T_BASS="0:6 2:2"; T_PAD_WAVE=sine T_INTRO="1 5"
T_END="8:8" T_MIX="0.42 0.22 0.2 0.16 0"
make_tune background/light/03-afternoon-tea.mp3 "轻音乐三 Light Music 3 (demo)"

# ======================================================================
echo "== speech"

speak staff/02-mindset-talk.mp3 "营业员心态调整（演示）" <<'EOF'
各位伙伴，大家早上好！新的一天马上就要开始了，请大家放松心情，带着微笑迎接每一位顾客。
顾客走近柜台时，请主动问好，耐心倾听，细心介绍。
遇到顾客有疑问或者不满意，请不要急，先认真听完，再想办法帮顾客解决问题。
开门之前，请再检查一遍柜台和展品，保持干净整齐。
同时请留意消防通道是否畅通，电源插座是否安全。
让我们用热情和专业，迎接今天的每一位顾客，加油！
EOF

speak speech/opening/welcome-speech.mp3 "欢迎语" <<'EOF'
尊敬的顾客朋友们，早上好！欢迎光临红星国际家居。
本商场的营业时间是上午九点半至下午五点半，周六和周日延长至晚上六点。
一楼客户服务台为您提供咨询、投诉和三十天无理由退货服务。
如果您需要帮助，请随时联系我们的工作人员。祝您购物愉快，谢谢！
EOF

speak speech/reminders/01-belongings.mp3 "友情提醒：保管好随身物品" <<'EOF'
友情提醒：商场内人多，请您保管好随身携带的钱包、手机等贵重物品，谨防丢失。谢谢合作！
EOF

speak speech/reminders/02-children.mp3 "友情提醒：照看好您的孩子" <<'EOF'
友情提醒：请照看好您的孩子，不要让孩子独自乘坐扶梯，也不要在商场内奔跑打闹，以免发生意外。谢谢合作！
EOF

speak speech/reminders/03-no-smoking.mp3 "友情提醒：商场内请勿吸烟" <<'EOF'
友情提醒：商场内禁止吸烟。如需吸烟，请到商场外的吸烟区。感谢您的配合！
EOF

speak speech/holiday/holiday-greeting.mp3 "节日祝福语（通用）" <<'EOF'
值此佳节，红星国际家居祝全体顾客朋友节日快乐，全家幸福！
节日期间客流较多，请您注意安全，照看好老人和孩子。祝您购物愉快！
EOF

speak speech/event/01-event-demo.mp3 "活动信息一（演示）" <<'EOF'
年终大促开始啦！即日起至本月底，二楼到四楼家具区全场打折，部分商品低至七折。
凡当天购物满两千元，凭购物小票到一楼客户服务台，就可以参加幸运抽奖，好礼等您来拿！
EOF

speak speech/event/02-event-demo.mp3 "活动信息二（演示）" <<'EOF'
周末家居节，精彩不停！本周六和周日，在商场内购买家具或建材满三千元，可享受免费送货上门和免费安装服务。
一楼中庭还有家居设计师现场咨询，欢迎您前来参加！
EOF

speak promos/lanting-sofa.mp3 "兰亭沙发：全场沙发八折" <<'EOF'
兰亭沙发新品上市，全场沙发一律八折！真皮沙发、布艺沙发款式齐全，舒适耐用。欢迎到二楼A二零一兰亭沙发选购！
EOF

speak promos/mubai-wood.mp3 "木白实木家具：买满五千送茶几" <<'EOF'
木白实木家具，精选优质实木，环保健康。活动期间，购买家具满五千元，即送实木茶几一张！欢迎到三楼B三零五木白实木家具选购！
EOF

speak promos/jiale-ceramics.mp3 "佳乐瓷砖：新品瓷砖特价" <<'EOF'
佳乐瓷砖新品到店！多款新品瓷砖特价销售，花色丰富，质量可靠，让您的家更加美观。欢迎到一楼C一一零佳乐瓷砖选购！
EOF

speak promos/lumi-lighting.mp3 "鹿米灯饰：灯具满千减百" <<'EOF'
鹿米灯饰，点亮温馨的家！吊灯、台灯、吸顶灯等各类灯具，全场满一千元减一百元。欢迎到四楼D四零二鹿米灯饰选购！
EOF

speak promos/anmian-mattress.mp3 "安眠床垫：免费试睡三十天" <<'EOF'
安眠床垫，让您夜夜安睡到天亮！现在购买床垫，可以免费试睡三十天，不满意可以退换。欢迎到三楼B三一八安眠床垫体验选购！
EOF

# ------------------------------------------------------------ install
for rel in "${OUTPUTS[@]}"; do
  mkdir -p "$MEDIA_DIR/$(dirname "$rel")"
  mv -f "$STAGE/$rel" "$MEDIA_DIR/$rel"
done

# ------------------------------------------------------------ summary
echo
printf '%-44s %8s %6s %3s %5s %8s\n' FILE SECONDS RATE CH KBPS BYTES
total=0
for rel in "${OUTPUTS[@]}"; do
  f=$MEDIA_DIR/$rel
  IFS=, read -r rate ch < <(ffprobe -v error -select_streams a:0 \
    -show_entries stream=sample_rate,channels -of csv=p=0 "$f")
  IFS=, read -r dur br < <(ffprobe -v error -show_entries format=duration,bit_rate -of csv=p=0 "$f")
  size=$(stat -c %s "$f"); total=$((total + size))
  printf '%-44s %8.2f %6s %3s %5s %8s\n' "$rel" "$dur" "$rate" "$ch" "$((br / 1000))" "$size"
done
printf "%d files, %d bytes (%d.%02d MiB)\n" "${#OUTPUTS[@]}" "$total" $((total / 1048576)) $((total % 1048576 * 100 / 1048576))
