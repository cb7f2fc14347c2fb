"""PolynomialFeatures against scikit-learn's: degrees 0-4, 1-4 features, with and
without interactions and the bias column; the monomials checked by hand."""

from math import comb

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.preprocessing import PolynomialFeatures as SkPolynomialFeatures

from mathforml.preprocessing import PolynomialFeatures
from mathforml.preprocessing._polynomial import _powers

#: Products of up to 4 factors of size ~1: a few roundings apart.
SAME = dict(rtol=1e-12, atol=1e-12)


def options():
    for degree in range(5):
        for n_features in range(1, 5):
            for interaction_only in [False, True]:
                for include_bias in [True, False]:
                    if degree == 0 and not include_bias:
                        continue  # no output column: an error (tested below)
                    yield degree, n_features, interaction_only, include_bias


@pytest.mark.parametrize(
    ("degree", "n_features", "interaction_only", "include_bias"),
    list(options()),
)
def test_equals_sklearn(degree, n_features, interaction_only, include_bias):
    rng = np.random.default_rng(degree * 10 + n_features)
    X = rng.uniform(-2, 2, size=(9, n_features))
    kw = dict(
        degree=degree,
        interaction_only=interaction_only,
        include_bias=include_bias,
    )
    ours, theirs = (
        PolynomialFeatures(**kw).fit(X),
        SkPolynomialFeatures(**kw).fit(X),
    )
    assert_array_equal(ours.powers_, theirs.powers_)
    assert ours.n_output_features_ == theirs.n_output_features_
    assert ours.powers_.shape == (ours.n_output_features_, n_features)
    X_new = rng.uniform(-2, 2, size=(4, n_features))
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), **SAME)
    assert_array_equal(
        ours.get_feature_names_out(), theirs.get_feature_names_out()
    )
    names = ["a", "b", "c", "d"][:n_features]
    assert_array_equal(
        ours.get_feature_names_out(names), theirs.get_feature_names_out(names)
    )


@pytest.mark.parametrize("n_features", [1, 2, 3, 5])
@pytest.mark.parametrize("degree", [1, 2, 3, 4])
def test_count_of_monomials(n_features, degree):
    # monomials of degree <= k in d variables: C(d + k, k); square-free: sum C(d, j)
    full = PolynomialFeatures(degree=degree).fit(np.ones((1, n_features)))
    assert full.n_output_features_ == comb(n_features + degree, degree)
    square_free = PolynomialFeatures(degree=degree, interaction_only=True)
    square_free.fit(np.ones((1, n_features)))
    assert square_free.n_output_features_ == sum(
        comb(n_features, j) for j in range(min(degree, n_features) + 1)
    )


def test_columns_are_the_monomials_by_hand():
    X = np.array([[2.0, 3.0], [-1.0, 0.5]])
    a, b = X[:, 0], X[:, 1]
    expected = np.column_stack(
        [np.ones(2), a, b, a**2, a * b, b**2, a**3, a**2 * b, a * b**2, b**3]
    )
    assert_allclose(
        PolynomialFeatures(degree=3).fit_transform(X), expected, **SAME
    )
    names = (
        "1 | x0 | x1 | x0^2 | x0 x1 | x1^2 | x0^3 | x0^2 x1 | x0 x1^2 | x1^3"
    )
    assert_array_equal(
        PolynomialFeatures(degree=3).fit(X).get_feature_names_out(),
        names.split(" | "),
    )


def test_degree_0_and_1():
    X = np.array([[2.0, 3.0], [4.0, 5.0], [-1.0, 0.0]])
    assert_array_equal(
        PolynomialFeatures(degree=0).fit_transform(X), np.ones((3, 1))
    )
    assert_array_equal(
        PolynomialFeatures(degree=1, include_bias=False).fit_transform(X), X
    )
    assert_array_equal(
        PolynomialFeatures(degree=1).fit_transform(X),
        np.column_stack([np.ones(3), X]),
    )


def test_zero_to_the_zero_is_one():
    X = np.zeros((2, 2))
    Z = PolynomialFeatures(degree=2).fit_transform(X)
    assert_array_equal(Z, [[1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]])


def test_a_single_row_and_a_single_feature():
    X = np.array([[3.0]])
    assert_array_equal(
        PolynomialFeatures(degree=4).fit_transform(X), [[1, 3, 9, 27, 81]]
    )
    # interactions of one feature: nothing beyond x0
    assert_array_equal(
        PolynomialFeatures(degree=4, interaction_only=True).fit_transform(X),
        [[1, 3]],
    )


def test_powers_pure_function():
    assert _powers(2, 2, False, True) == [
        (0, 0),
        (1, 0),
        (0, 1),
        (2, 0),
        (1, 1),
        (0, 2),
    ]
    assert _powers(3, 2, True, False) == [
        (1, 0, 0),
        (0, 1, 0),
        (0, 0, 1),
        (1, 1, 0),
        (1, 0, 1),
        (0, 1, 1),
    ]
    assert _powers(2, 0, False, True) == [(0, 0)]
    for p in _powers(3, 4, False, True):
        assert sum(p) <= 4 and min(p) >= 0


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        (dict(degree=-1), ValueError, "degree must be >= 0"),
        (dict(degree=2.0), TypeError, "degree must be an integer"),
        (dict(degree=(1, 2)), TypeError, "degree must be an integer"),
        (dict(degree=True), TypeError, "degree must be an integer"),
        (dict(degree=0, include_bias=False), ValueError, "include_bias"),
        (dict(interaction_only="yes"), TypeError, "interaction_only"),
        (dict(include_bias=None), TypeError, "include_bias"),
    ],
)
def test_bad_hyperparameters_are_refused_at_fit(params, error, match):
    poly = PolynomialFeatures(**params)
    with pytest.raises(error, match=match):
        poly.fit(np.ones((2, 2)))


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        (np.array([[1.0, np.nan]]), ValueError, "X must contain only finite"),
        (np.arange(3.0), ValueError, "X must be 2-D"),
        ([["a"]], TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_data_is_refused(X, error, match):
    with pytest.raises(error, match=match):
        PolynomialFeatures().fit(X)
    with pytest.raises(error, match=match):
        PolynomialFeatures().fit(np.ones((2, 2))).transform(X)
