#!/usr/bin/env python3
"""Records rec.monitor (or $SINK.monitor) to a WAV file and notes the wall clock of its first sample.

rec.py NAME.wav [PAREC OPTIONS...]

Runs parec with raw output and reads it as it comes, noting each chunk's arrival on the wall
clock with the number of frames read by then. A chunk's arrival less the time of the frames
before it is an upper bound on when the first frame was captured, late by the source's latency
(about 10 ms with --latency-msec=10; up to seconds at the null sink's default); the smallest
such bound near a moment places that moment on the wall clock (near, as the sink's clock
drifts from the wall clock over minutes). Writes NAME.wav on SIGTERM or SIGINT, and NAME.clock:
a line `WALL FRAMES` for each chunk. Standard library only.
"""
import os
import signal
import subprocess
import sys
import time
import wave

RATE, CHANNELS, WIDTH = 22050, 2, 2
out = sys.argv[1]
sink = os.environ.get('SINK', 'rec')
parec = subprocess.Popen(['parec', *sys.argv[2:], '-d', sink + '.monitor', '--raw', '--format=s16le',
                          '--rate=%d' % RATE, '--channels=%d' % CHANNELS], stdout=subprocess.PIPE)
stop = False


def end(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, end)
signal.signal(signal.SIGINT, end)
data = bytearray()
arrivals = []
while not stop:
    chunk = parec.stdout.read1(4096)
    now = time.time()
    if not chunk:
        break
    data += chunk
    arrivals.append((now, len(data) // (CHANNELS * WIDTH)))
parec.terminate()
data = data[:len(data) - len(data) % (CHANNELS * WIDTH)]
with wave.open(out, 'wb') as w:
    w.setnchannels(CHANNELS)
    w.setsampwidth(WIDTH)
    w.setframerate(RATE)
    w.writeframes(bytes(data))
with open(out.rsplit('.', 1)[0] + '.clock', 'w') as f:
    f.writelines('%.6f %d\n' % arrival for arrival in arrivals)
