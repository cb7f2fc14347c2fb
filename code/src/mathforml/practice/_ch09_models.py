"""The self-checking exercises of Chapter 9 (supervised models), with their usual mistakes.

The expected answers are computed here with plain NumPy, independently of
``mathforml.models``, so that a bug there cannot make a wrong answer pass.
"""

from __future__ import annotations

import numpy as np

from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import explain_array as _explain_array
from mathforml.practice._core import shaped as _array

_TOL = {"rtol": 1e-7, "atol": 1e-10}


def _parts(got, shapes) -> tuple[np.ndarray, ...]:
    """The reader's tuple as float arrays of ``shapes``, NaNs for what does not fit."""
    if not isinstance(got, (tuple, list)) or len(got) != len(shapes):
        return tuple(np.full(shape, np.nan) for shape in shapes)
    return tuple(_array(part, shape) for part, shape in zip(got, shapes))


def _same(parts, expected) -> bool:
    return all(_close(a, b, **_TOL) for a, b in zip(parts, expected))


def _is(got, c, wrong, shapes) -> bool:
    """The reader's tuple is the ``wrong`` one, and ``wrong`` differs from the answer."""
    return _same(_parts(got, shapes), wrong) and not _same(wrong, c.expected)


def _explain_parts(got, c, names) -> str:
    """Which part of the reader's tuple is wrong, in words."""
    if not isinstance(got, (tuple, list)) or len(got) != len(names):
        kind = type(got).__name__
        if isinstance(got, (tuple, list)):
            kind += f" of length {len(got)}"
        return f"expected the tuple ({', '.join(names)}), got a {kind}."
    for name, part, expected in zip(names, got, c.expected):
        if not _close(_array(part, np.shape(expected)), expected, **_TOL):
            return _explain_array(name, part, expected)
    return f"expected {c.expected}, got {got}."


# --- 9.2 the posterior of Bayesian linear regression -------------------------------


def _posterior(X, y, alpha, beta):
    """m, S of the weights for y = Xw + noise(precision beta), prior N(0, I/alpha)."""
    A = alpha * np.eye(X.shape[1]) + beta * X.T @ X  # the posterior precision
    S = np.linalg.inv(A)
    return beta * S @ X.T @ y, S


def _posterior_cases(rng):
    out = []
    for description, n, d, alpha, beta in [
        (
            "10 random points with 2 features, alpha = 1 and beta = 4",
            10,
            2,
            1.0,
            4.0,
        ),
        (
            "30 random points with 3 features, a weak prior alpha = 0.5 and "
            "little noise, beta = 25",
            30,
            3,
            0.5,
            25.0,
        ),
        (
            "a single feature and 5 points, alpha = 3 and beta = 0.5 (S is 1 × 1)",
            5,
            1,
            3.0,
            0.5,
        ),
        (
            "2 points and 3 features (fewer points than weights: XᵀX is singular, "
            "the prior makes alpha·I + beta·XᵀX invertible), alpha = 2, beta = 1",
            2,
            3,
            2.0,
            1.0,
        ),
    ]:
        X = rng.standard_normal((n, d))
        w = rng.standard_normal(d)
        y = X @ w + rng.standard_normal(n) / np.sqrt(beta)
        out.append(
            Case(
                description, (X, y, alpha, beta), _posterior(X, y, alpha, beta)
            )
        )
    return out


def _posterior_shapes(c):
    d = c.args[0].shape[1]
    return [(d,), (d, d)]


def _posterior_is(got, c, wrong) -> bool:
    return _is(got, c, wrong, _posterior_shapes(c))


def _posterior_part_is(got, c, index, wrong) -> bool:
    """Part ``index`` of the reader's (m, S) is ``wrong``, and differs from the answer."""
    part = _parts(got, _posterior_shapes(c))[index]
    return _close(part, wrong, **_TOL) and not _close(
        wrong, c.expected[index], **_TOL
    )


def _swapped(c):
    X, y, alpha, beta = c.args
    return _posterior(X, y, beta, alpha)


def _no_prior(c):
    X, y, _, beta = c.args
    XtX = X.T @ X
    if np.linalg.matrix_rank(XtX) < XtX.shape[0]:
        return np.full(X.shape[1], np.nan), np.full(XtX.shape, np.nan)
    S = np.linalg.inv(beta * XtX)
    return beta * S @ X.T @ y, S


def _wrong_ridge(c):
    X, y, alpha, _ = c.args
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)


