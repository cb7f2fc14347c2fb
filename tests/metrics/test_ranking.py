"""roc_curve, roc_auc_score and precision_recall_curve against scikit-learn, the
trapezoid rule and the pair-counting definition of the AUC."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.stats import rankdata
from sklearn import metrics as sk

from mathforml.metrics import (
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from mathforml.metrics._ranking import (
    _auc_by_ranks,
    _average_ranks,
    _pr_points,
    _roc_points,
)

#: Sums of n ratios computed in another order (ranks vs trapezoids).
AREA = dict(rtol=1e-12, atol=1e-14)
# np.trapz was renamed np.trapezoid in NumPy 2.0 (and later removed)
if np.lib.NumpyVersion(np.__version__) >= "2.0.0":
    trapezoid = np.trapezoid
else:  # the floor, NumPy 1.26
    trapezoid = np.trapz  # noqa: NPY201


def scored(rng, n, *, ties=False, signal=1.0):
    """Labels in {0, 1} with both classes, and scores that favor the positives;
    with ``ties`` the scores take only a few values."""
    y = rng.integers(2, size=n)
    y[:2] = [0, 1]
    rng.shuffle(y)
    s = signal * y + rng.normal(size=n)
    if ties:
        s = np.round(s)  # a handful of distinct values, each many times
    return y, s


def auc_by_pairs(y, s):
    """The definition, O(n^2): P(positive outscores negative), ties half."""
    pos, neg = s[y == 1], s[y == 0]
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


CASES = [
    (seed, n, ties)
    for seed in (0, 1, 2, 3)
    for n in (2, 5, 30, 300)
    for ties in (False, True)
]


@pytest.mark.parametrize(("seed", "n", "ties"), CASES)
def test_roc_curve_equals_sklearn(seed, n, ties):
    y, s = scored(np.random.default_rng(seed), n, ties=ties)
    fpr, tpr, thr = roc_curve(y, s)
    sk_fpr, sk_tpr, sk_thr = sk.roc_curve(y, s, drop_intermediate=False)
    # the same arithmetic (counts divided by the class sizes): bit for bit
    assert_array_equal(fpr, sk_fpr)
    assert_array_equal(tpr, sk_tpr)
    assert_array_equal(thr, sk_thr)  # inf first since scikit-learn 1.3
    assert thr[0] == np.inf
    assert_array_equal(thr[1:], np.unique(s)[::-1])  # every distinct score


@pytest.mark.parametrize(("seed", "n", "ties"), CASES)
def test_roc_curve_invariants(seed, n, ties):
    y, s = scored(np.random.default_rng(seed), n, ties=ties)
    fpr, tpr, thr = roc_curve(y, s)
    assert (fpr[0], tpr[0]) == (0.0, 0.0)
    assert (fpr[-1], tpr[-1]) == (1.0, 1.0)
    for rate in (fpr, tpr):
        assert np.all(np.diff(rate) >= 0)
        assert np.all((rate >= 0) & (rate <= 1))
    assert np.all(np.diff(thr) < 0)
    # each point is the rule "positive when score >= threshold"
    for f, t, h in zip(fpr, tpr, thr):
        predicted = s >= h
        assert t == np.sum(predicted & (y == 1)) / np.sum(y == 1)
        assert f == np.sum(predicted & (y == 0)) / np.sum(y == 0)


@pytest.mark.parametrize(("seed", "n", "ties"), CASES)
def test_auc_equals_sklearn_the_trapezoid_area_and_the_pair_count(
    seed, n, ties
):
    y, s = scored(np.random.default_rng(seed), n, ties=ties)
    auc = roc_auc_score(y, s)
    assert isinstance(auc, float)
    fpr, tpr, _ = roc_curve(y, s)
    assert_allclose(auc, trapezoid(tpr, fpr), **AREA)
    assert_allclose(auc, sk.roc_auc_score(y, s), **AREA)
    if n <= 30:
        assert_allclose(auc, auc_by_pairs(y, s), **AREA)


def test_auc_equals_the_pair_count_with_many_ties():
    rng = np.random.default_rng(5)
    for _ in range(20):
        y, _ = scored(rng, 150)
        s = rng.integers(3, size=150).astype(float)  # three values only
        assert_allclose(roc_auc_score(y, s), auc_by_pairs(y, s), **AREA)
        assert_allclose(roc_auc_score(y, s), sk.roc_auc_score(y, s), **AREA)


def test_average_ranks_equal_scipy_rankdata():
    rng = np.random.default_rng(0)
    for n in (1, 2, 10, 200):
        for x in (rng.normal(size=n), rng.integers(4, size=n).astype(float)):
            assert_array_equal(_average_ranks(x), rankdata(x))
    assert_array_equal(
        _average_ranks(np.array([3.0, 1.0, 3.0])), [2.5, 1, 2.5]
    )


def test_perfect_reversed_and_constant_scores():
    y = np.array([0, 0, 1, 0, 1, 1])
    assert roc_auc_score(y, y + 0.5) == 1.0
    assert roc_auc_score(y, -y) == 0.0
    assert roc_auc_score(y, np.zeros(6)) == 0.5
    fpr, tpr, thr = roc_curve(y, 2.0 * y)
    assert_array_equal(fpr, [0, 0, 1])
    assert_array_equal(tpr, [0, 1, 1])
    assert_array_equal(thr, [np.inf, 2, 0])
    fpr, tpr, _ = roc_curve(y, np.ones(6))  # one threshold: the diagonal
    assert_array_equal(fpr, [0, 1])
    assert_array_equal(tpr, [0, 1])


def test_auc_of_scores_is_unchanged_by_a_monotone_transform():
    y, s = scored(np.random.default_rng(7), 100)
    auc = roc_auc_score(y, s)
    assert roc_auc_score(y, np.exp(s)) == pytest.approx(auc, rel=1e-12)
    assert roc_auc_score(y, -s) == pytest.approx(1 - auc, rel=1e-12)


def test_private_functions_on_a_small_example():
    y, s = np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])
    fpr, tpr, thr = _roc_points(y, s)
    assert_array_equal(fpr, [0, 0, 0.5, 0.5, 1])
    assert_array_equal(tpr, [0, 0.5, 0.5, 1, 1])
    assert_array_equal(thr, [np.inf, 0.8, 0.4, 0.35, 0.1])
    assert _auc_by_ranks(y, s) == 0.75  # 3 of the 4 (positive, negative) pairs
    p, r, t = _pr_points(y, s)
    assert_allclose(p, [2 / 4, 2 / 3, 1 / 2, 1, 1], rtol=1e-15, atol=0)
    assert_array_equal(r, [1, 1, 0.5, 0.5, 0])
    assert_array_equal(t, [0.1, 0.35, 0.4, 0.8])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_labels_other_than_zero_one(seed):
    y, s = scored(np.random.default_rng(seed), 50, ties=True)
    sk_auc = sk.roc_auc_score(y, s)
    pm = 2 * y - 1  # {-1, 1}: 1 is positive by default
    for ours, theirs in zip(
        roc_curve(pm, s), sk.roc_curve(pm, s, drop_intermediate=False)
    ):
        assert_array_equal(ours, theirs)
    assert_allclose(roc_auc_score(pm, s), sk_auc, **AREA)
    # strings: roc_curve needs pos_label; roc_auc_score takes the last label
    pets = np.array(["cat", "dog"])[y]
    for ours, theirs in zip(
        roc_curve(pets, s, pos_label="dog"),
        sk.roc_curve(pets, s, pos_label="dog", drop_intermediate=False),
    ):
        assert_array_equal(ours, theirs)
    assert_allclose(roc_auc_score(pets, s), sk.roc_auc_score(pets, s), **AREA)
    assert_allclose(roc_auc_score(pets, s), sk_auc, **AREA)
    # class 0 ranked by -s is the same ranking problem: the same area
    fpr, tpr, _ = roc_curve(y, -s, pos_label=0)
    assert_allclose(trapezoid(tpr, fpr), sk_auc, **AREA)


@pytest.mark.parametrize(("seed", "n", "ties"), CASES)
def test_precision_recall_curve_equals_sklearn(seed, n, ties):
    # Checked: scikit-learn 1.5.2 and 1.9.1 return the same arrays here (the
    # truncation after full recall of old versions is gone in both).
    y, s = scored(np.random.default_rng(seed), n, ties=ties)
    ours = precision_recall_curve(y, s)
    theirs = sk.precision_recall_curve(y, s, drop_intermediate=False)
    for a, b in zip(ours, theirs):
        assert_array_equal(a, b)
    p, r, t = ours
    assert p.size == r.size == t.size + 1
    assert (p[-1], r[-1]) == (1.0, 0.0)
    assert r[0] == 1.0 and np.all(np.diff(r) <= 0)
    assert np.all(np.diff(t) > 0)
    assert np.all((p >= 0) & (p <= 1))
    for prec, rec, h in zip(p, r, t):  # the rule "positive when score >= t"
        predicted = s >= h
        tp = np.sum(predicted & (y == 1))
        assert prec == pytest.approx(tp / predicted.sum(), rel=1e-15)
        assert rec == pytest.approx(tp / y.sum(), rel=1e-15)


def test_precision_recall_curve_with_only_positives_and_with_strings():
    s = np.array([0.3, 0.1, 0.3, 0.9])
    p, r, t = precision_recall_curve([1, 1, 1, 1], s)
    assert_array_equal(p, [1, 1, 1, 1])
    assert_array_equal(r, [1, 0.75, 0.25, 0])
    assert_array_equal(t, [0.1, 0.3, 0.9])
    pets = np.array(["cat", "dog", "dog", "cat"])
    for ours, theirs in zip(
        precision_recall_curve(pets, s, pos_label="cat"),
        sk.precision_recall_curve(
            pets, s, pos_label="cat", drop_intermediate=False
        ),
    ):
        assert_array_equal(ours, theirs)


# ---------------------------------------------------------------- bad input
CURVES = [roc_curve, precision_recall_curve, roc_auc_score]


@pytest.mark.parametrize("f", CURVES)
def test_mismatched_lengths_name_both_arguments_and_lengths(f):
    with pytest.raises(
        ValueError, match=r"y_true .*length 3.* y_score .*length 2"
    ):
        f([0, 1, 1], [0.2, 0.4])


@pytest.mark.parametrize("f", CURVES)
def test_nan_is_refused(f):
    with pytest.raises(ValueError, match="y_true must not contain NaN"):
        f([0.0, np.nan, 1.0], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="y_score must contain only finite"):
        f([0, 1, 1], [0.1, np.nan, 0.3])
    with pytest.raises(ValueError, match="y_score must contain only finite"):
        f([0, 1, 1], [0.1, np.inf, 0.3])


@pytest.mark.parametrize("f", CURVES)
def test_two_dimensional_input_is_refused(f):
    with pytest.raises(ValueError, match=r"y_true must be 1-D; got shape"):
        f([[0, 1], [1, 0]], [0.1, 0.2])
    with pytest.raises(ValueError, match="y_score must be a 1-D vector"):
        f([0, 1], [[0.1, 0.9], [0.8, 0.2]])
    with pytest.raises(TypeError, match="y_score must be an array of numbers"):
        f([0, 1], ["a", "b"])


@pytest.mark.parametrize("f", [roc_curve, roc_auc_score])
@pytest.mark.parametrize("y", [[1, 1, 1], [0, 0, 0], ["dog", "dog", "dog"]])
def test_one_class_has_no_roc_auc(f, y):
    kwargs = {"pos_label": "dog"} if f is roc_curve and y[0] == "dog" else {}
    with pytest.raises(ValueError, match=r"both classes.*undefined"):
        f(y, [0.1, 0.5, 0.9], **kwargs)


def test_precision_recall_curve_needs_a_positive():
    with pytest.raises(ValueError, match=r"positive class 1.*undefined"):
        precision_recall_curve([0, 0, 0], [0.1, 0.5, 0.9])


@pytest.mark.parametrize("f", CURVES)
def test_more_than_two_classes_is_refused(f):
    with pytest.raises(ValueError, match=r"two classes; y_true has 3"):
        f([0, 1, 2], [0.1, 0.5, 0.9])


@pytest.mark.parametrize("f", [roc_curve, precision_recall_curve])
def test_pos_label_is_needed_for_other_labels(f):
    with pytest.raises(ValueError, match=r"\['cat', 'dog'\]; pass pos_label"):
        f(["cat", "dog"], [0.1, 0.5])
    with pytest.raises(ValueError, match=r"\[0, 2\]; pass pos_label"):
        f([0, 2], [0.1, 0.5])
    with pytest.raises(ValueError, match="'emu'"):
        f(["cat", "dog"], [0.1, 0.5], pos_label="emu")
