"""mean_squared_error, mean_absolute_error and r2_score against scikit-learn; the
estimators' score methods that call them."""

import numpy as np
import pytest
from sklearn import metrics as sk

from mathforml.base import BaseEstimator, ClassifierMixin, RegressorMixin
from mathforml.metrics import (
    mean_absolute_error,
    mean_squared_error,
    r2_score,
)
from mathforml.metrics._regression import _r2

#: Means of n squares summed in the same or a different order.
SUMS = dict(rel=1e-12, abs=1e-14)
METRICS = [
    (mean_squared_error, sk.mean_squared_error),
    (mean_absolute_error, sk.mean_absolute_error),
    (r2_score, sk.r2_score),
]


def targets(rng, n, *, noise=0.5, scale=1.0):
    y = scale * rng.normal(size=n)
    return y, y + noise * scale * rng.normal(size=n)


@pytest.mark.parametrize(("ours", "theirs"), METRICS)
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n", [2, 5, 100, 2000])
@pytest.mark.parametrize("scale", [1e-3, 1.0, 1e4])
def test_equal_sklearn_on_random_data(ours, theirs, seed, n, scale):
    y, y_hat = targets(np.random.default_rng(seed), n, scale=scale)
    value = ours(y, y_hat)
    assert isinstance(value, float)
    assert value == pytest.approx(theirs(y, y_hat), **SUMS)


@pytest.mark.parametrize(("ours", "theirs"), METRICS)
def test_equal_sklearn_on_integers_and_lists(ours, theirs):
    y, y_hat = [3, -1, 4, 1, 5], [2, 0, 4, 2, 9]
    assert ours(y, y_hat) == pytest.approx(theirs(y, y_hat), **SUMS)


def test_by_hand():
    y, y_hat = [1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 3.0, 2.0]
    assert mean_squared_error(y, y_hat) == pytest.approx(5 / 4, **SUMS)
    assert mean_absolute_error(y, y_hat) == pytest.approx(3 / 4, **SUMS)
    assert r2_score(y, y_hat) == pytest.approx(1 - 5 / 5, **SUMS)  # SS_tot = 5
    assert _r2(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 2.0])) == 0.5


def test_r2_is_one_minus_mse_over_variance():
    rng = np.random.default_rng(3)
    for noise in (0.0, 0.1, 1.0, 3.0):
        y, y_hat = targets(rng, 200, noise=noise)
        expected = 1 - mean_squared_error(y, y_hat) / np.var(y)
        assert r2_score(y, y_hat) == pytest.approx(expected, **SUMS)


def test_r2_landmarks():
    y = np.random.default_rng(4).normal(size=50)
    assert r2_score(y, y) == 1.0
    assert r2_score(y, np.full(50, y.mean())) == pytest.approx(0.0, abs=1e-15)
    assert r2_score(y, -y) < 0  # worse than predicting the mean
    assert r2_score(y, y + 10) < r2_score(y, y + 1) < 1


@pytest.mark.parametrize("c", [2.0, -7.0, 0.0])
def test_r2_of_a_constant_target_follows_sklearn(c):
    y = np.full(6, c)
    assert r2_score(y, y) == 1.0 == sk.r2_score(y, y)
    assert r2_score(y, y + 0.5) == 0.0 == sk.r2_score(y, y + 0.5)


def test_r2_of_a_constant_target_is_tested_exactly():
    # the mean of [0.1] * 3 is not exactly 0.1 in floating point, so
    # scikit-learn divides by ~1e-34; equal values are constant here
    y = np.full(3, 0.1)
    assert np.mean(y) != 0.1  # the premise
    assert r2_score(y, y) == 1.0
    assert r2_score(y, y + 1) == 0.0


def test_errors_are_zero_only_for_perfect_predictions():
    y = np.array([1.0, 2.0, 3.0])
    assert mean_squared_error(y, y) == mean_absolute_error(y, y) == 0.0
    nudged = y + np.array([0.0, 0.0, 1e-3])
    assert mean_squared_error(y, nudged) > 0
    assert mean_absolute_error(y, nudged) > 0


class _Constant(RegressorMixin, BaseEstimator):
    def __init__(self, *, value=0.0):
        self.value = value

    def predict(self, X):
        return np.full(len(X), self.value)


class _Sign(ClassifierMixin, BaseEstimator):
    def predict(self, X):
        return np.where(np.asarray(X)[:, 0] > 0, "pos", "neg")


def test_the_estimator_mixins_score_with_these_metrics():
    X = np.array([[-1.0], [2.0], [3.0], [-0.5]])
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert _Constant(value=2.5).score(X, y) == pytest.approx(0.0, abs=1e-15)
    assert _Constant(value=0.0).score(X, y) == pytest.approx(
        sk.r2_score(y, np.zeros(4)), **SUMS
    )
    assert _Sign().score(X, ["neg", "pos", "neg", "neg"]) == 0.75


# ---------------------------------------------------------------- bad input
FUNCTIONS = [mean_squared_error, mean_absolute_error, r2_score]


@pytest.mark.parametrize("f", FUNCTIONS)
def test_mismatched_lengths_name_both_arguments_and_lengths(f):
    with pytest.raises(
        ValueError, match=r"y_true .*length 3.* y_pred .*length 2"
    ):
        f([1.0, 2.0, 3.0], [1.0, 2.0])


@pytest.mark.parametrize("f", FUNCTIONS)
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_and_inf_are_refused(f, bad):
    with pytest.raises(ValueError, match="y_true must contain only finite"):
        f([1.0, bad, 3.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="y_pred must contain only finite"):
        f([1.0, 2.0, 3.0], [1.0, bad, 3.0])


@pytest.mark.parametrize("f", FUNCTIONS)
def test_bad_shapes_and_types(f):
    with pytest.raises(ValueError, match="y_true must be a 1-D vector"):
        f([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0])
    with pytest.raises(ValueError, match="y_pred must be a 1-D vector"):
        f([1.0, 2.0], [[1.0, 2.0]])
    with pytest.raises(TypeError, match="y_true must be an array of numbers"):
        f(["a", "b"], [1.0, 2.0])
    with pytest.raises(ValueError, match="y_pred must not be empty"):
        f([1.0], [])


def test_r2_needs_two_samples():
    with pytest.raises(ValueError, match=r"at least 2 samples .*; got 1"):
        r2_score([1.0], [1.0])
