"""StandardScaler and MinMaxScaler against scikit-learn's, on random data and on
constant columns, single rows and data outside the training range."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import preprocessing as sk

from mathforml.preprocessing import MinMaxScaler, StandardScaler
from mathforml.preprocessing._scalers import (
    _minmax_params,
    _standardize_params,
)

#: Our column statistics against scikit-learn's (both float64, different sums).
SAME = dict(rtol=1e-12, atol=1e-12)
#: transform then inverse_transform (a few roundings, on values up to ~1e3).
ROUND_TRIP = dict(rtol=1e-10, atol=1e-10)
SHAPES = [(1, 1), (2, 3), (7, 1), (30, 4), (200, 6)]
SEEDS = [0, 1, 2]


def data(shape, seed):
    """Columns with different centers and spreads (and units)."""
    rng = np.random.default_rng(seed)
    loc = rng.uniform(-100, 100, size=shape[1])
    scale = 10.0 ** rng.uniform(-2, 2, size=shape[1])
    return loc + scale * rng.standard_normal(shape)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("with_mean", [True, False])
@pytest.mark.parametrize("with_std", [True, False])
def test_standard_scaler_equals_sklearn(shape, seed, with_mean, with_std):
    X, X_new = data(shape, seed), data((5, shape[1]), seed + 100)
    kw = dict(with_mean=with_mean, with_std=with_std)
    ours, theirs = StandardScaler(**kw).fit(X), sk.StandardScaler(**kw).fit(X)
    for name in ["mean_", "var_", "scale_"]:
        if getattr(theirs, name) is None:
            assert getattr(ours, name) is None, name
        else:
            assert_allclose(getattr(ours, name), getattr(theirs, name), **SAME)
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), **SAME)
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), **SAME)
    assert ours.n_features_in_ == theirs.n_features_in_ == shape[1]


def test_standardized_columns_have_mean_0_and_std_1():
    Z = StandardScaler().fit_transform(data((50, 4), 3))
    # rounding of the mean is magnified by |mean| / std (up to 1e4 here)
    assert_allclose(Z.mean(axis=0), 0.0, rtol=0, atol=1e-10)
    assert_allclose(Z.std(axis=0), 1.0, rtol=1e-12, atol=0)


@pytest.mark.parametrize("value", [0.0, 0.1, -3.7, 1e6])
def test_a_constant_column_gets_scale_1_and_maps_to_0(value):
    X = np.column_stack([np.full(6, value), np.arange(6.0)])
    ours, theirs = StandardScaler().fit(X), sk.StandardScaler().fit(X)
    assert ours.scale_[0] == theirs.scale_[0] == 1.0
    # 0 up to rounding (scikit-learn's var_ cancels the rounding: exactly 0)
    assert_allclose(ours.var_, theirs.var_, **SAME)
    Z = ours.transform(X)
    assert np.all(np.isfinite(Z))
    assert_allclose(Z[:, 0], 0.0, rtol=0, atol=1e-9 * max(abs(value), 1))
    assert_allclose(Z, theirs.transform(X), **SAME)


def test_a_single_row_maps_to_zeros():
    X = np.array([[3.0, -1.0, 8.0]])
    ours = StandardScaler().fit(X)
    assert_array_equal(ours.scale_, [1.0, 1.0, 1.0])
    assert_array_equal(ours.transform(X), [[0.0, 0.0, 0.0]])
    assert_array_equal(MinMaxScaler().fit_transform(X), [[0.0, 0.0, 0.0]])
    assert_allclose(
        StandardScaler().fit(X).transform(X + 2),
        sk.StandardScaler().fit(X).transform(X + 2),
        **SAME,
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (2.5, 7)])
def test_minmax_scaler_equals_sklearn(shape, seed, feature_range):
    X, X_new = data(shape, seed), data((5, shape[1]), seed + 100)
    ours = MinMaxScaler(feature_range=feature_range).fit(X)
    theirs = sk.MinMaxScaler(feature_range=feature_range).fit(X)
    for name in ["data_min_", "data_max_", "data_range_", "scale_", "min_"]:
        assert_allclose(getattr(ours, name), getattr(theirs, name), **SAME)
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), **SAME)
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), **SAME)


def test_minmax_maps_training_extremes_to_the_ends_of_the_range():
    X = data((40, 3), 5)
    Z = MinMaxScaler(feature_range=(-2, 3)).fit_transform(X)
    assert_allclose(Z.min(axis=0), -2.0, rtol=0, atol=1e-12)
    assert_allclose(Z.max(axis=0), 3.0, rtol=0, atol=1e-12)


@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1)])
def test_minmax_constant_column_maps_to_the_low_end(feature_range):
    X = np.column_stack([np.full(4, 7.5), np.arange(4.0)])
    ours = MinMaxScaler(feature_range=feature_range).fit(X)
    theirs = sk.MinMaxScaler(feature_range=feature_range).fit(X)
    assert ours.data_range_[0] == theirs.data_range_[0] == 0.0
    assert_array_equal(ours.transform(X)[:, 0], feature_range[0])
    assert_allclose(ours.transform(X), theirs.transform(X), **SAME)


@pytest.mark.parametrize(
    "scaler",
    [
        StandardScaler(),
        StandardScaler(with_mean=False),
        StandardScaler(with_std=False),
        MinMaxScaler(),
        MinMaxScaler(feature_range=(-3, 0.5)),
    ],
    ids=repr,
)
@pytest.mark.parametrize("shape", SHAPES)
def test_inverse_transform_round_trips(scaler, shape):
    X = data(shape, 7)
    X_new = data((9, shape[1]), 8)
    scaler.fit(X)
    assert_allclose(
        scaler.inverse_transform(scaler.transform(X_new)), X_new, **ROUND_TRIP
    )
    Z = scaler.transform(X_new)
    assert_allclose(
        scaler.transform(scaler.inverse_transform(Z)), Z, **ROUND_TRIP
    )


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 8), st.integers(1, 4)),
        elements=st.floats(-1e3, 1e3, allow_subnormal=False),
    )
)
def test_round_trip_and_range_on_drawn_data(X):
    # constant columns, repeated values and zeros included
    for scaler in [StandardScaler(), MinMaxScaler()]:
        Z = scaler.fit_transform(X)
        assert np.all(np.isfinite(Z))
        assert_allclose(scaler.inverse_transform(Z), X, rtol=1e-9, atol=1e-9)
    Z = MinMaxScaler().fit_transform(X)
    assert np.all((Z >= -1e-12) & (Z <= 1 + 1e-12))


def test_transform_uses_the_training_statistics():
    rng = np.random.default_rng(11)
    X_train = rng.normal(5.0, 2.0, size=(50, 2))
    X_test = rng.normal(-3.0, 0.5, size=(10, 2))  # other center and spread
    scaler = StandardScaler().fit(X_train)
    expected = (X_test - X_train.mean(0)) / X_train.std(0)
    assert_allclose(scaler.transform(X_test), expected, **SAME)
    assert not np.allclose(
        scaler.transform(X_test), StandardScaler().fit_transform(X_test)
    )
    minmax = MinMaxScaler().fit(X_train)
    lo, hi = X_train.min(0), X_train.max(0)
    assert_allclose(
        minmax.transform(X_test), (X_test - lo) / (hi - lo), **SAME
    )
    assert not np.allclose(
        minmax.transform(X_test), MinMaxScaler().fit_transform(X_test)
    )
    # a refit on other data changes what transform does: nothing is cached elsewhere
    assert_allclose(
        scaler.fit(X_test).transform(X_test),
        StandardScaler().fit_transform(X_test),
        **SAME,
    )


def test_pure_functions_match_numpy():
    X = np.column_stack([data((12, 3), 4), np.full(12, 2.0)])
    mean, scale = _standardize_params(X)
    assert_allclose(mean, X.mean(0), **SAME)
    assert_allclose(scale[:3], X[:, :3].std(0, ddof=0), **SAME)
    assert scale[3] == 1.0
    data_min, data_range = _minmax_params(X)
    assert_array_equal(data_min, X.min(0))
    assert_array_equal(data_range[:3], np.ptp(X[:, :3], axis=0))
    assert data_range[3] == 1.0


def test_get_feature_names_out_is_the_input_names():
    X = data((5, 3), 0)
    for ours, theirs in [
        (StandardScaler(), sk.StandardScaler()),
        (MinMaxScaler(), sk.MinMaxScaler()),
    ]:
        ours.fit(X)
        theirs.fit(X)
        assert_array_equal(
            ours.get_feature_names_out(), theirs.get_feature_names_out()
        )
        names = ["a", "b", "c"]
        assert_array_equal(
            ours.get_feature_names_out(names),
            theirs.get_feature_names_out(names),
        )
        with pytest.raises(ValueError, match="input_features"):
            ours.get_feature_names_out(["a", "b"])


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: StandardScaler(with_mean="yes"), TypeError, "with_mean"),
        (lambda: StandardScaler(with_std=1), TypeError, "with_std"),
        (
            lambda: MinMaxScaler(feature_range=(1, 0)),
            ValueError,
            "feature_range",
        ),
        (
            lambda: MinMaxScaler(feature_range=(1, 1)),
            ValueError,
            "feature_range",
        ),
        (
            lambda: MinMaxScaler(feature_range=(0, np.inf)),
            ValueError,
            "feature_range",
        ),
        (
            lambda: MinMaxScaler(feature_range=(0, 1, 2)),
            TypeError,
            "feature_range",
        ),
        (lambda: MinMaxScaler(feature_range=5), TypeError, "feature_range"),
        (
            lambda: MinMaxScaler(feature_range=("0", 1)),
            TypeError,
            "feature_range",
        ),
    ],
)
def test_bad_hyperparameters_are_stored_then_refused_at_fit(
    make, error, match
):
    scaler = make()  # __init__ stores, never validates
    with pytest.raises(error, match=match):
        scaler.fit(np.ones((3, 2)))
    assert not hasattr(scaler, "n_features_in_")


@pytest.mark.parametrize("Scaler", [StandardScaler, MinMaxScaler])
@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        (np.array([[1.0, np.nan]]), ValueError, "X must contain only finite"),
        (np.array([[1.0, np.inf]]), ValueError, "X must contain only finite"),
        (np.arange(3.0), ValueError, r"X must be 2-D"),
        (np.zeros((0, 2)), ValueError, "X must not be empty"),
        ([["a", "b"]], TypeError, "X must be an array of numbers"),
        (None, TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_data_is_refused(Scaler, X, error, match):
    with pytest.raises(error, match=match):
        Scaler().fit(X)
    fitted = Scaler().fit(np.ones((3, 2)))
    with pytest.raises(error, match=match):
        fitted.transform(X)
    with pytest.raises(error, match=match):
        fitted.inverse_transform(X)


@pytest.mark.parametrize(
    "column",
    [
        [1.0, 1.0 + 2.2e-16, 1.0, 1.0 + 4.4e-16],  # a few ulps apart
        [0.0, 1.5e-172, 0.0, 0.0],  # the variance underflows to 0
        [0.1] * 4,  # np.std gives 1.4e-17, not 0
    ],
)
def test_a_column_constant_up_to_rounding_is_constant_as_in_sklearn(column):
    X = np.column_stack([column, [1.0, 2.0, 4.0, 8.0]])
    ours, theirs = StandardScaler().fit(X), sk.StandardScaler().fit(X)
    assert ours.scale_[0] == theirs.scale_[0] == 1.0
    assert_allclose(ours.transform(X), theirs.transform(X), **SAME)


def test_minmax_range_within_rounding_of_zero_is_treated_as_zero():
    X = np.array([[1.0, 0.0], [1.0 + 2.2e-16, 1e-300]])  # ranges ~0
    ours, theirs = MinMaxScaler().fit(X), sk.MinMaxScaler().fit(X)
    assert_array_equal(ours.scale_, theirs.scale_)
    assert_array_equal(ours.scale_, [1.0, 1.0])
    assert_allclose(ours.transform(X), theirs.transform(X), **SAME)
