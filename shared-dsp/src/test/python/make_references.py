#!/usr/bin/env python3
"""Writes the extra reference numbers of shared-dsp's tests (beyond shared/golden).

Everything follows docs/pipeline.md with the numpy/scipy calls it names, so the Java code is checked
against configurations the golden files do not cover: Butterworth orders 1-10 at several cutoffs
and rates (up to near Nyquist), sosfiltfilt on odd lengths down to padlen + 1, the features on odd
and long windows, and whole pipelines with non-default configurations.

Run from the repository root:  python3 shared-dsp/src/test/python/make_references.py
Output: shared-dsp/src/test/resources/io/psa/dsp/golden/ref-*.json (committed; tests never call
Python).
"""
import json
import os

import numpy as np
import scipy
from scipy import signal, stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'io', 'psa', 'dsp', 'golden')
EPS = 1e-15
FEATURES = ['rms', 'kurtosis', 'spectral_energy', 'zcr', 'mean', 'ptp']


def features(x):
    x = np.asarray(x, dtype=float)
    w = len(x)
    mean = np.mean(x)
    d = x - mean
    m2 = np.mean(d ** 2)
    kurt = 0.0 if m2 <= (EPS * mean) ** 2 else float(stats.kurtosis(x))
    s = d >= 0
    return {
        'rms': float(np.sqrt(np.mean(x ** 2))),
        'kurtosis': kurt,
        'spectral_energy': float(np.sum(np.abs(np.fft.rfft(d)) ** 2) / w),
        'zcr': float(np.count_nonzero(s[1:] != s[:-1]) / (w - 1)),
        'mean': float(mean),
        'ptp': float(np.ptp(x)),
    }


def kalman(z, q, r):
    out = np.empty_like(z)
    x, p = z[0], r
    for k, zk in enumerate(z):
        p = p + q
        gain = p / (p + r)
        x = x + gain * (zk - x)
        p = (1 - gain) * p
        out[k] = x
    return out


def pipeline(name, ts, values, channels, cfg):
    """The whole pipeline, as docs/pipeline.md writes it, in the golden files' layout."""
    period, m = cfg['input_period_ms'], cfg['output_period_ms'] // cfg['input_period_ms']
    w_len, stride = cfg['window_ms'] // cfg['output_period_ms'], cfg['stride_ms'] // cfg['output_period_ms']
    ts_f = np.asarray(ts, dtype=float)
    grid = np.arange(ts[0], ts[-1] + 1, period, dtype=np.int64).astype(float)
    series = []
    for c in range(len(channels)):
        y = np.interp(grid, ts_f, values[c])
        if cfg['lowpass_hz']:
            sos = signal.butter(cfg['order'], cfg['lowpass_hz'], 'low', fs=1000.0 / period, output='sos')
            y = signal.sosfiltfilt(sos, y)
        if cfg['kalman']:
            y = kalman(y, cfg['kalman']['q'], cfg['kalman']['r'])
        series.append(y)
    down_ts = grid[::m]
    res = [y[::m] for y in series]
    n_win = (len(down_ts) - w_len) // stride + 1
    rows, spans = [], []
    for i in range(n_win):
        a = i * stride
        spans.append([down_ts[a], down_ts[a + w_len - 1]])
        row = []
        for y in res:
            f = features(y[a:a + w_len])
            row += [f[k] for k in FEATURES]
        rows.append(row)
    records = [dict(ts_ms=int(t), **{ch: float(values[c][i]) for c, ch in enumerate(channels)})
               for i, t in enumerate(ts)]
    return dict(name=name, config=cfg, channels=channels,
                feature_names=[f'{ch}.{f}' for ch in channels for f in FEATURES],
                sensor_batch=records, grid_ts_ms=grid.tolist(), filtered_first_channel=series[0].tolist(),
                downsampled_ts_ms=down_ts.tolist(), window_spans_ms=spans, features=rows)


def butter_cases():
    cases = []
    for fs in (100.0, 200.0, 1000.0, 50.0):
        for frac in (0.01, 0.08, 0.16, 0.3, 0.5, 0.7, 0.9, 0.98):
            for order in range(1, 11):
                cutoff = frac * fs / 2
                sos = signal.butter(order, cutoff, 'low', fs=fs, output='sos')
                cases.append(dict(order=order, cutoff_hz=cutoff, fs_hz=fs, sos=sos.tolist()))
    return cases


