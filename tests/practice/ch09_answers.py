"""Right and planted wrong answers to Chapter 9's self-checking exercises.

Shared by test_check.py (every exercise: right passes, wrong gets its hint) and
test_ch09_models.py (oracles for the expected answers).
"""

from __future__ import annotations

import numpy as np


def posterior(
    X,
    y,
    alpha,
    beta,
    *,
    swap=False,
    beta_in_mean=True,
    precision=False,
    prior=True,
    order="mS",
):
    if swap:
        alpha, beta = beta, alpha
    A = (alpha * np.eye(X.shape[1]) if prior else 0.0) + beta * X.T @ X
    S = np.linalg.inv(A)
    m = (beta if beta_in_mean else 1.0) * S @ X.T @ y
    S = A if precision else S
    return (m, S) if order == "mS" else (S, m)


def ridge_alpha(X, y, alpha, beta):
    """The ridge solution with lambda = alpha, not alpha/beta (right S)."""
    m = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    return m, posterior(X, y, alpha, beta)[1]


def sigmoid_naive(z):
    return 1 / (1 + np.exp(-z))  # overflows (harmlessly) for z << 0


def logistic_gradient(
    w, X, y, *, p=sigmoid_naive, residual=None, mean=False, sign=1.0
):
    z = X @ w
    r = p(z) - y if residual is None else residual(z, y)
    g = sign * X.T @ r
    return g / len(y) if mean else g


def svm_objective(
    w,
    b,
    X,
    y,
    C,
    *,
    half=0.5,
    b_in_norm=False,
    c_on_norm=False,
    hinge="max",
    total=np.sum,
):
    margins = y * (X @ w + b)
    if hinge == "max":
        losses = np.maximum(0, 1 - margins)
    elif hinge == "squared":
        losses = np.maximum(0, 1 - margins) ** 2
    else:
        losses = 1 - margins
    norm2 = w @ w + (b**2 if b_in_norm else 0)
    if c_on_norm:
        return C * half * norm2 + total(losses)
    return half * norm2 + C * total(losses)


def backprop(
    W1,
    b1,
    W2,
    b2,
    X,
    Y,
    *,
    derivative="1-h2",
    scale="mean",
    sign=1.0,
    order=(0, 1, 2, 3),
    keepdims=False,
    stable=True,
):
    n = len(X)
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    if stable:
        Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    G = sign * (P - Y) / (1 if scale == "sum" else n)
    dA = G @ W2.T
    if derivative == "1-h2":
        dA = dA * (1 - H**2)
    elif derivative == "1-h":
        dA = dA * (1 - H)
    dW2 = H.T @ (sign * (P - Y)) if scale == "mixed" else H.T @ G
    grads = (
        X.T @ dA,
        dA.sum(axis=0, keepdims=keepdims),
        dW2,
        G.sum(axis=0, keepdims=keepdims),
    )
    return tuple(grads[i] for i in order)


def loss(W1, b1, W2, b2, X, Y):
    """The mean cross-entropy, for finite differences."""
    Z = np.tanh(X @ W1 + b1) @ W2 + b2
    m = Z.max(axis=1, keepdims=True)
    log_p = Z - m - np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    return -np.sum(Y * log_p) / len(X)


def log_loss(w, X, y):
    z = X @ w
    return np.sum(np.logaddexp(0, z) - y * z)


RIGHT_CH09 = {
    "bayes-linear-posterior": posterior,
    "logistic-gradient": logistic_gradient,
    "hinge-objective": svm_objective,
    "backprop-two-layer": backprop,
}

# (exercise, wrong answer, a word the hint must contain)
WRONG_CH09 = [
    ("bayes-linear-posterior", lambda *a: posterior(*a, swap=True), "swapped"),
    (
        "bayes-linear-posterior",
        lambda *a: posterior(*a, beta_in_mean=False),
        "ignores beta",
    ),
    (
        "bayes-linear-posterior",
        lambda *a: posterior(*a, precision=True),
        "its inverse",
    ),
    (
        "bayes-linear-posterior",
        lambda *a: posterior(*a, prior=False),
        "prior is missing",
    ),
    ("bayes-linear-posterior", ridge_alpha, "alpha/beta"),
    (
        "bayes-linear-posterior",
        lambda *a: posterior(*a, order="Sm"),
        "order (m, S)",
    ),
    (
        "logistic-gradient",
        lambda *a: logistic_gradient(*a, sign=-1.0),
        "sign is flipped",
    ),
    (
        "logistic-gradient",
        lambda *a: logistic_gradient(*a, residual=lambda z, y: z - y),
        "least squares",
    ),
    (
        "logistic-gradient",
        lambda *a: logistic_gradient(*a, mean=True),
        "not the mean",
    ),
    ("logistic-gradient", lambda *a: logistic_gradient(*a, p=np.exp), "odds"),
    (
        "logistic-gradient",
        lambda *a: logistic_gradient(*a, p=lambda z: 1 - sigmoid_naive(z)),
        "1 − σ(z)",
    ),
    (
        "logistic-gradient",
        lambda *a: logistic_gradient(
            *a, p=lambda z: np.exp(z) / (1 + np.exp(z))
        ),
        "overflows",
    ),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, hinge="none"),
        "max is missing",
    ),
    ("hinge-objective", lambda *a: svm_objective(*a, half=1.0), "½"),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, b_in_norm=True),
        "b is not penalized",
    ),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, c_on_norm=True),
        "C multiplies the hinge",
    ),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, hinge="squared"),
        "squared hinge",
    ),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, total=np.mean),
        "the mean divides",
    ),
    (
        "hinge-objective",
        lambda *a: svm_objective(*a, total=lambda v: v),
        "one number",
    ),
    (
        "backprop-two-layer",
        lambda *a: backprop(*a, derivative="1-h"),
        "not 1 − H",
    ),
    (
        "backprop-two-layer",
        lambda *a: backprop(*a, derivative="none"),
        "derivative of tanh",
    ),
    (
        "backprop-two-layer",
        lambda *a: backprop(*a, scale="sum"),
        "every gradient is n times",
    ),
    ("backprop-two-layer", lambda *a: backprop(*a, scale="mixed"), "others"),
    ("backprop-two-layer", lambda *a: backprop(*a, sign=-1.0), "Y − P"),
    (
        "backprop-two-layer",
        lambda *a: backprop(*a, order=(2, 3, 0, 1)),
        "wrong order",
    ),
    (
        "backprop-two-layer",
        lambda *a: backprop(*a, keepdims=True),
        "without keepdims",
    ),
]
