"""SimpleImputer against scikit-learn's: every strategy on random data with holes,
all-missing columns (dropped, or kept with keep_empty_features), ties."""

import warnings

import numpy as np
import pytest
import sklearn
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.impute import SimpleImputer as SkSimpleImputer

from mathforml.preprocessing import SimpleImputer
from mathforml.preprocessing._impute import _fill_values

SAME = dict(rtol=1e-12, atol=1e-12)
STRATEGIES = ["mean", "median", "most_frequent", "constant"]
SHAPES = [(1, 1), (3, 2), (20, 3), (100, 5)]
SEEDS = [0, 1, 2]
# scikit-learn >= 1.8 drops an all-missing column for strategy="constant" too;
# older versions keep it, filled with fill_value (we follow 1.8+)
SKLEARN_DROPS_EMPTY_CONSTANT = tuple(
    int(p) for p in sklearn.__version__.split(".")[:2]
) >= (1, 8)


def holes(shape, seed, *, fraction=0.3, levels=None):
    """Random data with a fraction of NaNs, every column keeping one value;
    ``levels``: draw from that many integers (ties for most_frequent)."""
    rng = np.random.default_rng(seed)
    if levels is None:
        X = rng.normal(size=shape) * rng.uniform(1, 50, size=shape[1])
    else:
        X = rng.integers(0, levels, size=shape).astype(float)
    missing = rng.random(shape) < fraction
    missing[0] = False
    X[missing] = np.nan
    return X


def quietly(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return fn(*args)


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("levels", [None, 3])
def test_equals_sklearn(strategy, shape, seed, levels):
    X = holes(shape, seed, levels=levels)
    X_new = holes((6, shape[1]), seed + 50, fraction=0.5, levels=levels)
    kw = dict(
        strategy=strategy, fill_value=-1.5 if strategy == "constant" else None
    )
    ours, theirs = SimpleImputer(**kw).fit(X), SkSimpleImputer(**kw).fit(X)
    assert_allclose(ours.statistics_, theirs.statistics_.astype(float), **SAME)
    assert_allclose(ours.transform(X_new), theirs.transform(X_new), **SAME)
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), **SAME)
    assert not np.isnan(ours.transform(X_new)).any()


def test_most_frequent_takes_the_smallest_on_a_tie():
    X = np.array(
        [[3.0, 2.0], [1.0, np.nan], [3.0, 5.0], [1.0, 5.0], [2.0, 2.0]]
    )
    ours = SimpleImputer(strategy="most_frequent").fit(X)
    theirs = SkSimpleImputer(strategy="most_frequent").fit(X)
    assert_array_equal(ours.statistics_, [1.0, 2.0])
    assert_array_equal(ours.statistics_, theirs.statistics_)


def test_median_of_an_even_count_is_the_midpoint():
    X = np.array([[1.0], [np.nan], [4.0], [2.0], [10.0]])
    assert_array_equal(
        SimpleImputer(strategy="median").fit(X).statistics_, [3.0]
    )


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_an_all_missing_column_is_dropped_with_a_warning(strategy):
    X = np.array(
        [[1.0, np.nan, 3.0], [np.nan, np.nan, 3.0], [2.0, np.nan, 5.0]]
    )
    X_new = np.array([[np.nan, 4.0, np.nan]])
    ours = SimpleImputer(strategy=strategy, fill_value=7.0).fit(X)
    assert np.isnan(ours.statistics_[1])
    with pytest.warns(
        UserWarning, match=r"without any observed values: \[1\]"
    ):
        out = ours.transform(X_new)
    assert out.shape == (1, 2)
    assert_array_equal(ours.get_feature_names_out(), ["x0", "x2"])
    assert_array_equal(ours.get_feature_names_out(["a", "b", "c"]), ["a", "c"])
    if strategy != "constant" or SKLEARN_DROPS_EMPTY_CONSTANT:
        theirs = SkSimpleImputer(strategy=strategy, fill_value=7.0).fit(X)
        assert_allclose(out, quietly(theirs.transform, X_new), **SAME)
        assert_array_equal(
            ours.get_feature_names_out(), theirs.get_feature_names_out()
        )
    expected = {"mean": [1.5, 11 / 3], "median": [1.5, 3.0]}
    expected |= {"most_frequent": [1.0, 3.0], "constant": [7.0, 7.0]}
    assert_allclose(out[0], expected[strategy], **SAME)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_keep_empty_features_fills_the_column(strategy):
    X = np.array([[1.0, np.nan], [np.nan, np.nan], [2.0, np.nan]])
    kw = dict(strategy=strategy, keep_empty_features=True)
    ours, theirs = SimpleImputer(**kw).fit(X), SkSimpleImputer(**kw).fit(X)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is dropped, nothing to warn
        out = ours.transform(X)
    assert out.shape == X.shape
    assert_array_equal(out[:, 1], 0.0)
    assert_allclose(out, theirs.transform(X), **SAME)
    assert_allclose(ours.statistics_, theirs.statistics_.astype(float), **SAME)
    # with strategy="constant" the kept column gets fill_value
    if strategy == "constant":
        kept = SimpleImputer(**kw, fill_value=7).fit(X)
        assert_array_equal(kept.transform(X)[:, 1], 7.0)
        assert_allclose(
            kept.transform(X),
            SkSimpleImputer(**kw, fill_value=7).fit(X).transform(X),
            **SAME,
        )


