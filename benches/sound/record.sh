#!/bin/sh
# Records a session as it is heard, the voice and the tones apart, and says what was heard.
#
#   benches/sound/record.sh NAME [--latency-msec=10] -- [TRUNKROT FLAGS...]
#
# Needs a running PulseAudio (`pulseaudio -D --exit-idle-time=-1`), espeak-ng, paplay, parec,
# python3; VOICE_OPTIONS="-s 140" gives espeak-ng options. It loads a null sink `rec` (or $SINK)
# and two mono sinks on it, `rec-voice` (its left channel) and `rec-tones` (its right), unless
# they are there, and runs the release binary in plain mode with the real espeak-ng and paplay
# behind two wrappers that log when trunkrot starts each and send each to its sink. Without
# --latency-msec, parec leaves the null sink at its 2 s default: the slow case. Writes NAME.wav,
# NAME.log (what trunkrot started), NAME.out (plain mode's lines, each with the wall time it was
# printed) and NAME.clock (when each chunk of the recording came, from rec.py) in the current
# folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
name=$1; shift
latency=""
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do latency="$latency $1"; shift; done
[ "$#" -gt 0 ] && shift
# SINK names the null sink (rec by default). Anything else played to it, say another session
# on the default sink, is in the recording on both channels: give a sink of your own on a
# machine where others play sounds too.
sink=${SINK:-rec}
pactl list short sinks | grep -q "^[0-9]*	$sink	" || pactl load-module module-null-sink sink_name="$sink" >/dev/null
pactl list short sinks | grep -q "	$sink-voice	" || pactl load-module module-remap-sink sink_name="$sink-voice" \
    master="$sink" channels=1 channel_map=mono master_channel_map=front-left remix=no >/dev/null
pactl list short sinks | grep -q "	$sink-tones	" || pactl load-module module-remap-sink sink_name="$sink-tones" \
    master="$sink" channels=1 channel_map=mono master_channel_map=front-right remix=no >/dev/null

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
PULSE_SINK=$sink-voice exec $(command -v espeak-ng) "\$@"
EOF
cat > "$work/bin/player" <<EOF
#!/bin/sh
echo "\$(date +%s.%N) play \${1##*/}" >> '$log'
PULSE_SINK=$sink-tones exec $(command -v paplay) "\$@"
EOF
chmod +x "$work/bin/espeak-ng" "$work/bin/player"
# VOICE_OPTIONS (say `-s 140`) go to espeak-ng before the words, as a voice_command's would.
options=""
for option in ${VOICE_OPTIONS:-}; do options="$options, \"$option\""; done
printf 'voice = true\nvoice_command = ["%s"%s]\nplayer = ["%s"]\n' "$work/bin/espeak-ng" "$options" "$work/bin/player" \
    > "$work/config/trunkrot/config.toml"

# shellcheck disable=SC2086
SINK=$sink python3 "$here/rec.py" "$name.wav" $latency &
recorder=$!
# The null sink takes a moment to settle at the latency parec asks for.
sleep 3
# Each line of plain mode with the wall time it was printed at: what the screen shows, when.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$repo/target/release/trunkrot" --plain "$@" 2>&1 \
    | python3 -u -c 'import sys, time
for line in sys.stdin: print("%.6f %s" % (time.time(), line), end="", flush=True)' > "$name.out" || true
sleep 2.5
kill "$recorder"
wait "$recorder" 2>/dev/null || true
rm -rf "$work"
python3 "$here/analyze.py" "$name.wav" "$log" "$name.out" "$name.clock"
