#!/usr/bin/env python3
"""Reads a recording of a session made by record.sh and says what was heard.

analyze.py REC.wav STARTED.log [PLAIN.out REC.clock]

REC.wav: a stereo recording, the voice on the left channel and the tones on the right.
STARTED.log: lines `TIME play FILE` and `TIME say WORDS`, written by the player and the speech
command wrappers as trunkrot started each (wall clock, seconds).

The recording is placed against the log by the tones: the most common delay between a player's
start and a pattern's first note. Then, for the tones: how many were started and heard, and
whether every note of each was there; the voice: when each utterance was heard after its start,
and whether any was heard over a tone; the counts said by the tones: when the word came after
its tick; and how loud tones and words are (RMS, dBFS).

PLAIN.out (plain mode's lines, each after the wall time it was printed) and REC.clock (the wall
time of the recording's first sample, from rec.py) put the sounds on the wall clock: then each
sound is also measured from the line printed with it, what the screen showed. Standard library
only.
"""
import collections
import math
import statistics
import struct
import sys
import wave

rec, started_log = sys.argv[1:3]
plain_out, clock = (sys.argv[3:5] + [None, None])[:2]
w = wave.open(rec)
rate, frames = w.getframerate(), w.getnframes()
raw = struct.unpack('<%dh' % (frames * 2), w.readframes(frames))
voice_ch, tones_ch = raw[0::2], raw[1::2]


def runs(x, thr_db, blk_ms, gap_ms):
    """Runs of blocks peaking over thr_db, joined across quiet shorter than gap_ms."""
    blk = max(1, int(rate * blk_ms / 1000))
    thr = 32768 * 10 ** (thr_db / 20)
    out, cur, quiet = [], None, 0
    for i in range(0, len(x) - blk, blk):
        loud = max(abs(v) for v in x[i:i + blk]) > thr
        t = i / rate
        if loud:
            if cur is None:
                cur = [t, t]
            cur[1] = t + blk / rate
            quiet = 0
        elif cur is not None:
            quiet += blk_ms
            if quiet >= gap_ms:
                out.append(cur)
                cur, quiet = None, 0
    if cur:
        out.append(cur)
    return out


def rms_db(x, a, b):
    seg = x[int(a * rate):int(b * rate)]
    return 20 * math.log10(max(1e-9, math.sqrt(sum(v * v for v in seg) / max(1, len(seg))) / 32768))