register(
    Exercise(
        name="bayes-linear-posterior",
        section="sec-bayesian-regression",
        wants="function",
        signature=(
            "posterior(X, y, alpha, beta) -> (m, S): S = (alpha·I + beta·XᵀX)⁻¹, "
            "m = beta·S·Xᵀy"
        ),
        cases=_posterior_cases,
        agrees=lambda got, c: _same(
            _parts(got, _posterior_shapes(c)), c.expected
        ),
        explain=lambda got, c: _explain_parts(got, c, ("m", "S")),
        mistakes=(
            Mistake(
                "alpha and beta are swapped: alpha is the precision of the prior "
                "(it multiplies I), beta the precision of the noise (it multiplies "
                "XᵀX and Xᵀy).",
                lambda got, c: _posterior_is(got, c, _swapped(c)),
            ),
            Mistake(
                "your mean ignores beta: the data's weight in the posterior is "
                "beta·Xᵀy, so m = beta·S·Xᵀy.",
                lambda got, c: _posterior_part_is(
                    got, c, 0, c.expected[1] @ c.args[0].T @ c.args[1]
                ),
            ),
            Mistake(
                "your S is the posterior precision alpha·I + beta·XᵀX; the "
                "covariance is its inverse.",
                lambda got, c: _posterior_part_is(
                    got, c, 1, np.linalg.inv(c.expected[1])
                ),
            ),
            Mistake(
                "the prior is missing: the posterior precision is alpha·I + "
                "beta·XᵀX. Without alpha·I you get least squares, which has no "
                "answer when there are fewer points than weights.",
                lambda got, c: (
                    _posterior_part_is(got, c, 0, _no_prior(c)[0])
                    or _posterior_part_is(got, c, 1, _no_prior(c)[1])
                ),
            ),
            Mistake(
                "your mean is ridge regression with λ = alpha; the posterior mean is "
                "ridge with λ = alpha/beta: m = (XᵀX + (alpha/beta)·I)⁻¹Xᵀy. Dividing "
                "alpha·I + beta·XᵀX by beta shows why.",
                lambda got, c: _posterior_part_is(got, c, 0, _wrong_ridge(c)),
            ),
            Mistake(
                "return the pair in the order (m, S): the mean first, then the "
                "covariance.",
                lambda got, c: (
                    isinstance(got, (tuple, list))
                    and _same(
                        _parts(got[::-1], _posterior_shapes(c)), c.expected
                    )
                ),
            ),
        ),
    )
)


# --- 9.3 the gradient of the logistic loss -----------------------------------------


def _sigmoid(z):
    """1/(1 + e⁻ᶻ) without overflow: e^(−log(1 + e⁻ᶻ))."""
    return np.exp(-np.logaddexp(0.0, -z))


def _logistic_cases(rng):
    out = []
    X = rng.standard_normal((8, 2))
    out.append(
        Case(
            "8 random points with 2 features and w = 0, where every "
            "probability is 1/2",
            (np.zeros(2), X, (rng.random(8) < 0.5).astype(float)),
            None,
        )
    )
    for n, d in [(10, 2), (25, 3)]:
        X = rng.standard_normal((n, d))
        w = rng.standard_normal(d)
        y = (rng.random(n) < _sigmoid(X @ w)).astype(float)
        out.append(
            Case(
                f"{n} random points with {d} features and a random w",
                (w, X, y),
                None,
            )
        )
    X = np.array(
        [[8.0, 1.0], [-8.0, 0.5], [8.0, -2.0], [-8.0, 1.0], [0.5, 1.0]]
    )
    out.append(
        Case(
            "w = (100, 0) and five points: four with scores z = Xw of ±800 "
            "(exp(800) overflows to inf), two of them on the wrong side, and "
            "one with z = 50",
            (np.array([100.0, 0.0]), X, np.array([0.0, 1.0, 1.0, 0.0, 1.0])),
            None,
        )
    )
    return [
        Case(
            c.description,
            c.args,
            c.args[1].T @ (_sigmoid(c.args[1] @ c.args[0]) - c.args[2]),
        )
        for c in out
    ]


def _logistic_is(got, c, p_or_residual) -> bool:
    w, X, y = c.args
    with np.errstate(all="ignore"):
        wrong = p_or_residual(X @ w, y)
    return _close(_array(got, w.shape), wrong, **_TOL) and not _close(
        wrong, c.expected, **_TOL
    )


def _not_finite(got, c) -> bool:
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    return value.shape == c.expected.shape and not np.all(np.isfinite(value))


