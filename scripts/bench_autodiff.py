"""Time one training step of a 64-128-10 MLP: mathforml.autodiff against hand-written NumPy.

One step = forward pass, softmax cross-entropy, backward pass, SGD update, on the full
digits data (1797 images of 8x8 pixels). Both versions start from the same weights, and the
script checks that they compute the same gradients before timing them.

Run: python scripts/bench_autodiff.py   (needs scikit-learn for the digits data)
"""

from __future__ import annotations

import timeit
from itertools import pairwise

import numpy as np
from sklearn.datasets import load_digits

from mathforml.autodiff import Tensor, log_softmax, tanh

LEARNING_RATE = 0.5
REPEATS, NUMBER = 7, 50


def init_params(rng, sizes=(64, 128, 10)):
    """Weights scaled by 1/sqrt(fan_in), zero biases: [W1, b1, W2, b2]."""
    params = []
    for n_in, n_out in pairwise(sizes):
        params += [rng.normal(0, n_in**-0.5, (n_in, n_out)), np.zeros(n_out)]
    return params


def engine_step(X, Y, params):
    """Forward, backward and update with the autodiff engine; params are Tensors."""
    W1, b1, W2, b2 = params
    logits = tanh(X @ W1 + b1) @ W2 + b2
    loss = -(Y * log_softmax(logits)).sum() / len(X)
    for p in params:
        p.zero_grad()
    loss.backward()
    for p in params:
        p.data -= LEARNING_RATE * p.grad
    return loss.item()


def numpy_step(X, Y, params):
    """The same step with the backward pass written by hand."""
    W1, b1, W2, b2 = params
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    log_P = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -(Y * log_P).sum() / len(X)
    dZ = (np.exp(log_P) - Y) / len(X)
    dH = (dZ @ W2.T) * (1 - H**2)
    grads = [X.T @ dH, dH.sum(axis=0), H.T @ dZ, dZ.sum(axis=0)]
    for p, g in zip(params, grads):
        p -= LEARNING_RATE * g
    return loss


def main():
    digits = load_digits()
    X, Y = digits.data / 16.0, np.eye(10)[digits.target]
    start = init_params(np.random.default_rng(0))
    tensors = [Tensor(p.copy(), requires_grad=True) for p in start]
    arrays = [p.copy() for p in start]
    losses = [(engine_step(X, Y, tensors), numpy_step(X, Y, arrays)) for _ in range(3)]
    assert all(np.allclose(t.data, a) for t, a in zip(tensors, arrays)), "steps disagree"
    assert np.allclose(*zip(*losses)), "losses disagree"
    times = {}
    for name, step, params in [("numpy", numpy_step, arrays), ("engine", engine_step, tensors)]:
        runs = timeit.repeat(lambda s=step, p=params: s(X, Y, p), repeat=REPEATS, number=NUMBER)
        times[name] = min(runs) / NUMBER
    print(f"64-128-10 MLP, {len(X)} digits, one SGD step (best of {REPEATS}x{NUMBER}):")
    print(f"  hand-written NumPy : {1e3 * times['numpy']:.3f} ms")
    print(f"  mathforml.autodiff : {1e3 * times['engine']:.3f} ms")
    print(f"  ratio engine/numpy : {times['engine'] / times['numpy']:.2f}x")


if __name__ == "__main__":
    main()
