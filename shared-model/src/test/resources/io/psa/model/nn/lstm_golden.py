"""Reference numbers of LstmGoldenTest: a PyTorch-layout LSTM (gates i, f, g, o) and a linear
output in numpy float64 on float32 weights. Run: python3 lstm_golden.py (prints Java literals)."""
import numpy as np

rng = np.random.default_rng(2026)
F, H = 3, 2
w_ih = rng.uniform(-0.8, 0.8, (4 * H, F)).astype(np.float32)
w_hh = rng.uniform(-0.8, 0.8, (4 * H, H)).astype(np.float32)
b_ih = rng.uniform(-0.5, 0.5, 4 * H).astype(np.float32)
b_hh = rng.uniform(-0.5, 0.5, 4 * H).astype(np.float32)
w_out = rng.uniform(-1, 1, (F, H)).astype(np.float32)
b_out = rng.uniform(-0.2, 0.2, F).astype(np.float32)
xs = rng.normal(0, 1.5, (3, F)).round(3)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def last_hidden(seq):
    h = np.zeros(H)
    c = np.zeros(H)
    for x in seq:
        z = w_ih.astype(np.float64) @ x + b_ih + b_hh + w_hh.astype(np.float64) @ h
        i, f, g, o = sigmoid(z[:H]), sigmoid(z[H:2 * H]), np.tanh(z[2 * H:3 * H]), sigmoid(z[3 * H:])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h


def java(name, a):
    vals = ", ".join(repr(float(v)) + ("f" if a.dtype == np.float32 else "") for v in np.ravel(a))
    print(f"  static final {'float' if a.dtype == np.float32 else 'double'}[] {name} = {{{vals}}};")


for name, a in [("W_IH", w_ih), ("W_HH", w_hh), ("B_IH", b_ih), ("B_HH", b_hh),
                ("W_OUT", w_out), ("B_OUT", b_out), ("X", xs)]:
    java(name, a)
for t in range(1, 4):
    h = last_hidden(xs[:t])
    java(f"HIDDEN_{t}", h)
    java(f"OUTPUT_{t}", w_out.astype(np.float64) @ h + b_out)
# the third row seen with a context of two rows only (sequence_length = 2)
java("OUTPUT_3_FROM_2", w_out.astype(np.float64) @ last_hidden(xs[1:3]) + b_out)
