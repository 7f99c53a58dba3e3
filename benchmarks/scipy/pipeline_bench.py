#!/usr/bin/env python3
"""The default pipeline of docs/pipeline.md written with the numpy/scipy calls the spec names, timed on
the same 10 s batch as the JMH benchmark PipelineBenchmark (1,000 records at 10 ms, four channels,
already parsed; the formulas of io.psa.bench.BenchData).

Usage:  python3 benchmarks/scipy/pipeline_bench.py [--repeat 7] [--number 200]
Prints the best of `repeat` timeit runs in microseconds per batch.
"""
import argparse
import timeit

import numpy as np
from scipy import signal, stats

LEVEL, AMPLITUDE, HZ, NOISE = (6, 12, 0, 45), (0.8, 2, 0.3, 0.05), (1.3, 0.4, 2.1, 0.05), (0.2, 0.5, 0.05, 0.01)
INPUT_MS, OUTPUT_MS, WINDOW_MS, STRIDE_MS, LOWPASS_HZ, ORDER = 10, 50, 1000, 250, 8.0, 4
EPS = 1e-15


def batch(records=1000):
    k = np.arange(records)
    ts = 10 * k
    t = k * 0.01
    values = [LEVEL[c] + AMPLITUDE[c] * np.sin(2 * np.pi * HZ[c] * t)
              + NOISE[c] * np.sin(12345.678 * (k + 1) * (c + 1)) for c in range(4)]
    return ts, values


# designed once, as io.psa.dsp.Pipeline designs its filter once per instance
SOS = signal.butter(ORDER, LOWPASS_HZ, 'low', fs=1000.0 / INPUT_MS, output='sos')


def pipeline(ts, values, sos=SOS):
    """Feature matrix (windows x 24), as docs/pipeline.md steps 1-6 with the defaults.

    Vectorized the way a numpy user would write it: every call after numpy.interp (which is 1-D
    only) takes all four channels at once.
    """
    grid = np.arange(ts[0], ts[-1] + 1, INPUT_MS).astype(float)
    m, w, s = OUTPUT_MS // INPUT_MS, WINDOW_MS // OUTPUT_MS, STRIDE_MS // OUTPUT_MS
    tsf = ts.astype(float)
    regular = np.stack([np.interp(grid, tsf, v) for v in values])          # channels x grid
    y = signal.sosfiltfilt(sos, regular, axis=-1)[:, ::m]                   # channels x resampled
    n_win = (y.shape[1] - w) // s + 1
    x = np.lib.stride_tricks.sliding_window_view(y, w, axis=-1)[:, ::s][:, :n_win]  # ch x win x W
    mean = x.mean(axis=-1)
    d = x - mean[..., None]
    m2 = np.mean(d ** 2, axis=-1)
    kurt = np.where(m2 <= (EPS * mean) ** 2, 0.0, stats.kurtosis(x, axis=-1))
    spectral = np.sum(np.abs(np.fft.rfft(d, axis=-1)) ** 2, axis=-1) / w
    sign = d >= 0
    zcr = np.count_nonzero(sign[..., 1:] != sign[..., :-1], axis=-1) / (w - 1)
    rms = np.sqrt(np.mean(x ** 2, axis=-1))
    features = np.stack([rms, kurt, spectral, zcr, mean, np.ptp(x, axis=-1)], axis=-1)  # ch x win x 6
    return features.transpose(1, 0, 2).reshape(n_win, -1)                 # channel-major columns


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--repeat', type=int, default=7)
    parser.add_argument('--number', type=int, default=200)
    args = parser.parse_args()
    ts, values = batch()
    features = pipeline(ts, values)
    assert features.shape == (37, 24), features.shape
    runs = timeit.repeat(lambda: pipeline(ts, values), repeat=args.repeat, number=args.number)
    best = min(runs) / args.number * 1e6
    median = sorted(runs)[len(runs) // 2] / args.number * 1e6
    print(f'scipy pipeline, 10 s batch: best {best:.1f} us/batch, median {median:.1f} us/batch '
          f'({args.repeat} x {args.number} runs)')


if __name__ == '__main__':
    main()