def test_fill_values_come_from_the_training_rows():
    X_train = np.array(
        [[1.0, 10.0], [np.nan, 20.0], [3.0, np.nan], [4.0, 30.0]]
    )
    X_test = np.array([[np.nan, np.nan], [100.0, np.nan], [200.0, -5.0]])
    imputer = SimpleImputer().fit(X_train)
    expected = np.array([[8 / 3, 20.0], [100.0, 20.0], [200.0, -5.0]])
    assert_allclose(imputer.transform(X_test), expected, **SAME)
    # refitting on the test rows would give other fill values
    assert not np.allclose(
        SimpleImputer().fit_transform(X_test[1:]),
        imputer.transform(X_test[1:]),
    )
    # the observed entries pass through unchanged
    observed = ~np.isnan(X_test)
    assert_array_equal(imputer.transform(X_test)[observed], X_test[observed])


def test_fill_values_pure_function_matches_numpy():
    X = holes((15, 4), 3, levels=4)
    X[:, 3] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = _fill_values(X, "mean")
        median = _fill_values(X, "median")
    mode = _fill_values(X, "most_frequent")
    for j in range(3):
        seen = X[~np.isnan(X[:, j]), j]
        assert mean[j] == pytest.approx(seen.mean(), rel=1e-12, abs=1e-12)
        assert median[j] == np.median(seen)
        values, counts = np.unique(seen, return_counts=True)
        assert mode[j] == values[counts == counts.max()].min()
    assert np.isnan(mean[3]) and np.isnan(median[3]) and np.isnan(mode[3])


def test_fit_does_not_warn_on_an_all_missing_column():
    # NumPy's "Mean of empty slice" must not leak (pytest.ini makes it an error)
    X = np.array([[np.nan, 1.0], [np.nan, 2.0]])
    for strategy in STRATEGIES:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            SimpleImputer(strategy=strategy).fit(X)


def test_fill_value_none_means_zero_and_is_ignored_by_other_strategies():
    X = np.array([[np.nan, 1.0], [2.0, np.nan]])
    assert_array_equal(
        SimpleImputer(strategy="constant").fit_transform(X), [[0, 1], [2, 0]]
    )
    assert_array_equal(
        SimpleImputer(fill_value=99.0).fit_transform(X), [[2, 1], [2, 1]]
    )


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        (
            dict(strategy="mode"),
            ValueError,
            r"strategy .*'most_frequent'.*'mode'",
        ),
        (dict(strategy=None), ValueError, "strategy must be one of"),
        (dict(strategy=["mean"]), ValueError, "strategy must be one of"),
        (dict(strategy="constant", fill_value="a"), TypeError, "fill_value"),
        (
            dict(strategy="constant", fill_value=np.nan),
            ValueError,
            "fill_value",
        ),
        (dict(keep_empty_features="no"), TypeError, "keep_empty_features"),
    ],
)
def test_bad_hyperparameters_are_refused_at_fit(params, error, match):
    imputer = SimpleImputer(**params)
    with pytest.raises(error, match=match):
        imputer.fit(np.array([[1.0, np.nan], [2.0, 3.0]]))


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        (np.array([[1.0, np.inf]]), ValueError, "X must not contain inf"),
        (np.array([[1.0, -np.inf]]), ValueError, "X must not contain inf"),
        (np.arange(3.0), ValueError, "X must be 2-D"),
        ([["a", "b"]], TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_data_is_refused(X, error, match):
    with pytest.raises(error, match=match):
        SimpleImputer().fit(X)
    fitted = SimpleImputer().fit(np.ones((2, 2)))
    with pytest.raises(error, match=match):
        fitted.transform(X)
