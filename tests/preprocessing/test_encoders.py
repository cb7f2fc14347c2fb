"""OneHotEncoder against scikit-learn's OneHotEncoder(sparse_output=False): numbers
and strings, unseen categories, drop="first", feature names."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from sklearn.preprocessing import OneHotEncoder as SkOneHotEncoder

from mathforml.preprocessing import OneHotEncoder
from mathforml.preprocessing._encoders import _one_hot

SHAPES = [(1, 1), (4, 2), (25, 3), (100, 4)]
SEEDS = [0, 1, 2]
WORDS = np.array(["red", "green", "blue", "Amber", "zinc", "é"], dtype=object)


def categorical(shape, seed, kind):
    """Random categories: ints, floats, or strings (object dtype)."""
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 4, size=shape) + rng.integers(0, 3, size=shape[1])
    if kind == "int":
        return codes
    if kind == "float":
        return codes * 0.5 - 1.0
    return WORDS[codes]


def sk(**kw):
    return SkOneHotEncoder(sparse_output=False, **kw)


def same_categories(ours, theirs):
    assert len(ours.categories_) == len(theirs.categories_)
    for a, b in zip(ours.categories_, theirs.categories_):
        assert a.tolist() == b.tolist()


@pytest.mark.parametrize("kind", ["int", "float", "str"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("drop", [None, "first"])
def test_equals_sklearn(kind, shape, seed, drop):
    X = categorical(shape, seed, kind)
    ours, theirs = OneHotEncoder(drop=drop).fit(X), sk(drop=drop).fit(X)
    same_categories(ours, theirs)
    rows = X[np.random.default_rng(seed).integers(0, shape[0], size=7)]
    assert_array_equal(ours.transform(rows), theirs.transform(rows))
    assert_array_equal(ours.fit_transform(X), theirs.fit_transform(X))
    assert_array_equal(
        ours.get_feature_names_out(), theirs.get_feature_names_out()
    )
    names = [f"col{j}" for j in range(shape[1])]
    assert_array_equal(
        ours.get_feature_names_out(names), theirs.get_feature_names_out(names)
    )
    assert ours.transform(rows).dtype == np.float64


def test_each_row_has_a_single_one_per_column_block():
    X = categorical((30, 3), 4, "str")
    encoder = OneHotEncoder().fit(X)
    Z = encoder.transform(X)
    sizes = [len(c) for c in encoder.categories_]
    assert Z.shape == (30, sum(sizes))
    for block in np.split(Z, np.cumsum(sizes)[:-1], axis=1):
        assert_array_equal(block.sum(axis=1), 1.0)


def test_categories_are_sorted_and_unique():
    X = [["b", 3], ["a", 1], ["b", 2], ["c", 1]]
    encoder = OneHotEncoder().fit(X)
    assert encoder.categories_[0].tolist() == ["a", "b", "c"]
    assert encoder.categories_[1].tolist() == [1, 2, 3]
    same_categories(encoder, sk().fit(X))
    assert_array_equal(encoder.transform(X), sk().fit(X).transform(X))


def test_mixed_list_keeps_numbers_as_numbers():
    # np.asarray would make the number 1 the string "1": names must say x1_1
    X = [["red", 1], ["green", 2]]
    ours, theirs = OneHotEncoder().fit(X), sk().fit(X)
    assert_array_equal(
        ours.get_feature_names_out(), ["x0_green", "x0_red", "x1_1", "x1_2"]
    )
    assert_array_equal(
        ours.get_feature_names_out(), theirs.get_feature_names_out()
    )
    assert_array_equal(ours.transform([["red", 2]]), [[0, 1, 0, 1]])


def test_numpy_string_arrays_work():
    X = np.array([["a", "x"], ["b", "y"], ["a", "y"]])  # dtype <U1
    assert_array_equal(OneHotEncoder().fit_transform(X), sk().fit_transform(X))


def test_unknown_category_is_an_error_naming_column_and_value():
    encoder = OneHotEncoder().fit([["a", 1], ["b", 2]])
    with pytest.raises(ValueError, match=r"column 0: 'zebra'"):
        encoder.transform([["zebra", 1]])
    with pytest.raises(ValueError, match=r"column 1: 5\b"):
        encoder.transform([["a", 5]])
    with pytest.raises(ValueError, match="handle_unknown='ignore'"):
        encoder.transform([["a", 5]])
    with pytest.raises(ValueError):
        sk().fit([["a", 1], ["b", 2]]).transform([["zebra", 1]])


def test_unknown_category_ignored_gives_zeros():
    X = categorical((20, 2), 0, "str")
    X_new = np.array([["never", X[0, 1]], [X[0, 0], "seen"]], dtype=object)
    ours = OneHotEncoder(handle_unknown="ignore").fit(X)
    theirs = sk(handle_unknown="ignore").fit(X)
    out = ours.transform(X_new)
    assert_array_equal(out, theirs.transform(X_new))
    n0 = len(ours.categories_[0])
    assert_array_equal(out[0, :n0], 0.0)
    assert_array_equal(out[1, n0:], 0.0)
    assert out[0, n0:].sum() == out[1, :n0].sum() == 1.0


def test_unknown_category_ignored_with_drop_first_warns_as_sklearn():
    X = [["a", 1], ["b", 2], ["c", 2]]
    ours = OneHotEncoder(handle_unknown="ignore", drop="first").fit(X)
    theirs = sk(handle_unknown="ignore", drop="first").fit(X)
    with pytest.warns(
        UserWarning, match=r"unknown categories in columns \[0\]"
    ):
        out = ours.transform([["z", 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        assert_array_equal(out, theirs.transform([["z", 1]]))
    assert_array_equal(out, [[0.0, 0.0, 0.0]])


def test_drop_first_removes_the_smallest_category_of_each_column():
    X = np.array([[3, 0], [1, 0], [2, 5]])
    ours = OneHotEncoder(drop="first").fit(X)
    assert_array_equal(ours.drop_idx_, [0, 0])
    assert_array_equal(ours.get_feature_names_out(), ["x0_2", "x0_3", "x1_5"])
    assert_array_equal(ours.transform(X), [[0, 1, 0], [0, 0, 0], [1, 0, 1]])
    assert OneHotEncoder().fit(X).drop_idx_ is None


def test_a_single_category_column_vanishes_with_drop_first():
    X = np.array([[1, 7], [2, 7]])
    ours, theirs = OneHotEncoder(drop="first").fit(X), sk(drop="first").fit(X)
    assert_array_equal(ours.transform(X), theirs.transform(X))
    assert ours.transform(X).shape == (2, 1)
    only = np.array([[7], [7]])
    assert OneHotEncoder(drop="first").fit_transform(only).shape == (2, 0)


def test_a_single_row():
    X = np.array([["a", "b"]], dtype=object)
    assert_array_equal(OneHotEncoder().fit_transform(X), [[1.0, 1.0]])
    assert_array_equal(OneHotEncoder().fit_transform(X), sk().fit_transform(X))


def test_categories_come_from_the_training_rows():
    encoder = OneHotEncoder(handle_unknown="ignore").fit([["a"], ["b"]])
    X_test = np.array([["b"], ["c"], ["c"]], dtype=object)
    assert_array_equal(encoder.transform(X_test), [[0, 1], [0, 0], [0, 0]])
    # fitting on the test rows instead would give the columns b, c
    assert OneHotEncoder().fit(X_test).categories_[0].tolist() == ["b", "c"]


def test_one_hot_pure_function():
    column = np.array(["b", "a", "c", "b"], dtype=object)
    categories = np.array(["a", "b"], dtype=object)
    assert_array_equal(
        _one_hot(column, categories), [[0, 1], [1, 0], [0, 0], [0, 1]]
    )
    assert_array_equal(
        _one_hot(np.array([2.0, 1.0]), np.array([1.0, 2.0, 3.0])),
        [[0, 1, 0], [1, 0, 0]],
    )


@pytest.mark.parametrize(
    ("params", "match"),
    [
        (dict(handle_unknown="infrequent_if_exist"), "handle_unknown"),
        (dict(handle_unknown=None), "handle_unknown"),
        (dict(drop="last"), "drop"),
        (dict(drop="if_binary"), "drop"),
    ],
)
def test_bad_hyperparameters_are_refused_at_fit(params, match):
    encoder = OneHotEncoder(**params)
    with pytest.raises(ValueError, match=match):
        encoder.fit([["a"], ["b"]])


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        (np.array([[1.0], [np.nan]]), ValueError, "X must not contain NaN"),
        (
            np.array([[1.0], [np.inf]]),
            ValueError,
            "X must not contain NaN or inf",
        ),
        ([["a"], [None]], ValueError, r"missing .*None.* column 0"),
        ([["a", 1.0], ["b", np.nan]], ValueError, r"missing .* column 1"),
        ([["a"], [1]], TypeError, "column 0 mixes strings and numbers"),
        (
            np.array([[{"a": 1}], [2]], dtype=object),
            TypeError,
            "column 0 must hold strings or numbers",
        ),
        (np.array(["a", "b"]), ValueError, "X must be 2-D"),
        (np.zeros((0, 2)), ValueError, "X must not be empty"),
        ("abc", TypeError, "X must be a 2-D array of numbers or strings"),
        (None, TypeError, "X must be a 2-D array of numbers or strings"),
        (np.array([[1 + 2j]]), TypeError, "numbers or strings; got dtype"),
    ],
)
def test_bad_data_is_refused(X, error, match):
    with pytest.raises(error, match=match):
        OneHotEncoder().fit(X)