def sosfiltfilt_cases(rng):
    cases = []
    for order, cutoff, fs in ((1, 8.0, 100.0), (3, 20.0, 200.0), (5, 2.0, 100.0), (7, 40.0, 100.0),
                              (10, 8.0, 100.0), (4, 8.0, 100.0), (9, 0.5, 100.0)):
        sos = signal.butter(order, cutoff, 'low', fs=fs, output='sos')
        ntaps = 2 * len(sos) + 1 - min((sos[:, 2] == 0).sum(), (sos[:, 5] == 0).sum())
        padlen = 3 * ntaps
        for n in sorted({padlen + 1, padlen + 2, 37 if 37 > padlen else padlen + 5, 101, 999}):
            x = np.cumsum(rng.normal(size=n)) + 10 * np.sin(np.arange(n) / 7.0) + 50
            cases.append(dict(order=order, cutoff_hz=cutoff, fs_hz=fs, padlen=int(padlen),
                              x=x.tolist(), y=signal.sosfiltfilt(sos, x).tolist()))
    return cases


def feature_cases(rng):
    cases = []
    for w in (2, 3, 7, 21, 64, 257, 1000):
        for kind in ('noise', 'level', 'alternating'):
            if kind == 'noise':
                x = rng.normal(3.0, 2.0, size=w)
            elif kind == 'level':
                x = np.full(w, 0.1) + (np.arange(w) == w // 2) * 1e-3
            else:
                x = np.where(np.arange(w) % 2 == 0, 1.0, -1.0) * 2.5 + 0.25
            cases.append(dict(x=x.tolist(), features=features(x)))
    return cases


def custom_batch(rng, period, seconds, jitter):
    n = int(seconds * 1000 / period)
    ts = 1_700_000_000_000 + np.arange(n) * period
    if jitter:
        ts = ts + rng.integers(-period // 3, period // 3 + 1, size=n)
        ts[0] = 1_700_000_000_000
    t = (ts - ts[0]) / 1000.0
    values = [
        6 + 0.8 * np.sin(2 * np.pi * 1.3 * t) + rng.normal(0, 0.2, n),
        12 + 2 * np.sin(2 * np.pi * 0.4 * t) + rng.normal(0, 0.5, n),
        rng.normal(0, 0.05, n) + (np.abs(t - seconds / 2) < 0.05) * 3.0,
        45 + 0.01 * t + rng.normal(0, 0.01, n),
    ]
    return [int(v) for v in ts], values


def main():
    rng = np.random.default_rng(20261126)
    channels = ['pressure', 'force', 'acceleration', 'temperature']
    write('ref-butter_sos.json', butter_cases())
    write('ref-sosfiltfilt.json', sosfiltfilt_cases(rng))
    write('ref-features.json', feature_cases(rng))
    ts, values = custom_batch(rng, 5, 10, jitter=True)
    cfg = dict(input_period_ms=5, output_period_ms=20, lowpass_hz=20.0, order=6, window_ms=400,
               stride_ms=100, kalman=dict(q=0.01, r=0.5))
    write('ref-pipeline-custom.json', pipeline('custom', ts, values, channels, cfg))
    ts, values = custom_batch(rng, 10, 7, jitter=True)
    cfg = dict(input_period_ms=10, output_period_ms=30, lowpass_hz=None, order=4, window_ms=900,
               stride_ms=60, kalman=None)
    write('ref-pipeline-lowpass-off.json', pipeline('lowpass-off', ts, values, channels, cfg))
    ts, values = custom_batch(rng, 10, 12, jitter=False)
    cfg = dict(input_period_ms=10, output_period_ms=50, lowpass_hz=3.0, order=9, window_ms=2000,
               stride_ms=500, kalman=None)
    write('ref-pipeline-order9.json', pipeline('order9', ts, values, channels, cfg))


def write(name, data):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(data, f, separators=(',', ':'))
    print(name, 'numpy', np.__version__, 'scipy', scipy.__version__)


if __name__ == '__main__':
    main()