def _xt(c, r):
    return c.args[1].T @ r


register(
    Exercise(
        name="logistic-gradient",
        section="sec-logistic-regression",
        wants="function",
        signature=(
            "gradient(w, X, y) -> Xᵀ(σ(Xw) − y), the gradient of the summed "
            "log-loss, labels y in {0, 1}"
        ),
        cases=_logistic_cases,
        agrees=lambda got, c: _close(
            _array(got, c.expected.shape), c.expected, **_TOL
        ),
        explain=lambda got, c: _explain_array("the gradient", got, c.expected),
        mistakes=(
            Mistake(
                "your gradient has NaN or inf in it: exp of a large score overflows. "
                "exp(z)/(1 + exp(z)) is inf/inf = NaN when z = 800; 1/(1 + exp(−z)) "
                "gives the right 0 or 1 at both ends (or use scipy.special.expit).",
                _not_finite,
            ),
            Mistake(
                "the sign is flipped: the gradient of the loss is Xᵀ(σ(Xw) − y). "
                "Xᵀ(y − σ(Xw)) is the gradient of the log-likelihood, which you "
                "maximize, not minimize.",
                lambda got, c: _logistic_is(
                    got, c, lambda z, y: _xt(c, y - _sigmoid(z))
                ),
            ),
            Mistake(
                "that is the gradient of least squares, Xᵀ(Xw − y): the logistic "
                "loss puts the probability σ(Xw) where least squares puts the "
                "prediction Xw.",
                lambda got, c: (
                    _logistic_is(got, c, lambda z, y: _xt(c, z - y))
                    or _logistic_is(got, c, lambda z, y: 2 * _xt(c, z - y))
                ),
            ),
            Mistake(
                "the loss is the sum over the points, not the mean: do not divide "
                "by n.",
                lambda got, c: _logistic_is(
                    got, c, lambda z, y: _xt(c, _sigmoid(z) - y) / len(y)
                ),
            ),
            Mistake(
                "p must be the probability σ(z) = 1/(1 + exp(−z)), between 0 and "
                "1; exp(z) alone is the odds, not a probability.",
                lambda got, c: _logistic_is(
                    got, c, lambda z, y: _xt(c, np.exp(z) - y)
                ),
            ),
            Mistake(
                "you used 1 − σ(z), the probability of the label 0: the loss "
                "compares y with σ(z), the probability of the label 1.",
                lambda got, c: (
                    _logistic_is(
                        got, c, lambda z, y: _xt(c, 1 - _sigmoid(z) - y)
                    )
                    or _logistic_is(
                        got, c, lambda z, y: _xt(c, _sigmoid(-z) - y)
                    )
                ),
            ),
        ),
    )
)


# --- 9.5 the soft-margin SVM objective ---------------------------------------------