# Anything else played to the null sink (its default sink, say) is on both channels alike.
both = 0
for i in range(0, frames - rate // 20, rate // 20):
    left, right = voice_ch[i:i + rate // 20], tones_ch[i:i + rate // 20]
    if max(map(abs, left)) > 1000 and sum(abs(a - b) for a, b in zip(left, right)) < 0.05 * sum(map(abs, left)):
        both += 1
if both:
    print("WARNING: %.2f s of sound alike on both channels: something else played to the sink" % (both / 20))

notes = runs(tones_ch, -40, 2, 12)
voice = runs(voice_ch, -42, 5, 250)
patterns = []
for a, b in notes:
    if patterns and a - patterns[-1][-1][1] < 0.09:
        patterns[-1].append((a, b))
    else:
        patterns.append([(a, b)])
plays, says = [], []
for line in open(started_log):
    t, kind, what = line.rstrip('\n').split(' ', 2)
    (plays if kind == 'play' else says).append((float(t), what))
if not plays:
    sys.exit("no tones were started")

# The delay from a player's start to its pattern: the most common one, in 5 ms steps.
first = patterns[0][0][0] - plays[0][0]
delays = collections.Counter(
    round((p[0][0] - t) / 0.005) for t, _ in plays for p in patterns if -1 < p[0][0] - t - first < 5)
off = delays.most_common(1)[0][0] * 0.005

NOTES = {'count.wav': 1, 'go.wav': 2, 'hold.wav': 1, 'release.wav': 3, 'switch-sides.wav': 4,
         'rest.wav': 2, 'next-exercise.wav': 5, 'done.wav': 4, 'return.wav': 3}
used, onsets, whole, missing, wrong, spoken, heard_at = set(), [], 0, [], [], [], []
for t, f in plays:
    near = [i for i, p in enumerate(patterns) if i not in used and -0.1 <= p[0][0] - (t + off) <= 0.4]
    if not near:
        missing.append((t - plays[0][0], f))
        continue
    i = near[0]
    used.add(i)
    onsets.append(patterns[i][0][0] - (t + off))
    heard_at.append((t, f, patterns[i][0][0]))
    if f.startswith('count-'):
        # A count said by the tones: its tick, then its word.
        if len(patterns[i]) >= 2:
            whole += 1
            spoken.append(patterns[i][1][0] - patterns[i][0][0])
        else:
            wrong.append((t - plays[0][0], f, len(patterns[i])))
    elif len(patterns[i]) == NOTES.get(f, 0):
        whole += 1
    else:
        wrong.append((t - plays[0][0], f, len(patterns[i])))
print("tones: %d started, %d heard, %d whole (every note there)" % (len(plays), len(plays) - len(missing), whole))
for when, f in missing[:6]:
    print("   not heard: %s at %.2f s" % (f, when))
for when, f, n in wrong[:6]:
    print("   %s at %.2f s: %d notes" % (f, when, n))
low = min(onsets)
print("   a pattern's first note after its player's start, against the quickest: median %.0f ms, "
      "max %.0f ms" % (1000 * (statistics.median(onsets) - low), 1000 * (max(onsets) - low)))
if spoken:
    print("counts said by the tones: %d; the word after its tick's onset: %.0f to %.0f ms"
          % (len(spoken), 1000 * min(spoken), 1000 * max(spoken)))

over = []
for a, b in voice:
    for c, d in notes:
        o = min(b, d) - max(a, c)
        if o > 0.005:
            over.append((o, a - off - plays[0][0]))
print("voice heard over a tone: %d times, %.0f ms in all" % (len(over), 1000 * sum(o for o, _ in over)))
for o, when in sorted(over, reverse=True)[:4]:
    print("   %.0f ms at %.2f s" % (1000 * o, when))

taken, heard_after, said_at = set(), [], []
for t, words in says:
    near = [i for i, r in enumerate(voice) if i not in taken and -0.03 <= r[0] - (t + off) <= 2.5]
    if near:
        taken.add(near[0])
        heard_after.append(voice[near[0]][0] - (t + off))
        said_at.append((t, words, voice[near[0]][0]))
if heard_after:
    print("utterances: %d started, %d heard; first sound after the start: median %.0f ms, max %.0f ms"
          % (len(says), len(heard_after), 1000 * statistics.median(heard_after), 1000 * max(heard_after)))
counts = [t for t, words in says if words in ('1', '2', '3')]
ticks = [patterns[i][0][0] for i in sorted(used) if len(patterns[i]) == 1 and patterns[i][0][1] - patterns[i][0][0] < 0.1]
after_tick = []
for t in counts:
    near = [r for r in voice if -0.03 <= r[0] - (t + off) <= 1.0]
    before = [x for x in ticks if x <= t + off + 0.1]
    if near and before:
        after_tick.append(near[0][0] - before[-1])
if counts:
    print("counts said by the voice: %d; heard after the tick's onset: %s" % (
        len(counts), ", ".join("%.0f" % (1000 * x) for x in sorted(after_tick)) + " ms"))

tone_rms = [rms_db(tones_ch, a, b) for a, b in notes if b - a > 0.04]
voice_rms = [rms_db(voice_ch, a, b) for a, b in voice if b - a > 0.2]
if tone_rms and voice_rms:
    print("RMS: tones %.1f dBFS, voice %.1f dBFS (medians): the tones %.1f dB above"
          % (statistics.median(tone_rms), statistics.median(voice_rms),
             statistics.median(tone_rms) - statistics.median(voice_rms)))

if plain_out and clock:
    arrivals = []
    for line in open(clock):
        wall, _, frames = line.partition(' ')
        arrivals.append((float(wall), int(frames or 0)))

    def wall(at):
        """The wall time of the recording's moment `at`: the earliest start any chunk within
        10 s of it allows (see rec.py)."""
        near = [t - n / rate for t, n in arrivals if abs(n / rate - at) <= 10] or \
            [t - n / rate for t, n in arrivals]
        return min(near) + at
    lines = []
    for line in open(plain_out):
        t, _, text = line.rstrip('\n').partition(' ')
        try:
            lines.append((float(t), text))
        except ValueError:
            pass

    def after_line(started, onset):
        """From the last line printed before a sound's start (within 1 s; a line may come a few
        ms after the start it goes with) to its first sound."""
        near = [t for t, _ in lines if started - 1 <= t <= started + 0.02]
        return None if not near else wall(onset) - max(near)

    def spread(xs):
        xs = [x for x in xs if x is not None]
        return "median %.0f ms, at most %.0f ms (%d)" % (
            1000 * statistics.median(xs), 1000 * max(xs), len(xs)) if xs else "none"

    phase = [after_line(t, o) for t, f, o in heard_at if not f.startswith('count')]
    ticks = [after_line(t, o) for t, f, o in heard_at if f.startswith('count')]
    said = [after_line(t, o) for t, w, o in said_at if w not in ('1', '2', '3')]
    if min(x for x in phase + ticks if x is not None) < -0.02:
        # A sound before the line it goes with: the chunks came in bursts (a source with a long
        # latency), and the clock is not sure enough to say.
        print("after the line on the screen: not measured (the recording's clock is unsure here)")
    else:
        print("after the line on the screen (the recording's clock from rec.py):")
        print("   phase patterns' first note: %s" % spread(phase))
        print("   count ticks' first note: %s" % spread(ticks))
        print("   phase words' first sound: %s" % spread(said))
