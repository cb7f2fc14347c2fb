"""Time one training step of a 64-128-10 MLP: mathforml.autodiff against hand-written NumPy.

One step = forward pass, softmax cross-entropy, backward pass, SGD update, on the full
digits data (1797 images of 8x8 pixels). Both versions start from the same weights, and the
script checks that they compute the same gradients before timing them.

Run: python scripts/bench_autodiff.py   (needs scikit-learn for the digits data)
"""

from __future__ import annotations

import time
from itertools import pairwise

import numpy as np
from numpy.testing import assert_allclose
from sklearn.datasets import load_digits

from mathforml.autodiff import Tensor, log_softmax, tanh

LEARNING_RATE = 0.5
REPEATS, NUMBER = 8, 5


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


def seconds_per_step(step, X, Y, params):
    start = time.perf_counter()
    for _ in range(NUMBER):
        step(X, Y, params)
    return (time.perf_counter() - start) / NUMBER


def main():
    digits = load_digits()
    X, Y = digits.data / 16.0, np.eye(10)[digits.target]
    initial = init_params(np.random.default_rng(0))
    tensors = [Tensor(p.copy(), requires_grad=True) for p in initial]
    arrays = [p.copy() for p in initial]
    for _ in range(3):  # same losses and same updated weights, or the timing means nothing
        assert_allclose(engine_step(X, Y, tensors), numpy_step(X, Y, arrays), rtol=1e-10)
        for t, a in zip(tensors, arrays):
            assert_allclose(t.data, a, rtol=1e-10, atol=1e-12)
    times = {"numpy": [], "engine": []}
    for _ in range(REPEATS):  # interleaved, so both see the same machine load
        times["numpy"].append(seconds_per_step(numpy_step, X, Y, arrays))
        times["engine"].append(seconds_per_step(engine_step, X, Y, tensors))
    times = {name: min(runs) for name, runs in times.items()}
    print(f"64-128-10 MLP, {len(X)} digits, one SGD step (best of {REPEATS}x{NUMBER}):")
    print(f"  hand-written NumPy : {1e3 * times['numpy']:.3f} ms")
    print(f"  mathforml.autodiff : {1e3 * times['engine']:.3f} ms")
    print(f"  ratio engine/numpy : {times['engine'] / times['numpy']:.2f}x")


if __name__ == "__main__":
    main()
