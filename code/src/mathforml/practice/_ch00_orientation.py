"""The self-checking exercises of Chapter 0: fit a line three ways, as the first section does."""

from __future__ import annotations

import numpy as np

from mathforml.datasets import make_line_data
from mathforml.practice._core import Case, Exercise, Mistake, close, register


def _close(got, expected, rtol=1e-8, atol=1e-10) -> bool:
    return close(got, expected, rtol=rtol, atol=atol)


def _line_data(rng, n, slope, intercept, noise, low=0.0, high=5.0):
    data = make_line_data(
        n,
        slope=slope,
        intercept=intercept,
        noise=noise,
        x_range=(low, high),
        rng=rng,
    )
    return data.x, data.y


def _fit(x, y) -> np.ndarray:
    X = np.column_stack([np.ones_like(x), x])
    return np.linalg.lstsq(X, y, rcond=None)[0]


# --- fit a line by least squares -----------------------------------------------------


def _fit_cases(rng):
    x1, y1 = _line_data(rng, 30, 2.0, 1.0, 1.0)
    x2, y2 = _line_data(rng, 12, -0.5, 4.0, 0.3, low=-3.0, high=3.0)
    x3 = np.array([0.0, 1.0, 2.0])
    y3 = np.array([1.0, 3.0, 5.0])  # exactly on y = 1 + 2x
    return [
        Case(
            "three points exactly on y = 1 + 2x",
            (x3, y3),
            np.array([1.0, 2.0]),
        ),
        Case("30 noisy points around y = 1 + 2x", (x1, y1), _fit(x1, y1)),
        Case("12 points around y = 4 - 0.5x", (x2, y2), _fit(x2, y2)),
    ]


register(
    Exercise(
        name="fit-line",
        section="sec-what-ml-asks",
        wants="function",
        signature="fit_line(x, y) -> array([w0, w1]) of the least-squares line",
        cases=_fit_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "intercept and slope are swapped: return [w0, w1], the intercept "
                "first, matching the columns [1, x] of X.",
                lambda got, c: _close(np.asarray(got)[::-1], c.expected),
            ),
            Mistake(
                "the line is forced through the origin. Add a column of ones to X so "
                "the model has an intercept w0.",
                lambda got, c: (
                    np.size(got) == 1
                    or _close(
                        got,
                        [0.0, c.args[0] @ c.args[1] / (c.args[0] @ c.args[0])],
                    )
                ),
            ),
            Mistake(
                "that solves X w = y for the first two points only. Least squares "
                "uses every point: solve the normal equations XᵀX w = Xᵀy.",
                lambda got, c: _close(
                    got,
                    np.linalg.solve(
                        np.column_stack([np.ones(2), c.args[0][:2]]),
                        c.args[1][:2],
                    ),
                ),
            ),
        ),
    )
)


# --- one step of gradient descent ----------------------------------------------------


def _step_cases(rng):
    x, y = _line_data(rng, 30, 2.0, 1.0, 1.0)
    X = np.column_stack([np.ones_like(x), x])
    w = np.array([0.5, -0.5])

    def step(w, X, y, eta):
        return w - eta * (2 / len(y)) * X.T @ (X @ w - y)

    Z = rng.standard_normal((8, 3))
    v = rng.standard_normal(8)
    u = np.zeros(3)
    return [
        Case(
            "w = [0.5, -0.5] on 30 points, eta = 0.05",
            (w, X, y, 0.05),
            step(w, X, y, 0.05),
        ),
        Case(
            "w = 0 on 8 samples of 3 features, eta = 0.1",
            (u, Z, v, 0.1),
            step(u, Z, v, 0.1),
        ),
    ]


def _step_with(factor, sign=1.0):
    def wrong(c):
        w, X, y, eta = c.args
        return w - sign * eta * factor * X.T @ (X @ w - y)

    return wrong


register(
    Exercise(
        name="gradient-step",
        section="sec-what-ml-asks",
        wants="function",
        signature="gd_step(w, X, y, eta) -> w after one gradient-descent step on the MSE",
        cases=_step_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "you stepped uphill: gradient descent subtracts eta times the gradient.",
                lambda got, c: _close(
                    got, _step_with(2 / len(c.args[2]), -1.0)(c)
                ),
            ),
            Mistake(
                "the gradient of the mean squared error carries the factor 2/N; "
                "yours is off by 2 or by N.",
                lambda got, c: any(
                    _close(got, _step_with(f)(c))
                    for f in (1 / len(c.args[2]), 2.0, 1.0)
                ),
            ),
            Mistake(
                "that is the gradient itself, not the new w = w − eta ∇L(w).",
                lambda got, c: _close(
                    got,
                    (2 / len(c.args[2]))
                    * c.args[1].T
                    @ (c.args[1] @ c.args[0] - c.args[2]),
                ),
            ),
        ),
    )
)


# --- the standard error of the slope -------------------------------------------------


def _se(x, y, dof=2, center=True):
    w = _fit(x, y)
    r = y - w[0] - w[1] * x
    sigma = np.sqrt(r @ r / (len(x) - dof))
    spread = ((x - x.mean()) ** 2).sum() if center else (x**2).sum()
    return float(sigma / np.sqrt(spread))


def _se_cases(rng):
    x1, y1 = _line_data(rng, 30, 2.0, 1.0, 1.0)
    x2, y2 = _line_data(rng, 6, 1.0, 10.0, 0.5, low=20.0, high=30.0)
    return [
        Case(
            "30 points around y = 1 + 2x with noise 1", (x1, y1), _se(x1, y1)
        ),
        Case("6 points with x between 20 and 30", (x2, y2), _se(x2, y2)),
    ]


register(
    Exercise(
        name="slope-standard-error",
        section="sec-what-ml-asks",
        wants="function",
        signature="slope_se(x, y) -> the standard error of the fitted slope",
        cases=_se_cases,
        agrees=lambda got, case: (
            np.ndim(got) == 0
            and np.isclose(float(got), case.expected, rtol=1e-8, atol=1e-12)
        ),
        mistakes=(
            Mistake(
                "divide the residual sum of squares by N − 2, not N: fitting two "
                "parameters uses up two degrees of freedom.",
                lambda got, c: (
                    np.isclose(got, _se(*c.args, dof=0))
                    or np.isclose(got, _se(*c.args, dof=1))
                ),
            ),
            Mistake(
                "center x first: the spread is Σ(xᵢ − x̄)², not Σxᵢ².",
                lambda got, c: np.isclose(got, _se(*c.args, center=False)),
            ),
            Mistake(
                "that is the squared standard error (a variance); take its square root.",
                lambda got, c: np.isclose(got, _se(*c.args) ** 2),
            ),
        ),
    )
)
