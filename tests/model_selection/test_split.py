"""train_test_split, KFold and StratifiedKFold against scikit-learn's, index for
index where the rule is the same, and by invariants where it is random."""

import math
import warnings

import numpy as np
import pytest
from sklearn import model_selection as sk

from mathforml.model_selection import KFold, StratifiedKFold, train_test_split
from mathforml.model_selection._split import (
    _fold_sizes,
    _kfold_tests,
    _stratified_fold_of,
    _stratified_test_counts,
)


def folds(splitter, X, y=None):
    return [(tr.tolist(), te.tolist()) for tr, te in splitter.split(X, y)]


def random_labels(rng, n, n_classes):
    names = np.array(["d", "c", "b", "a", "e"])[:n_classes]
    return rng.choice(names, size=n, p=rng.dirichlet(np.ones(n_classes)))


def check_partition(splits, n):
    """Test sets disjoint and covering 0..n-1; train = the rest, sorted."""
    tests = [te for _, te in splits]
    assert sorted(np.concatenate(tests).tolist()) == list(range(n))
    for train, test in splits:
        assert np.array_equal(train, np.setdiff1d(np.arange(n), test))
        assert np.array_equal(test, np.sort(test))


# ---------------------------------------------------------------- KFold


def test_kfold_equals_sklearn_for_many_n_and_k(rng):
    for _ in range(300):
        n = int(rng.integers(2, 80))
        k = int(rng.integers(2, min(n, 12) + 1))
        X = np.zeros((n, 2))
        assert folds(KFold(k), X) == folds(sk.KFold(k), X), (n, k)


def test_kfold_when_n_is_not_divisible_by_k():
    X = np.zeros((11, 1))
    assert [len(te) for _, te in KFold(4).split(X)] == [3, 3, 3, 2]
    assert folds(KFold(4), X) == folds(sk.KFold(4), X)
    assert _fold_sizes(11, 4).tolist() == [3, 3, 3, 2]
    assert [t.tolist() for t in _kfold_tests(7, 3)] == [
        [0, 1, 2],
        [3, 4],
        [5, 6],
    ]


def test_kfold_with_n_splits_equal_to_n_is_leave_one_out():
    X = np.zeros((6, 1))
    assert folds(KFold(6), X) == folds(sk.LeaveOneOut(), X)


def test_kfold_shuffle_is_a_partition_of_the_same_sizes(rng):
    for seed in range(20):
        n = int(rng.integers(5, 60))
        splits = list(KFold(5, shuffle=True, rng=seed).split(np.zeros((n, 1))))
        check_partition(splits, n)
        assert [len(te) for _, te in splits] == _fold_sizes(n, 5).tolist()


def test_kfold_shuffle_is_reproducible_and_shuffles():
    X = np.zeros((30, 1))
    a = folds(KFold(3, shuffle=True, rng=7), X)
    assert a == folds(KFold(3, shuffle=True, rng=7), X)
    assert a == folds(
        KFold(3, shuffle=True, rng=7), X
    )  # same seed, same folds
    assert a != folds(KFold(3, shuffle=True, rng=8), X)
    assert a != folds(KFold(3), X)


def test_get_n_splits():
    assert KFold(7).get_n_splits() == 7 == sk.KFold(7).get_n_splits()
    assert StratifiedKFold().get_n_splits() == 5


# ------------------------------------------------------- StratifiedKFold


def test_stratified_kfold_equals_sklearn_for_many_n_k_and_y(rng):
    compared = 0
    for _ in range(400):
        n = int(rng.integers(2, 80))
        k = int(rng.integers(2, min(n, 8) + 1))
        y = random_labels(rng, n, int(rng.integers(1, 6)))
        if y.dtype.kind == "U" and rng.random() < 0.5:
            y = np.unique(y, return_inverse=True)[1] * 3 - 2  # numbers too
        X = np.zeros((n, 1))
        with warnings.catch_warnings(record=True) as theirs:
            warnings.simplefilter("always")
            try:
                expected = folds(sk.StratifiedKFold(k), X, y)
            except ValueError:
                with pytest.raises(ValueError, match="n_splits"):
                    folds(StratifiedKFold(k), X, y)
                continue
        with warnings.catch_warnings(record=True) as ours:
            warnings.simplefilter("always")
            assert folds(StratifiedKFold(k), X, y) == expected, (n, k, y)
        assert [str(w.message) for w in ours] == [
            str(w.message) for w in theirs
        ]
        compared += 1
    assert compared > 200


def test_a_class_smaller_than_k_warns_and_still_matches_sklearn():
    y = np.array([0] * 9 + [1] * 2)  # class 1 has 2 members < 3 folds
    X = np.zeros((11, 1))
    with pytest.warns(UserWarning, match="only 2 members.*n_splits=3"):
        ours = folds(StratifiedKFold(3), X, y)
    with pytest.warns(UserWarning):
        assert ours == folds(sk.StratifiedKFold(3), X, y)
    assert sum(1 in y[te] for _, te in ours) == 2  # one fold lacks class 1


