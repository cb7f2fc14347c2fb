"""Every self-checking exercise accepts a right answer and explains plausible wrong ones."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
from ch09_answers import RIGHT_CH09, WRONG_CH09
from ch10_answers import RIGHT_CH10, WRONG_CH10
from scipy import stats

from mathforml.linalg import (
    gauss_solve,
    gram_schmidt,
    low_rank_approx,
    project,
)
from mathforml.practice import Report, check, exercises
from mathforml.practice._core import _REGISTRY


def normal_nll(x, mu, sigma, *, mean=False, constant=True, sign=1.0):
    z = (x - mu) / sigma
    terms = 0.5 * z**2 + np.log(sigma)
    if constant:
        terms = terms + 0.5 * np.log(2 * np.pi)
    return sign * (terms.mean() if mean else terms.sum())


def beta_summary(a, b, k, n):
    a_post, b_post = a + k, b + n - k
    return a_post / (a_post + b_post), (a_post - 1) / (a_post + b_post - 2)


def t_statistic(x, mu0, *, ddof=1, root_n=True):
    s = np.sqrt(np.sum((x - np.mean(x)) ** 2) / (len(x) - ddof))
    return (np.mean(x) - mu0) / (s / np.sqrt(len(x)) if root_n else s)


def entropy_bits(p, *, log=np.log2, drop_zeros=True):
    p = np.asarray(p, dtype=float)
    if drop_zeros:
        p = p[p > 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(p * log(p)))


def split_gain(y, mask, *, weighted=True, log=np.log2, children_only=False):
    def h(labels):
        _, counts = np.unique(labels, return_counts=True)
        p = counts / counts.sum()
        return float(-np.sum(p * log(p)))

    w = mask.mean() if weighted else 0.5
    children = w * h(y[mask]) + (1 - w) * h(y[~mask])
    return children if children_only else h(y) - children


def reference_layer(X, W, b, G):
    return G @ W.T, X.T @ G, G.sum(axis=0)


def classical_gram_schmidt(A):
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = (
                Q[:, i] @ A[:, j]
            )  # against the ORIGINAL column: classical
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


def no_pivoting(A, b):
    A, b = A.astype(float).copy(), b.astype(float).copy()
    n = len(b)
    for k in range(n):
        for i in range(k + 1, n):
            m = A[i, k] / A[k, k]
            A[i] -= m * A[k]
            b[i] -= m * b[k]
    x = np.zeros(n)
    for i in reversed(range(n)):
        x[i] = (b[i] - A[i, i + 1 :] @ x[i + 1 :]) / A[i, i]
    return x


def loop_matmul(A, B):
    C = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            C[i, j] = A[i] @ B[:, j]
    return C


def rayleigh_power(A, normalize=True, signed=True, steps=500):
    x = np.ones(len(A))
    for _ in range(steps):
        y = A @ x
        x = y / np.linalg.norm(y) if normalize else y
    return (
        float(x @ A @ x / (x @ x)) if signed else float(np.linalg.norm(A @ x))
    )


RIGHT = {
    "gauss-solve": gauss_solve,
    "gram-schmidt": gram_schmidt,
    "project": project,
    "eigenvalues-2x2": [1.0, 3.0],
    "low-rank": low_rank_approx,
    "gradient-mse": lambda w, X, y: 2 / len(y) * X.T @ (X @ w - y),
    "linear-layer-backward": reference_layer,
    "central-difference": lambda f, x, h: (f(x + h) - f(x - h)) / (2 * h),
    "matmul": loop_matmul,
    "cosine-similarity": lambda a, b: (
        a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
    ),
    "p-norm": lambda x, p: (
        float(np.sum(np.abs(x) ** p) ** (1 / p))
        if p != np.inf
        else float(np.max(np.abs(x)))
    ),
    "power-iteration": rayleigh_power,
    "fit-line": lambda x, y: np.polyfit(x, y, 1)[::-1],
    "gradient-step": lambda w, X, y, eta: (
        w - eta * 2 / len(y) * X.T @ (X @ w - y)
    ),
    "slope-standard-error": lambda x, y: stats.linregress(x, y).stderr,
    "bayes-posterior": lambda prior, lik: prior * lik / (prior @ lik),
    "covariance-matrix": lambda X: (
        (X - X.mean(axis=0)).T @ (X - X.mean(axis=0)) / (len(X) - 1)
    ),
    "normal-logpdf": lambda x, mu, sigma: (
        -((x - mu) ** 2) / (2 * sigma**2)
        - np.log(sigma)
        - 0.5 * np.log(2 * np.pi)
    ),
    "gaussian-conditional": lambda mu, S, b: (
        mu[0] + S[0, 1] / S[1, 1] * (b - mu[1]),
        S[0, 0] - S[0, 1] ** 2 / S[1, 1],
    ),
    "stationary-distribution": lambda P: chain_power(P, 10_000),
    "normal-nll": normal_nll,
    "beta-posterior": beta_summary,
    "t-statistic": t_statistic,
    "entropy-bits": entropy_bits,
    "information-gain": split_gain,
    "gradient-descent": lambda grad, x0, lr, n: descend(grad, x0, lr, n),
    "adam-step": lambda x, g, m, s, t, lr, b1, b2, eps: adam(
        x, g, m, s, t, lr, b1, b2, eps
    ),
    "soft-threshold": lambda z, t: np.sign(z) * np.maximum(np.abs(z) - t, 0),
    "standardize-with-train": lambda X_train, X_test: standardize(
        X_train, X_test
    ),
    "k-fold-indices": lambda n, k: kfold_folds(n, k),
    "precision-recall-f1": lambda y, y_hat: prf(y, y_hat),
    "roc-auc": lambda y, s: pair_auc(y, s),
}


def descend(grad, x0, lr, n_steps, *, sign=-1.0, extra=0, path=False):
    x = np.array(x0, dtype=float)
    points = [x]
    for _ in range(n_steps + extra):
        x = x + sign * lr * grad(x)
        points.append(x)
    return np.array(points) if path else x


def adam(x, g, m, s, t, lr, b1, b2, eps, *, correct=True, eps_inside=False,
         stored="raw", weights=True):
    m_new = b1 * m + ((1 - b1) * g if weights else g)
    s_new = b2 * s + ((1 - b2) * g**2 if weights else g**2)
    m_hat = m_new / (1 - b1**t) if correct else m_new
    s_hat = s_new / (1 - b2**t) if correct else s_new
    root = np.sqrt(s_hat + eps) if eps_inside else np.sqrt(s_hat) + eps
    x_new = x - lr * m_hat / root
    if stored == "old":
        return x_new, m, s
    if stored == "corrected":
        return x_new, m_hat, s_hat
    return x_new, m_new, s_new


def chain_power(P, steps):
    p = np.full(len(P), 1 / len(P))
    for _ in range(steps):
        p = p @ P
    return p


def unit_eigenvector(P, transpose=True):
    w, V = np.linalg.eig(P.T if transpose else P)
    v = np.real(V[:, np.argmin(np.abs(w - 1))])
    return v / np.linalg.norm(v)


def normal_logpdf_via_pdf(x, mu, sigma):
    with np.errstate(divide="ignore"):
        return np.log(stats.norm.pdf(x, mu, sigma))


def standardize(
    X_train, X_test, *, ddof=0, power=1, own=False, axis=0, guard="ptp"
):
    # guard: "ptp" (right), "std" (sigma > 0, fooled by a std of 1e-17), None
    def stats(X):
        mu = X.mean(axis=axis, keepdims=True)
        sd = X.std(axis=axis, ddof=ddof, keepdims=True) ** power
        if guard == "ptp":
            sd = np.where(np.ptp(X, axis=axis, keepdims=True) > 0, sd, 1.0)
        elif guard == "std":
            sd = np.where(sd > 0, sd, 1.0)
        return mu, sd

    mu, sd = stats(X_train)
    mu_test, sd_test = stats(X_test) if own or axis == 1 else (mu, sd)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (X_train - mu) / sd, (X_test - mu_test) / sd_test


def kfold_folds(n, k, *, last=False, drop=False, overlap=0, shift=0):
    sizes = [n // k + 1] * (n % k) + [n // k] * (k - n % k)
    if last:
        sizes = sizes[::-1]
    if drop:
        sizes = [n // k] * k
    stops = np.cumsum(sizes)
    return [
        np.arange(stop - size, min(stop + overlap, n)) + shift
        for stop, size in zip(stops, sizes)
    ]


def rounded_folds(n, k):
    edges = np.round(np.linspace(0, n, k + 1)).astype(int)
    return [np.arange(a, b) for a, b in itertools.pairwise(edges)]


def prf(y, y_hat, *, positive=1, nan=False, f1_mean=False, swap=False):
    t, p = y == positive, y_hat == positive
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    zero = np.nan if nan else 0.0
    precision = tp / (tp + fp) if tp + fp else zero
    recall = tp / (tp + fn) if tp + fn else zero
    if f1_mean:
        f1 = (precision + recall) / 2
    elif nan:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    if swap:
        precision, recall = recall, precision
    return float(precision), float(recall), float(f1)


def pair_auc(y, s, *, tie=0.5, flip=False, square=False):
    pos, neg = s[y == 1], s[y == 0]
    if flip:
        pos, neg = neg, pos
    d = pos[:, None] - neg[None, :]
    count = np.sum(d > 0) + tie * np.sum(d == 0)
    return float(count / (len(y) ** 2 if square else d.size))


# (exercise, wrong answer, a word the hint must contain)
WRONG = [
    ("gauss-solve", lambda A, b: np.linalg.solve(A.T, b), "Aᵀx"),
    ("gauss-solve", no_pivoting, "pivoting"),
    ("gram-schmidt", lambda A: (A, np.eye(A.shape[1])), "unit vectors"),
    ("gram-schmidt", classical_gram_schmidt, "modified Gram–Schmidt"),
    (
        "gram-schmidt",
        lambda A: (lambda Q, R: (-Q, -R))(*np.linalg.qr(A)),
        "negative",
    ),
    (
        "project",
        lambda b, A: np.linalg.lstsq(A, b, rcond=None)[0],
        "coefficients",
    ),
    ("project", lambda b, A: b - project(b, A), "residual"),
    ("project", lambda b, A: A @ A.T @ b, "orthonormal"),
    ("eigenvalues-2x2", [2.0, 2.0], "diagonal entries"),
    ("eigenvalues-2x2", [4.0, 3.0], "trace"),
    ("eigenvalues-2x2", [3.0], "exactly two"),
    ("low-rank", lambda A, k: low_rank_approx(A, k + 1), "k − 1 or k + 1"),
    (
        "low-rank",
        lambda A, k: (lambda U, s, Vt: U[:, :k] @ Vt[:k])(
            *np.linalg.svd(A, full_matrices=False)
        ),
        "singular values are missing",
    ),
    (
        "gradient-mse",
        lambda w, X, y: 1 / len(y) * X.T @ (X @ w - y),
        "factor 2",
    ),
    ("gradient-mse", lambda w, X, y: 2 * X.T @ (X @ w - y), "factor N"),
    ("gradient-mse", lambda w, X, y: 2 / len(y) * X.T @ (y - X @ w), "sign"),
    (
        "linear-layer-backward",
        lambda X, W, b, G: (G @ W.T, G.T @ X, G.sum(axis=0)),
        "transposed",
    ),
    (
        "linear-layer-backward",
        lambda X, W, b, G: (G @ W.T, X.T @ G, G.mean(axis=0)),
        "add up G over the batch",
    ),
    (
        "linear-layer-backward",
        lambda X, W, b, G: (G @ W.T, X.T @ G, G.sum(axis=1)),
        "axis 0",
    ),
    (
        "central-difference",
        lambda f, x, h: (f(x + h) - f(x)) / h,
        "forward difference",
    ),
    (
        "central-difference",
        lambda f, x, h: (f(x + h) - f(x - h)) / h,
        "factor 2",
    ),
    (
        "central-difference",
        lambda f, x, h: (f(x - h) - f(x + h)) / (2 * h),
        "sign",
    ),
    (
        "matmul",
        lambda A, B: A * B if A.shape == B.shape else loop_matmul(A, B),
        "elementwise",
    ),
    ("matmul", lambda A, B: B @ A if A.shape == B.shape else A @ B, "commute"),
    ("cosine-similarity", lambda a, b: a @ b, "plain dot product"),
    (
        "cosine-similarity",
        lambda a, b: a @ b / np.linalg.norm(a),
        "both lengths",
    ),
    (
        "cosine-similarity",
        lambda a, b: np.arccos(a @ b / np.linalg.norm(a) / np.linalg.norm(b)),
        "radians",
    ),
    (
        "p-norm",
        lambda x, p: (
            float(np.sum(x)) if p == 1 else float(np.linalg.norm(x, p))
        ),
        "absolute values",
    ),
    (
        "p-norm",
        lambda x, p: (
            float(np.sum(x**2)) if p == 2 else float(np.linalg.norm(x, p))
        ),
        "square root",
    ),
    (
        "p-norm",
        lambda x, p: (
            float(np.sum(np.abs(x)))
            if p == np.inf
            else float(np.linalg.norm(x, p))
        ),
        "largest |entry|",
    ),
    (
        "power-iteration",
        lambda A: rayleigh_power(A, signed=False),
        "sign is lost",
    ),
    (
        "power-iteration",
        lambda A: rayleigh_power(A, normalize=False),
        "normalize",
    ),
    ("power-iteration", lambda A: rayleigh_power(A, steps=2), "not converged"),
    ("fit-line", lambda x, y: np.polyfit(x, y, 1), "swapped"),
    ("fit-line", lambda x, y: np.array([0.0, x @ y / (x @ x)]), "origin"),
    (
        "fit-line",
        lambda x, y: np.linalg.solve(
            np.column_stack([np.ones(2), x[:2]]), y[:2]
        ),
        "every point",
    ),
    (
        "gradient-step",
        lambda w, X, y, eta: w + eta * 2 / len(y) * X.T @ (X @ w - y),
        "uphill",
    ),
    (
        "gradient-step",
        lambda w, X, y, eta: w - eta / len(y) * X.T @ (X @ w - y),
        "2/N",
    ),
    (
        "gradient-step",
        lambda w, X, y, eta: 2 / len(y) * X.T @ (X @ w - y),
        "not the new w",
    ),
    (
        "slope-standard-error",
        lambda x, y: (
            stats.linregress(x, y).stderr * np.sqrt((len(x) - 2) / len(x))
        ),
        "N − 2",
    ),
    (
        "slope-standard-error",
        lambda x, y: (
            stats.linregress(x, y).stderr
            * np.sqrt(((x - x.mean()) ** 2).sum() / (x**2).sum())
        ),
        "center x",
    ),
    (
        "slope-standard-error",
        lambda x, y: stats.linregress(x, y).stderr ** 2,
        "square root",
    ),
    ("bayes-posterior", lambda prior, lik: prior * lik, "evidence"),
    ("bayes-posterior", lambda prior, lik: lik / lik.sum(), "base rates"),
    (
        "bayes-posterior",
        lambda prior, lik: (prior + lik) / (prior + lik).sum(),
        "multiply",
    ),
    (
        "covariance-matrix",
        lambda X: np.cov(X, rowvar=False, bias=True),
        "N − 1",
    ),
    ("covariance-matrix", lambda X: np.cov(X), "D × D"),
    ("covariance-matrix", lambda X: X.T @ X / (len(X) - 1), "centering"),
    (
        "normal-logpdf",
        lambda x, mu, sigma: stats.norm.logpdf(x, mu, np.sqrt(sigma)),
        "standard deviation",
    ),
    ("normal-logpdf", normal_logpdf_via_pdf, "underflows"),
    (
        "normal-logpdf",
        lambda x, mu, sigma: stats.norm.pdf(x, mu, sigma),
        "logarithm",
    ),
    (
        "gaussian-conditional",
        lambda mu, S, b: (mu[0] + S[0, 1] / S[1, 1] * (b - mu[1]), S[0, 0]),
        "shrinks",
    ),
    (
        "gaussian-conditional",
        lambda mu, S, b: (
            mu[0] + S[0, 1] / S[0, 0] * (b - mu[1]),
            S[0, 0] - S[0, 1] ** 2 / S[0, 0],
        ),
        "Σ₂₂",
    ),
    (
        "gaussian-conditional",
        lambda mu, S, b: (
            mu[0] + S[0, 1] / S[1, 1] * b,
            S[0, 0] - S[0, 1] ** 2 / S[1, 1],
        ),
        "b − μ₂",
    ),
    ("stationary-distribution", unit_eigenvector, "probability vector"),
    (
        "stationary-distribution",
        lambda P: unit_eigenvector(P, transpose=False),
        "right eigenvector",
    ),
    (
        "stationary-distribution",
        lambda P: chain_power(P, 20),
        "not yet stationary",
    ),
    (
        "normal-nll",
        lambda x, mu, sigma: normal_nll(x, mu, sigma, sign=-1.0),
        "its negative",
    ),
    (
        "normal-nll",
        lambda x, mu, sigma: normal_nll(x, mu, sigma, mean=True),
        "sum over the sample",
    ),
    (
        "normal-nll",
        lambda x, mu, sigma: normal_nll(x, mu, sigma, constant=False),
        "½·log(2π)",
    ),
    (
        "normal-nll",
        lambda x, mu, sigma: normal_nll(x, mu, np.sqrt(sigma)),
        "not the variance",
    ),
    (
        "beta-posterior",
        lambda a, b, k, n: (beta_summary(a, b, k, n)[0],) * 2,
        "the mode",
    ),
    ("beta-posterior", lambda a, b, k, n: (k / n, k / n), "pseudo-counts"),
    (
        "beta-posterior",
        lambda a, b, k, n: beta_summary(a, b, k, n)[::-1],
        "wrong order",
    ),
    (
        "beta-posterior",
        lambda a, b, k, n: (beta_summary(a, b, k, n)[0], k / n),
        "a − 1 and b − 1",
    ),
    (
        "beta-posterior",
        lambda a, b, k, n: ((a + k) / (a + b + k + n), 0.5),
        "not n",
    ),
    (
        "beta-posterior",
        lambda a, b, k, n: (
            beta_summary(a, b, k, n)[0],
            (a + k - 1) / (a + b + n),
        ),
        "denominator",
    ),
    (
        "beta-posterior",
        lambda a, b, k, n: beta_summary(a, b, n - k, n),
        "failures to b",
    ),
    (
        "t-statistic",
        lambda x, mu0: t_statistic(x, mu0, ddof=0),
        "ddof=1",
    ),
    (
        "t-statistic",
        lambda x, mu0: t_statistic(x, mu0, root_n=False),
        "standard error",
    ),
    (
        "t-statistic",
        lambda x, mu0: (
            (np.mean(x) - mu0) / (np.var(x, ddof=1) / np.sqrt(len(x)))
        ),
        "not the variance",
    ),
    (
        "entropy-bits",
        lambda p: entropy_bits(p, drop_zeros=False),
        "0 · log 0",
    ),
    ("entropy-bits", lambda p: entropy_bits(p, log=np.log), "log base 2"),
    ("entropy-bits", lambda p: -entropy_bits(p), "minus sign"),
    (
        "information-gain",
        lambda y, mask: split_gain(y, mask, weighted=False),
        "share of the examples",
    ),
    (
        "information-gain",
        lambda y, mask: split_gain(y, mask, children_only=True),
        "minus it",
    ),
    (
        "information-gain",
        lambda y, mask: split_gain(y, mask, log=np.log),
        "log base 2",
    ),
    (
        "gradient-descent",
        lambda grad, x0, lr, n: descend(grad, x0, lr, n, sign=1.0),
        "ascent",
    ),
    (
        "gradient-descent",
        lambda grad, x0, lr, n: descend(grad, x0, lr, n, extra=1),
        "one too few or one too many",
    ),
    (
        "gradient-descent",
        lambda grad, x0, lr, n: descend(grad, x0, lr, n, path=True),
        "whole path",
    ),
    ("gradient-descent", lambda grad, x0, lr, n: np.copy(x0), "did not move"),
    (
        "adam-step",
        lambda *a: adam(*a, correct=False),
        "bias correction",
    ),
    ("adam-step", lambda *a: adam(*a, eps_inside=True), "after the square root"),
    ("adam-step", lambda *a: adam(*a, weights=False), "(1 − beta1)"),
    ("adam-step", lambda *a: adam(*a, stored="old"), "updated m and s"),
    ("adam-step", lambda *a: adam(*a, stored="corrected"), "raw running"),
    (
        "soft-threshold",
        lambda z, t: np.where(np.abs(z) > t, z, 0.0),
        "hard thresholding",
    ),
    (
        "soft-threshold",
        lambda z, t: np.maximum(np.abs(z) - t, 0.0),
        "keep the sign",
    ),
    ("soft-threshold", lambda z, t: z - t * np.sign(z), "exactly 0"),
    ("soft-threshold", lambda z, t: np.clip(z, -t, t), "clipping"),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, own=True),
        "its own mean and std",
    ),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, ddof=1),
        "ddof=0",
    ),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, power=2),
        "not the variance",
    ),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, guard=None),
        "0/0 is NaN",
    ),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, guard="std"),
        "np.ptp(X_train, axis=0) > 0",
    ),
    (
        "standardize-with-train",
        lambda X_train, X_test: standardize(X_train, X_test, axis=1),
        "axis=0",
    ),
    ("k-fold-indices", lambda n, k: kfold_folds(n, k, last=True), "*first*"),
    (
        "k-fold-indices",
        lambda n, k: kfold_folds(n, k, drop=True),
        "cover all n samples",
    ),
    ("k-fold-indices", lambda n, k: kfold_folds(n, k, shift=1), "off by one"),
    ("k-fold-indices", rounded_folds, "sizes are off by one"),
    ("k-fold-indices", lambda n, k: kfold_folds(n, k, overlap=1), "in two"),
    ("k-fold-indices", lambda n, k: kfold_folds(n, k)[:-1], "exactly k"),
    (
        "k-fold-indices",
        lambda n, k: [f.astype(float) for f in kfold_folds(n, k)],
        "floats",
    ),
    (
        "precision-recall-f1",
        lambda y, y_hat: prf(y, y_hat, swap=True),
        "swapped",
    ),
    (
        "precision-recall-f1",
        lambda y, y_hat: prf(y, y_hat, f1_mean=True),
        "harmonic mean",
    ),
    (
        "precision-recall-f1",
        lambda y, y_hat: (np.mean(y == y_hat), *prf(y, y_hat)[1:]),
        "accuracy",
    ),
    ("precision-recall-f1", lambda y, y_hat: prf(y, y_hat, nan=True), "0/0"),
    (
        "precision-recall-f1",
        lambda y, y_hat: prf(y, y_hat, positive=0),
        "positive class is 1",
    ),
    ("roc-auc", lambda y, s: pair_auc(y, s, tie=1.0), "half a pair"),
    ("roc-auc", lambda y, s: pair_auc(y, s, tie=0.0), "Ignoring them"),
    ("roc-auc", lambda y, s: pair_auc(y, s, flip=True), "1 − AUC"),
    ("roc-auc", lambda y, s: pair_auc(y, s, square=True), "n_pos · n_neg"),
]

RIGHT |= RIGHT_CH09
WRONG += WRONG_CH09
RIGHT |= RIGHT_CH10
WRONG += WRONG_CH10


def test_every_exercise_has_a_right_answer_and_two_planted_mistakes():
    assert set(RIGHT) == set(exercises())
    counts = {name: sum(w[0] == name for w in WRONG) for name in exercises()}
    assert min(counts.values()) >= 2, counts


@pytest.mark.parametrize("name", list(RIGHT))
def test_a_right_answer_passes_quickly(name):
    start = time.perf_counter()
    report = check(name, RIGHT[name])
    assert time.perf_counter() - start < 1.0
    assert isinstance(report, Report) and report.passed and bool(report), str(
        report
    )
    assert report.n_passed == report.n_cases >= 1
    assert str(report).startswith("✓")


@pytest.mark.parametrize(
    ("name", "wrong", "hint"), WRONG, ids=[f"{w[0]}-{w[2]}" for w in WRONG]
)
def test_a_planted_mistake_is_explained_with_its_hint(name, wrong, hint):
    report = check(name, wrong)
    assert not report.passed and not bool(report)
    text = str(report)
    assert text.startswith("✗") and (
        "expected" in text.lower() or "shape" in text
    ), text
    assert report.hint is not None and hint in report.hint, text
    assert all(len(line) <= 80 for line in text.splitlines()), text


def test_a_forgotten_return_is_named():
    report = check("gradient-mse", lambda w, X, y: None)
    assert not report.passed and "forget to `return`" in " ".join(
        str(report).split()
    )


def test_a_crashing_answer_is_reported_not_raised():
    def broken(A, b):
        raise ZeroDivisionError("boom")

    report = check("gauss-solve", broken)
    assert not report.passed and "ZeroDivisionError: boom" in str(report)


def test_same_seed_same_inputs():
    seen = []

    def spy(A, b):
        seen.append(A.copy())
        return np.linalg.solve(A, b)

    check("gauss-solve", spy, rng=3)
    check("gauss-solve", spy, rng=3)
    half = len(seen) // 2
    assert all(np.array_equal(a, b) for a, b in zip(seen[:half], seen[half:]))


def test_the_readers_function_cannot_change_the_cases():
    def vandal(A, b):
        A[:] = 0.0
        return np.linalg.solve(np.eye(len(b)), b)

    assert not check("gauss-solve", vandal).passed
    assert check("gauss-solve", gauss_solve).passed


def test_called_wrongly_it_raises():
    with pytest.raises(ValueError, match="name must be one of the exercises"):
        check("gram_schmit", gram_schmidt)
    with pytest.raises(TypeError, match="name must be the exercise's name"):
        check(3, gram_schmidt)
    with pytest.raises(TypeError, match="asks for a function"):
        check("gram-schmidt", gram_schmidt(np.eye(2)))


def test_the_example_on_the_using_this_book_page_is_what_check_prints():
    from pathlib import Path

    page = (
        Path(__file__).resolve().parents[2]
        / "book/00-orientation/using-this-book.md"
    )
    shown = [
        line[2:]
        for line in page.read_text("utf-8").splitlines()
        if line.startswith(("# ✗", "# On f = sin", "# Hint", "#   both ways"))
    ]

    def central_difference(f, x, h):
        return (f(x + h) - f(x)) / h

    assert (
        str(check("central-difference", central_difference)).splitlines()
        == shown
    )


@pytest.mark.parametrize("name", list(RIGHT))
def test_an_unfilled_starter_gets_an_explanation_not_an_exception(name):
    # what a reader runs before writing anything: a `...` body, or `[...]`
    starter = [...] if not callable(RIGHT[name]) else (lambda *args: ...)
    report = check(name, starter)
    assert not report.passed and str(report).startswith("✗")
    none_body = (
        check(name, lambda *args: None) if callable(RIGHT[name]) else None
    )
    assert none_body is None or "forget to `return`" in " ".join(
        str(none_body).split()
    )


# From Chapter 9 on, an exercise checks three to five cases, each described in words.
DESCRIBED = list(RIGHT_CH09) + list(RIGHT_CH10)
# Exercises whose cases are fixed inputs (dimensions), not random draws.
FIXED_CASES = {"ball-volume-fraction"}


@pytest.mark.parametrize("name", DESCRIBED)
def test_three_to_five_cases_described_in_words_and_seeded(name):
    def cases(seed):
        return _REGISTRY[name].cases(np.random.default_rng(seed))

    first, again, other = cases(0), cases(0), cases(1)
    assert 3 <= len(first) <= 5
    assert all(len(c.description) > 20 for c in first)
    for a, b in zip(first, again):
        assert all(np.array_equal(x, y) for x, y in zip(a.args, b.args))
    if name not in FIXED_CASES:
        assert not all(
            np.array_equal(x, y)
            for a, b in zip(first, other)
            for x, y in zip(a.args, b.args)
        )
