#!/bin/sh
# Records a session as it is heard, the voice and the tones apart, and says what was heard.
#
#   benches/sound/record.sh NAME [--latency-msec=10] -- [TRUNKROT FLAGS...]
#
# Needs a running PulseAudio (`pulseaudio -D --exit-idle-time=-1`), espeak-ng, paplay, parec,
# python3; VOICE_OPTIONS="-s 140" gives espeak-ng options. It loads a null sink `rec` and two
# mono sinks on it, `voice` (its left channel) and `tones` (its right), unless they are there,
# and runs the release binary in plain mode with the real espeak-ng and paplay behind two
# wrappers that log when trunkrot starts each and send each to its sink. Without
# --latency-msec, parec leaves the null sink at its 2 s default: the slow case. Writes NAME.wav,
# NAME.log (what trunkrot started) and NAME.out in the current folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
name=$1; shift
latency=""
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do latency="$latency $1"; shift; done
[ "$#" -gt 0 ] && shift
pactl list short sinks | grep -q "^[0-9]*	rec	" || pactl load-module module-null-sink sink_name=rec >/dev/null
pactl list short sinks | grep -q "	voice	" || pactl load-module module-remap-sink sink_name=voice master=rec \
    channels=1 channel_map=mono master_channel_map=front-left remix=no >/dev/null
pactl list short sinks | grep -q "	tones	" || pactl load-module module-remap-sink sink_name=tones master=rec \
    channels=1 channel_map=mono master_channel_map=front-right remix=no >/dev/null

# The session gets config and data folders of its own: the sound server is found the same way.
PULSE_SERVER=${PULSE_SERVER:-$(pactl info | sed -n 's/^Server String: //p')}
PULSE_COOKIE=${PULSE_COOKIE:-${XDG_CONFIG_HOME:-$HOME/.config}/pulse/cookie}
export PULSE_SERVER PULSE_COOKIE
work=$(mktemp -d)
log=$(pwd)/$name.log
: > "$log"
mkdir -p "$work/bin" "$work/config/trunkrot"
# Named espeak-ng, so that trunkrot treats it as one (it records the counts' words with -w).
cat > "$work/bin/espeak-ng" <<EOF
#!/bin/sh
for last; do :; done
case "\$*" in *"-w "*) ;; *) echo "\$(date +%s.%N) say \$last" >> '$log' ;; esac
PULSE_SINK=voice exec $(command -v espeak-ng) "\$@"
EOF
cat > "$work/bin/player" <<EOF
#!/bin/sh
echo "\$(date +%s.%N) play \${1##*/}" >> '$log'
PULSE_SINK=tones exec $(command -v paplay) "\$@"
EOF
chmod +x "$work/bin/espeak-ng" "$work/bin/player"
# VOICE_OPTIONS (say `-s 140`) go to espeak-ng before the words, as a voice_command's would.
options=""
for option in ${VOICE_OPTIONS:-}; do options="$options, \"$option\""; done
printf 'voice = true\nvoice_command = ["%s"%s]\nplayer = ["%s"]\n' "$work/bin/espeak-ng" "$options" "$work/bin/player" \
    > "$work/config/trunkrot/config.toml"

# shellcheck disable=SC2086
parec $latency -d rec.monitor --file-format=wav --rate=22050 --channels=2 "$name.wav" &
recorder=$!
# The null sink takes a moment to settle at the latency parec asks for.
sleep 3
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$repo/target/release/trunkrot" --plain "$@" \
    > "$name.out" 2>&1 || true
sleep 2.5
kill "$recorder"
wait "$recorder" 2>/dev/null || true
rm -rf "$work"
python3 "$here/analyze.py" "$name.wav" "$log"