def test_stratified_kfold_keeps_each_class_share_in_every_fold(rng):
    y = np.repeat(["a", "b", "c"], [50, 30, 20])
    rng.shuffle(y)
    for shuffle, seed in [(False, None), (True, 3)]:
        splits = list(
            StratifiedKFold(5, shuffle=shuffle, rng=seed).split(y[:, None], y)
        )
        check_partition(splits, 100)
        for _, test in splits:
            assert [np.sum(y[test] == c) for c in "abc"] == [10, 6, 4]


def test_stratified_kfold_shuffle_keeps_proportions_and_reproduces(rng):
    y = rng.choice(3, size=47, p=[0.6, 0.3, 0.1])
    X = np.zeros((47, 1))
    plain = [
        np.bincount(y[te], minlength=3)
        for _, te in StratifiedKFold(4).split(X, y)
    ]
    a = folds(StratifiedKFold(4, shuffle=True, rng=1), X, y)
    assert a == folds(StratifiedKFold(4, shuffle=True, rng=1), X, y)
    assert a != folds(StratifiedKFold(4), X, y)
    check_partition([(np.array(tr), np.array(te)) for tr, te in a], 47)
    shuffled = [np.bincount(y[te], minlength=3) for _, te in a]
    assert np.array_equal(shuffled, plain)  # per-fold class counts unchanged


def test_stratified_fold_of_follows_the_rule_by_hand():
    # classes by first appearance: "b" -> 0 (3 members), "a" -> 1 (2 members)
    y = np.array(["b", "a", "b", "a", "b"])
    # sorted codes [0 0 0 1 1] dealt to 2 folds: fold 0 gets [0, 0, 1],
    # fold 1 gets [0, 1]: so "b" fills folds 0, 0, 1 and "a" folds 0, 1
    assert _stratified_fold_of(y, 2).tolist() == [0, 0, 0, 1, 1]


# ---------------------------------------------------- train_test_split


def test_test_size_float_gives_ceil_and_int_gives_exactly(rng):
    for _ in range(100):
        n = int(rng.integers(2, 200))
        frac = float(rng.uniform(0.01, 0.99))
        if math.ceil(frac * n) >= n:
            continue
        X, y = rng.normal(size=(n, 2)), rng.normal(size=n)
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=frac, rng=0)
        assert len(X_te) == len(y_te) == math.ceil(frac * n)
        assert len(X_tr) == len(y_tr) == n - math.ceil(frac * n)
        assert len(sk.train_test_split(X, test_size=frac)[1]) == len(X_te)
        k = int(rng.integers(1, n))
        assert len(train_test_split(X, y, test_size=k)[1]) == k


def test_split_is_a_partition_with_rows_kept_together():
    n = 37
    X = np.column_stack([np.arange(n), -np.arange(n)])
    y = np.arange(n) * 10
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, rng=3)
    rows = np.concatenate([X_tr[:, 0], X_te[:, 0]]).astype(int)
    assert sorted(rows) == list(range(n))
    assert np.array_equal(y_tr, X_tr[:, 0] * 10)
    assert np.array_equal(y_te, X_te[:, 0] * 10)
    assert np.array_equal(X_te[:, 1], -X_te[:, 0])


def test_split_is_reproducible_and_random():
    X, y = np.arange(40.0).reshape(20, 2), np.arange(20)
    a = train_test_split(X, y, rng=5)
    b = train_test_split(X, y, rng=np.random.default_rng(5))
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    assert not np.array_equal(a[3], train_test_split(X, y, rng=6)[3])


def test_stratified_split_keeps_proportions_by_largest_remainder(rng):
    for _ in range(60):
        n = int(rng.integers(10, 150))
        y = random_labels(rng, n, int(rng.integers(2, 5)))
        classes, counts = np.unique(y, return_counts=True)
        if counts.min() < 2:
            continue
        frac = float(rng.uniform(0.1, 0.6))
        n_test = math.ceil(frac * n)
        if min(n_test, n - n_test) < classes.size:
            continue
        X = np.arange(n, dtype=float)[:, None]
        _, X_te, _, y_te = train_test_split(
            X, y, test_size=frac, stratify=y, rng=1
        )
        expected = _stratified_test_counts(y, n_test)
        got = {c: int(np.sum(y_te == c)) for c in classes.tolist()}
        assert got == expected
        assert np.array_equal(y[X_te[:, 0].astype(int)], y_te)
        share = counts * n_test / n
        assert np.all(np.abs(np.array(list(got.values())) - share) < 1)
        # scikit-learn rounds the same shares: its counts are at most 1 away
        theirs = sk.train_test_split(
            y, test_size=frac, stratify=y, random_state=0
        )[1]
        assert len(theirs) == n_test
        assert all(abs(np.sum(theirs == c) - got[c]) <= 1 for c in got)


