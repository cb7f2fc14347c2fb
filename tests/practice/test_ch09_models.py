"""Chapter 9's self-checking exercises: their expected answers against independent oracles.

test_check.py runs the right answers and the planted mistakes (from ch09_answers.py);
here the expected answers stored in the cases are checked against finite differences,
scikit-learn and hand computation, and odd answers must fail with a message.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from ch09_answers import RIGHT_CH09, backprop, log_loss, loss, sigmoid_naive
from sklearn.linear_model import Ridge

from mathforml.practice import check, exercises
from mathforml.practice._core import _REGISTRY
from tolerances import DIRECT, FINITE_DIFF

NAMES = list(RIGHT_CH09)


def cases(name, seed=0):
    return _REGISTRY[name].cases(np.random.default_rng(seed))


def central(f, x, h=1e-6):
    """Central differences of a scalar f at every coordinate of the array x."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        grad[i] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


def test_the_four_exercises_are_registered_with_their_signatures():
    listed = exercises()
    assert set(NAMES) <= set(listed)
    assert "(m, S)" in listed["bayes-linear-posterior"]
    assert listed["logistic-gradient"].startswith("gradient(w, X, y)")
    assert listed["hinge-objective"].startswith("objective(w, b, X, y, C)")
    assert "(dW1, db1, dW2, db2)" in listed["backprop-two-layer"]
    # Chapter 5's exercise of the same family keeps its own name and signature
    assert listed["bayes-posterior"] != listed["bayes-linear-posterior"]


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_posterior_mean_is_ridge_with_alpha_over_beta(seed):
    for c in cases("bayes-linear-posterior", seed):
        X, y, alpha, beta = c.args
        m, S = c.expected
        ridge = Ridge(alpha=alpha / beta, fit_intercept=False).fit(X, y)
        np.testing.assert_allclose(m, ridge.coef_, rtol=1e-7, atol=1e-10)
        precision = alpha * np.eye(X.shape[1]) + beta * X.T @ X
        np.testing.assert_allclose(S @ precision, np.eye(len(m)), **DIRECT)
        np.testing.assert_allclose(S, S.T, **DIRECT)


def test_posterior_cases_cover_beta_not_one_and_a_singular_gram_matrix():
    found = cases("bayes-linear-posterior")
    assert any(c.args[3] != 1 and c.args[2] != c.args[3] for c in found)
    first = found[0].args[0]
    assert np.linalg.matrix_rank(first.T @ first) == first.shape[1]
    assert any(c.args[0].shape[0] < c.args[0].shape[1] for c in found)


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_logistic_gradient_is_the_derivative_of_the_summed_log_loss(seed):
    for c in cases("logistic-gradient", seed):
        w, X, y = c.args
        numeric = central(lambda v, X=X, y=y: log_loss(v, X, y), w)
        np.testing.assert_allclose(c.expected, numeric, **FINITE_DIFF)


def test_the_large_score_case_overflows_a_naive_sigmoid_which_still_passes():
    big = [
        c
        for c in cases("logistic-gradient")
        if np.abs(c.args[1] @ c.args[0]).max() >= 800
    ]
    assert big and np.all(np.isfinite(big[0].expected))
    w, X, _ = big[0].args
    with pytest.warns(RuntimeWarning, match="overflow"):
        sigmoid_naive(X @ w)
    assert check("logistic-gradient", RIGHT_CH09["logistic-gradient"]).passed


def test_a_nan_from_overflow_fails_with_a_hint_about_overflow():
    def odds_ratio(w, X, y):
        z = X @ w
        return X.T @ (np.exp(z) / (1 + np.exp(z)) - y)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the check itself must not warn
        report = check("logistic-gradient", odds_ratio)
    assert not report.passed and report.n_passed == 3
    assert "overflow" in report.hint and "±800" in str(report)


def test_hinge_objective_by_hand_and_by_a_loop():
    found = cases("hinge-objective")
    by_hand = {c.description.split(" and ")[0]: c.expected for c in found}
    # w = (1, 0), b = 0.5, C = 2: ½·1 + 2·(0 + 0 + 0.5 + 0 + 3) = 7.5
    assert by_hand["w = (1, 0), b = 0.5, C = 2"] == 7.5
    # all beyond the margin: ½·(1 + 0.25)
    assert by_hand["w = (1, 0.5), b = −0.25, C = 10"] == 0.625
    for c in found:
        w, b, X, y, C = c.args
        total = 0.5 * sum(wj * wj for wj in w)
        for xi, yi in zip(X, y):
            total += C * max(0.0, 1.0 - yi * (sum(w * xi) + b))
        assert c.expected == pytest.approx(total, rel=1e-12)


def test_one_hinge_case_has_points_on_and_inside_the_margin():
    w, b, X, y, _ = cases("hinge-objective")[2].args
    margins = y * (X @ w + b)
    assert np.sum(margins == 1.0) == 2 and np.any(
        (0 < margins) & (margins < 1)
    )
    assert set(np.unique(y)) == {-1.0, 1.0}


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_backprop_is_the_derivative_of_the_mean_cross_entropy(seed):
    for c in cases("backprop-two-layer", seed):
        W1, b1, W2, b2, X, Y = c.args
        params = [W1, b1, W2, b2]
        for k in range(4):

            def f(p, k=k, params=params, X=X, Y=Y):
                moved = list(params)
                moved[k] = p
                return loss(*moved, X, Y)

            np.testing.assert_allclose(
                c.expected[k], central(f, params[k]), **FINITE_DIFF
            )
        for expected, reference in zip(c.expected, backprop(*c.args)):
            np.testing.assert_allclose(
                expected, reference, rtol=1e-12, atol=1e-14
            )


BAD = [
    "not an answer",
    {"m": 1},
    3.0,
    np.zeros((2, 2, 2)),
    (np.zeros(2),),
    [[1.0, 2.0], [3.0, 4.0]],
    (None, None, None, None),
    ("a", "b"),
    (np.full(3, np.nan), np.zeros(3), np.zeros(3), np.zeros(3)),
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("bad", BAD, ids=range(len(BAD)))
def test_odd_answers_fail_with_a_message_not_a_crash(name, bad):
    report = check(name, lambda *args: bad)
    text = str(report)
    assert not report.passed and text.startswith("✗")
    assert "expected" in text.lower() or "shape" in text, text
    assert all(len(line) <= 80 for line in text.splitlines()), text


def test_wrong_shapes_are_named():
    report = check(
        "bayes-linear-posterior",
        lambda X, y, a, b: tuple(
            p[None] for p in RIGHT_CH09["bayes-linear-posterior"](X, y, a, b)
        ),
    )
    assert "m to have shape (2,); got shape (1, 2)" in " ".join(
        str(report).split()
    )
    report = check(
        "backprop-two-layer",
        lambda *a: tuple(g.T for g in backprop(*a)),
    )
    assert "dW1 to have shape (3, 4); got shape (4, 3)" in " ".join(
        str(report).split()
    )
    report = check("hinge-objective", lambda *a: [1.0, 2.0])
    assert "a single number" in " ".join(str(report).split())


def test_a_raising_answer_is_reported():
    def broken(W1, b1, W2, b2, X, Y):
        return X @ W2  # shapes do not match

    report = check("backprop-two-layer", broken)
    assert not report.passed and "raised ValueError" in str(report)