def _svm_objective(
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
    """0.5||w||² + C·Σ max(0, 1 − yᵢ(w·xᵢ + b)); the keywords plant the mistakes."""
    slack = 1.0 - y * (X @ w + b)
    if hinge == "max":
        losses = np.maximum(0.0, slack)
    elif hinge == "squared":
        losses = np.maximum(0.0, slack) ** 2
    else:  # the max forgotten
        losses = slack
    norm2 = w @ w + (b * b if b_in_norm else 0.0)
    if c_on_norm:
        return float(C * half * norm2 + total(losses))
    return float(half * norm2 + C * total(losses))


def _hinge_cases(rng):
    out = []
    for n, d, C, b in [(12, 2, 1.0, 0.3), (20, 3, 0.1, -0.5)]:
        X = rng.standard_normal((n, d))
        w = rng.standard_normal(d)
        y = np.where(X @ w + b + 0.5 * rng.standard_normal(n) > 0, 1.0, -1.0)
        out.append(
            Case(
                f"{n} random points with {d} features, b = {b} and C = {C}",
                (w, b, X, y, C),
                None,
            )
        )
    X = np.array(
        [[0.5, 0.0], [-1.5, 2.0], [0.0, 1.0], [2.5, 0.0], [1.5, -1.0]]
    )
    y = np.array([1.0, -1.0, 1.0, 1.0, -1.0])
    out.append(
        Case(
            "w = (1, 0), b = 0.5, C = 2 and five points: two exactly on the margin "
            "(yᵢ(w·xᵢ + b) = 1), one inside it (0.5), one well outside (3) and one "
            "on the wrong side (−2)",
            (np.array([1.0, 0.0]), 0.5, X, y, 2.0),
            None,
        )
    )
    X = np.array([[3.0, 1.0], [4.0, -2.0], [-3.0, 0.0], [-5.0, 1.0]])
    out.append(
        Case(
            "w = (1, 0.5), b = −0.25, C = 10 and four points all beyond the margin, "
            "where only the ½‖w‖² term counts",
            (
                np.array([1.0, 0.5]),
                -0.25,
                X,
                np.array([1.0, 1.0, -1.0, -1.0]),
                10.0,
            ),
            None,
        )
    )
    return [Case(c.description, c.args, _svm_objective(*c.args)) for c in out]


def _hinge_number(got) -> float:
    value = np.asarray(got, dtype=float)
    return float(value) if value.shape == () else np.nan


def _hinge_is(got, c, **variant) -> bool:
    wrong = _svm_objective(*c.args, **variant)
    return _close(_hinge_number(got), wrong, **_TOL) and not _close(
        wrong, c.expected, **_TOL
    )


def _hinge_explain(got, c) -> str:
    value = np.asarray(got, dtype=float)
    if value.shape != ():
        return (
            f"expected a single number, {c.expected:.10g}; got an array of shape "
            f"{value.shape}."
        )
    return f"expected {c.expected:.10g}, got {float(value):.10g}."


register(
    Exercise(
        name="hinge-objective",
        section="sec-svm",
        wants="function",
        signature=(
            "objective(w, b, X, y, C) -> ½‖w‖² + C·Σᵢ max(0, 1 − yᵢ(w·xᵢ + b)), "
            "labels y in {−1, +1}"
        ),
        cases=_hinge_cases,
        agrees=lambda got, c: _close(_hinge_number(got), c.expected, **_TOL),
        explain=_hinge_explain,
        mistakes=(
            Mistake(
                "the max is missing: a point beyond the margin (yᵢ(w·xᵢ + b) > 1) "
                "costs 0, not the negative 1 − yᵢ(w·xᵢ + b). Use "
                "np.maximum(0, 1 − margins).",
                lambda got, c: _hinge_is(got, c, hinge="none"),
            ),
            Mistake(
                "the ½ in front of ‖w‖² is missing: the objective is ½‖w‖² + C·Σ "
                "hinge.",
                lambda got, c: _hinge_is(got, c, half=1.0),
            ),
            Mistake(
                "b is not penalized: the norm is of w alone, ½‖w‖² = ½ Σⱼ wⱼ². "
                "Shifting the boundary costs nothing.",
                lambda got, c: _hinge_is(got, c, b_in_norm=True),
            ),
            Mistake(
                "C multiplies the hinge losses, not the norm: ½‖w‖² + C·Σ hinge. "
                "A large C makes violations of the margin expensive.",
                lambda got, c: _hinge_is(got, c, c_on_norm=True),
            ),
            Mistake(
                "that is the squared hinge, Σ max(0, 1 − margin)²: the soft-margin "
                "SVM adds the hinge losses themselves.",
                lambda got, c: _hinge_is(got, c, hinge="squared"),
            ),
            Mistake(
                "add the hinge losses with np.sum; the mean divides C by n.",
                lambda got, c: _hinge_is(got, c, total=np.mean),
            ),
            Mistake(
                "return one number: sum the hinge losses over the points and add "
                "½‖w‖² once.",
                lambda got, c: np.shape(got) == (len(c.args[3]),),
            ),
        ),
    )
)


# --- 9.6 backpropagation through a two-layer network -------------------------------


def _backprop(
    W1, b1, W2, b2, X, Y, *, sign=1.0, derivative="1-h2", scale="mean"
):
    """Gradients of the mean cross-entropy of softmax(tanh(XW1 + b1)W2 + b2)."""
    n = X.shape[0]
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    G = sign * (P - Y) / (1 if scale == "sum" else n)
    dH = G @ W2.T
    dA = {"1-h2": dH * (1 - H**2), "1-h": dH * (1 - H), "none": dH}[derivative]
    dW2 = H.T @ G * (n if scale == "mixed" else 1)
    return X.T @ dA, dA.sum(axis=0), dW2, G.sum(axis=0)


def _backprop_cases(rng):
    out = []
    for description, n, d, h, K, scale in [
        (
            "6 random points, 3 features, 4 hidden units and 3 classes",
            6,
            3,
            4,
            3,
            0.5,
        ),
        (
            "15 random points, 2 features, 5 hidden units and 2 classes",
            15,
            2,
            5,
            2,
            1.0,
        ),
        (
            "8 random points, 4 features, 3 hidden units and 4 classes, with large "
            "weights (many tanh units near ±1)",
            8,
            4,
            3,
            4,
            2.5,
        ),
        (
            "a single point (n = 1), 3 features, 2 hidden units, 3 classes",
            1,
            3,
            2,
            3,
            1.0,
        ),
    ]:
        X = rng.standard_normal((n, d))
        W1 = scale * rng.standard_normal((d, h))
        b1 = 0.5 * rng.standard_normal(h)
        W2 = scale * rng.standard_normal((h, K))
        b2 = 0.5 * rng.standard_normal(K)
        Y = np.eye(K)[rng.integers(0, K, n)]
        args = (W1, b1, W2, b2, X, Y)
        out.append(Case(description, args, _backprop(*args)))
    return out


_BACKPROP_NAMES = ("dW1", "db1", "dW2", "db2")


def _backprop_shapes(c):
    return [a.shape for a in c.args[:4]]


def _backprop_is(got, c, **variant) -> bool:
    return _is(got, c, _backprop(*c.args, **variant), _backprop_shapes(c))


def _backprop_mixed(got, c) -> bool:
    """Each gradient is right or n times too large, and some but not all are."""
    n = c.args[4].shape[0]
    if n == 1:
        return False
    parts = _parts(got, _backprop_shapes(c))
    right = [_close(a, e, **_TOL) for a, e in zip(parts, c.expected)]
    big = [_close(a, n * e, **_TOL) for a, e in zip(parts, c.expected)]
    return (
        all(r or b for r, b in zip(right, big)) and any(big) and not all(big)
    )


def _backprop_order(got, c) -> bool:
    if not isinstance(got, (tuple, list)) or len(got) != 4:
        return False
    shapes = _backprop_shapes(c)
    for order in ([2, 3, 0, 1], [0, 2, 1, 3], [1, 0, 3, 2], [3, 2, 1, 0]):
        moved = [got[i] for i in order]
        if _same(_parts(moved, shapes), c.expected):
            return True
    return False


def _backprop_keepdims(got, c) -> bool:
    if not isinstance(got, (tuple, list)) or len(got) != 4:
        return False
    return any(
        np.shape(got[i]) == (1, *c.args[i].shape)
        and _close(np.reshape(got[i], -1), c.expected[i], **_TOL)
        for i in (1, 3)
    )


register(
    Exercise(
        name="backprop-two-layer",
        section="sec-neural-networks",
        wants="function",
        signature=(
            "backprop(W1, b1, W2, b2, X, Y) -> (dW1, db1, dW2, db2), the gradients "
            "of the mean cross-entropy of softmax(tanh(X W1 + b1) W2 + b2)"
        ),
        cases=_backprop_cases,
        agrees=lambda got, c: _same(
            _parts(got, _backprop_shapes(c)), c.expected
        ),
        explain=lambda got, c: _explain_parts(got, c, _BACKPROP_NAMES),
        mistakes=(
            Mistake(
                "the derivative of tanh is 1 − tanh², so multiply the hidden "
                "gradient by 1 − H**2, not 1 − H.",
                lambda got, c: _backprop_is(got, c, derivative="1-h"),
            ),
            Mistake(
                "the hidden layer's gradient misses the derivative of tanh: "
                "multiply G W2ᵀ elementwise by 1 − H**2 before using it for dW1 and "
                "db1.",
                lambda got, c: _backprop_is(got, c, derivative="none"),
            ),
            Mistake(
                "every gradient is n times too large: the loss is the mean over the "
                "n points, so the output gradient is G = (P − Y)/n.",
                lambda got, c: _backprop_is(got, c, scale="sum"),
            ),
            Mistake(
                "some gradients are n times too large and others are right: the 1/n "
                "of the mean loss belongs in G = (P − Y)/n, before dW2, db2 and the "
                "hidden layer use it.",
                _backprop_mixed,
            ),
            Mistake(
                "the sign is flipped: the gradient of the cross-entropy with "
                "respect to the scores is P − Y (softmax minus one-hot), not Y − P.",
                lambda got, c: _backprop_is(got, c, sign=-1.0),
            ),
            Mistake(
                "the gradients are right but in the wrong order: return (dW1, db1, "
                "dW2, db2).",
                _backprop_order,
            ),
            Mistake(
                "each bias gradient has the shape of its bias, (h,) or (K,): sum "
                "over the points with .sum(axis=0), without keepdims.",
                _backprop_keepdims,
            ),
        ),
    )
)