def test_largest_remainder_by_hand():
    y = np.array(["a"] * 5 + ["b"] * 3 + ["c"] * 2)
    # shares of 3 test rows: 1.5, 0.9, 0.6 -> floors 1, 0, 0; the 2 left go to
    # the largest remainders 0.9 ("b") and 0.6 ("c")
    assert _stratified_test_counts(y, 3) == {"a": 1, "b": 1, "c": 1}
    # a tie of remainders (0.5, 0.5) goes to the first class in sorted order
    assert _stratified_test_counts(np.array([0, 0, 0, 1, 1, 1]), 3) == {
        0: 2,
        1: 1,
    }
    assert _stratified_test_counts(np.array([1, 1, 2, 2, 2, 2]), 3) == {
        1: 1,
        2: 2,
    }


def test_string_labels_and_missing_values_in_X_pass_through():
    X = np.array([[1.0, np.nan], [2.0, 3.0], [np.nan, 1.0], [4.0, 4.0]])
    y = np.array(["cat", "dog", "cat", "dog"])
    X_tr, X_te, _, y_te = train_test_split(X, y, test_size=2, stratify=y)
    assert sorted(y_te.tolist()) == ["cat", "dog"]
    assert np.isnan(np.concatenate([X_tr, X_te])).sum() == 2


# -------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"test_size": 0.0}, ValueError, "test_size must be > 0"),
        ({"test_size": 1.0}, ValueError, "test_size must be < 1"),
        ({"test_size": 0}, ValueError, "test_size must be >= 1"),
        ({"test_size": 10}, ValueError, r"test_size must be <= 9"),
        ({"test_size": 0.95}, ValueError, "test_size=0.95 leaves no training"),
        ({"test_size": "half"}, TypeError, "test_size must be a float"),
        ({"test_size": True}, TypeError, "test_size must be a float"),
        ({"test_size": np.nan}, ValueError, "test_size must be finite"),
        ({"rng": "seed"}, TypeError, "rng must be"),
        ({"stratify": [0] * 9 + [1]}, ValueError, "only 1 member"),
        ({"stratify": [0, 1] * 4}, ValueError, "stratify must have one label"),
        (
            {"stratify": [0] * 5 + [1] * 5, "test_size": 1},
            ValueError,
            "test set has 1 samples, fewer than the 2 classes",
        ),
        (
            {"stratify": [0.0] * 5 + [np.nan] * 5},
            ValueError,
            "stratify must not contain NaN",
        ),
    ],
)
def test_train_test_split_bad_arguments(kwargs, error, match):
    X, y = np.zeros((10, 2)), np.arange(10)
    with pytest.raises(error, match=match):
        train_test_split(X, y, **kwargs)


def test_train_test_split_bad_data():
    with pytest.raises(ValueError, match="X with 5 rows and y of length 4"):
        train_test_split(np.zeros((5, 2)), np.zeros(4))
    with pytest.raises(ValueError, match="X must be 2-D"):
        train_test_split(np.zeros(5), np.zeros(5))
    with pytest.raises(ValueError, match="X must not contain inf"):
        train_test_split([[1.0], [np.inf], [2.0]], [1, 2, 3])
    with pytest.raises(ValueError, match="y must not contain NaN"):
        train_test_split(np.zeros((3, 1)), [1.0, np.nan, 2.0])
    with pytest.raises(ValueError, match="at least 2 samples"):
        train_test_split(np.zeros((1, 1)), [1])
    with pytest.raises(TypeError, match="y must hold"):
        train_test_split(np.zeros((2, 1)), np.array([None, 1], dtype=object))


@pytest.mark.parametrize("cls", [KFold, StratifiedKFold])
def test_splitter_bad_arguments(cls):
    with pytest.raises(ValueError, match="n_splits must be >= 2; got 1"):
        cls(1)
    with pytest.raises(TypeError, match="n_splits must be an integer"):
        cls(2.5)
    with pytest.raises(TypeError, match="shuffle must be True or False"):
        cls(3, shuffle="yes")
    with pytest.raises(ValueError, match="rng has no effect"):
        cls(3, rng=0)
    with pytest.raises(TypeError, match="rng must be"):
        cls(3, shuffle=True, rng="seed")
    y = np.array([0, 1, 0, 1])
    with pytest.raises(ValueError, match=r"n_splits=5 greater than.*=4"):
        list(cls(5).split(np.zeros((4, 1)), y))
    with pytest.raises(TypeError, match="X must be an array"):
        list(cls(2).split(None, y))


def test_stratified_kfold_bad_labels():
    X = np.zeros((6, 1))
    with pytest.raises(ValueError, match="cannot be greater than the number"):
        list(StratifiedKFold(4).split(X, [0, 0, 0, 1, 1, 1]))
    with pytest.raises(TypeError, match="y must be given"):
        StratifiedKFold(2).split(X)
    with pytest.raises(ValueError, match="y of length 5"):
        list(StratifiedKFold(2).split(X, [0, 1, 0, 1, 0]))
    with pytest.raises(ValueError, match="y must not contain NaN"):
        list(StratifiedKFold(2).split(X, [0.0, 1, 0, 1, 0, np.nan]))


def test_repr():
    assert repr(KFold(3)) == "KFold(n_splits=3, shuffle=False, rng=None)"
    assert "rng=4" in repr(StratifiedKFold(shuffle=True, rng=4))
