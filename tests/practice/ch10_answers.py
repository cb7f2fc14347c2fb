"""Right and planted wrong answers to Chapter 10's self-checking exercises.

Shared by test_check.py (every exercise: right passes, wrong gets its hint) and
test_ch10_unsupervised.py (oracles for the expected answers).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal


def pca_by_eigh(
    X, k, *, center=True, ddof=1, largest=True, rows=True, singular=False
):
    Xc = X - X.mean(axis=0) if center else X
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - ddof))
    keep = slice(None, None, -1) if largest else slice(None)
    lam, V = lam[keep][:k], V[:, keep][:, :k]
    if singular:
        lam = np.sqrt(lam * (len(X) - 1))
    return (V.T if rows else V), lam


def pca_not_unit(X, k):
    components, lam = pca_by_eigh(X, k)
    return components * np.arange(2.0, 2.0 + k)[:, None], lam


def center_gram(K, *, rows=True, cols=True, grand=True, divisor=None):
    n = len(K)
    m = n if divisor is None else divisor
    one = np.full((n, n), 1.0 / m)
    out = K.copy()
    if cols:
        out = out - one @ K
    if rows:
        out = out - K @ one
    if grand and rows and cols:
        out = out + one @ K @ one
    return out


def responsibilities(
    X,
    weights,
    means,
    covariances,
    *,
    logs=True,
    weighted=True,
    over="components",
    inverse=True,
    det=True,
    normalize=True,
):
    K = len(weights)
    if logs:
        log_joint = np.column_stack(
            [
                (np.log(weights[k]) if weighted else 0.0)
                + multivariate_normal(means[k], covariances[k])
                .logpdf(X)
                .reshape(-1)
                for k in range(K)
            ]
        )
        return np.exp(log_joint - logsumexp(log_joint, axis=1, keepdims=True))
    d = X.shape[1]
    dens = np.empty((len(X), K))
    for k in range(K):
        diff = X - means[k]
        M = np.linalg.inv(covariances[k]) if inverse else covariances[k]
        quad = np.sum(diff @ M * diff, axis=1)
        norm = np.sqrt(
            (2 * np.pi) ** d * (np.linalg.det(covariances[k]) if det else 1)
        )
        dens[:, k] = (
            (weights[k] if weighted else 1.0) * np.exp(-quad / 2) / norm
        )
    if not normalize:
        return dens
    axis = 1 if over == "components" else 0
    return dens / dens.sum(axis=axis, keepdims=True)


def ball_volume_fraction(d, *, cube_side=2.0, gamma_shift=1.0, radius=1.0):
    return (
        math.pi ** (d / 2)
        * radius**d
        / math.gamma(d / 2 + gamma_shift)
        / cube_side**d
    )


RIGHT_CH10 = {
    "pca-by-eigh": pca_by_eigh,
    "center-gram": center_gram,
    "responsibilities": responsibilities,
    "ball-volume-fraction": ball_volume_fraction,
}

# (exercise, wrong answer, a word the hint must contain)
WRONG_CH10 = [
    ("pca-by-eigh", lambda X, k: pca_by_eigh(X, k, center=False), "center X"),
    ("pca-by-eigh", lambda X, k: pca_by_eigh(X, k, ddof=0), "n − 1"),
    (
        "pca-by-eigh",
        lambda X, k: pca_by_eigh(X, k, largest=False),
        "increasing",
    ),
    ("pca-by-eigh", lambda X, k: pca_by_eigh(X, k, rows=False), "transpose"),
    ("pca-by-eigh", lambda X, k: pca_by_eigh(X, k, singular=True), "singular"),
    ("pca-by-eigh", pca_not_unit, "unit vector"),
    ("center-gram", lambda K: center_gram(K, rows=False), "column means only"),
    ("center-gram", lambda K: center_gram(K, cols=False), "row means only"),
    ("center-gram", lambda K: center_gram(K, grand=False), "grand mean"),
    ("center-gram", lambda K: center_gram(K, divisor=len(K) - 1), "not n − 1"),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, logs=False),
        "underflow",
    ),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, weighted=False),
        "weights",
    ),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, logs=False, over="points"),
        "ROW",
    ),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, logs=False, inverse=False),
        "inverse",
    ),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, logs=False, det=False),
        "determinant",
    ),
    (
        "responsibilities",
        lambda *a: responsibilities(*a, logs=False, normalize=False),
        "before normalizing",
    ),
    (
        "ball-volume-fraction",
        lambda d: ball_volume_fraction(d, cube_side=1.0),
        "2^d",
    ),
    (
        "ball-volume-fraction",
        lambda d: ball_volume_fraction(d, gamma_shift=0.0),
        "d/2 + 1",
    ),
    (
        "ball-volume-fraction",
        lambda d: ball_volume_fraction(d, radius=0.5),
        "radius 1",
    ),
]
