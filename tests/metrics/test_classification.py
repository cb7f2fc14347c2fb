"""confusion_matrix, accuracy_score and precision_recall_f1 against scikit-learn."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from sklearn import metrics as sk

from mathforml.metrics import (
    accuracy_score,
    confusion_matrix,
    precision_recall_f1,
)
from mathforml.metrics._classification import (
    _confusion,
    _precision_recall_f1_from_counts,
)

#: Ratios of small counts: the same formula in a different order.
RATIO = dict(rel=1e-12, abs=1e-15)
ANIMALS = np.array(["cat", "dog", "emu", "fox"])
SEEDS = [0, 1, 2]
SIZES = [1, 7, 60, 500]
# scikit-learn's note on a one-class confusion matrix (n = 1 draws one label)
pytestmark = pytest.mark.filterwarnings(
    "ignore:A single label was found:UserWarning"
)


def labeled(rng, n, n_classes, kind, *, accuracy=0.6, pred_classes=None):
    """True labels and predictions that are right about ``accuracy`` of the time;
    predictions draw from ``pred_classes`` of the classes (all by default)."""
    k_pred = n_classes if pred_classes is None else pred_classes
    t = rng.integers(n_classes, size=n)
    p = np.where(rng.random(n) < accuracy, t, rng.integers(k_pred, size=n))
    p = np.minimum(p, k_pred - 1)
    if kind == "str":
        return ANIMALS[t], ANIMALS[p]
    if kind == "neg":
        return 2 * t - 1, 2 * p - 1  # {-1, 1} for two classes
    return t, p


def sk_prf(y_true, y_pred, *, average="binary", **kwargs):
    p, r, f, _ = sk.precision_recall_fscore_support(
        y_true, y_pred, average=average, zero_division=0, **kwargs
    )
    return p, r, f


CASES = [
    (seed, n, k, kind)
    for seed in SEEDS
    for n in SIZES
    for k in (2, 4)
    for kind in ("int", "str", "neg")
    if not (kind == "neg" and k == 4)
]


@pytest.mark.parametrize(("seed", "n", "k", "kind"), CASES)
def test_confusion_matrix_and_accuracy_equal_sklearn(seed, n, k, kind):
    rng = np.random.default_rng(seed)
    y_true, y_pred = labeled(rng, n, k, kind)
    C = confusion_matrix(y_true, y_pred)
    assert C.dtype.kind == "i"
    assert_array_equal(C, sk.confusion_matrix(y_true, y_pred))
    acc = accuracy_score(y_true, y_pred)
    assert isinstance(acc, float)
    assert acc == pytest.approx(sk.accuracy_score(y_true, y_pred), **RATIO)
    # invariants: every sample counted once; the diagonal is the correct ones
    assert C.sum() == n
    assert np.trace(C) / n == pytest.approx(acc, **RATIO)
    assert_array_equal(
        C.sum(axis=1),
        [np.sum(y_true == c) for c in np.union1d(y_true, y_pred)],
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_confusion_matrix_with_labels_in_a_given_order_equals_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true, y_pred = labeled(rng, 80, 4, "str")
    for labels in (
        ["fox", "cat", "emu", "dog"],  # a new order
        ["dog", "cat"],  # a subset: the other samples are left out
        [
            "emu",
            "gnu",
            "cat",
        ],  # a class that never occurs: a zero row and column
    ):
        C = confusion_matrix(y_true, y_pred, labels=labels)
        assert_array_equal(
            C, sk.confusion_matrix(y_true, y_pred, labels=labels)
        )
        assert C.shape == (len(labels), len(labels))
    C = confusion_matrix(y_true, y_pred, labels=["emu", "gnu", "cat"])
    assert C[1].sum() == C[:, 1].sum() == 0


def test_confusion_matrix_by_hand():
    C = confusion_matrix(
        ["cat", "dog", "dog", "cat", "emu"],
        ["cat", "dog", "cat", "cat", "dog"],
    )
    assert_array_equal(C, [[2, 0, 0], [1, 1, 0], [0, 1, 0]])
    assert_array_equal(
        _confusion([0, 1, 1, 0], [0, 1, 0, 1], [1, 0]), [[1, 1], [1, 1]]
    )
    assert_array_equal(_confusion([2, 2], [2, 2], [2, 5]), [[2, 0], [0, 0]])


def test_mixed_numeric_label_types_are_one_label():
    # 1 and 1.0 (and True) are the same label, as in NumPy and scikit-learn
    y_true, y_pred = [0, 1, 1, 0], [0.0, 1.0, 0.0, 0.0]
    assert_array_equal(
        confusion_matrix(y_true, y_pred),
        sk.confusion_matrix(y_true, y_pred),
    )
    assert accuracy_score([True, False], [1, 1]) == 0.5


@pytest.mark.parametrize(("seed", "n", "k", "kind"), CASES)
@pytest.mark.parametrize("average", ["macro", "micro"])
def test_macro_and_micro_averages_equal_sklearn(seed, n, k, kind, average):
    rng = np.random.default_rng(seed)
    y_true, y_pred = labeled(rng, n, k, kind)
    ours = precision_recall_f1(y_true, y_pred, average=average)
    assert all(isinstance(s, float) for s in ours)
    theirs = sk_prf(y_true, y_pred, average=average)
    assert ours == pytest.approx(theirs, **RATIO)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", [1, 7, 60, 500])
def test_binary_scores_equal_sklearn(seed, n):
    rng = np.random.default_rng(seed)
    y_true, y_pred = labeled(rng, n, 2, "int")
    for pos_label in np.union1d(y_true, y_pred).tolist():
        ours = precision_recall_f1(y_true, y_pred, pos_label=pos_label)
        theirs = sk_prf(y_true, y_pred, pos_label=pos_label)
        assert ours == pytest.approx(theirs, **RATIO)
    s_true, s_pred = labeled(rng, n, 2, "str")
    for pos_label in np.union1d(s_true, s_pred).tolist():
        ours = precision_recall_f1(s_true, s_pred, pos_label=pos_label)
        theirs = sk_prf(s_true, s_pred, pos_label=pos_label)
        assert ours == pytest.approx(theirs, **RATIO)
    if np.any(y_true == 1) or np.any(y_pred == 1):
        neg_true, neg_pred = 2 * y_true - 1, 2 * y_pred - 1  # {-1, 1}
        assert precision_recall_f1(neg_true, neg_pred) == pytest.approx(
            sk_prf(neg_true, neg_pred), **RATIO
        )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("average", ["binary", "macro", "micro"])
def test_classes_never_predicted_score_zero_without_a_warning(seed, average):
    rng = np.random.default_rng(seed)
    k = 2 if average == "binary" else 4
    for pred_classes in (1, 2):  # one class predicted for all, or two
        y_true, y_pred = labeled(rng, 40, k, "str", pred_classes=pred_classes)
        kwargs = {"pos_label": "dog"} if average == "binary" else {}
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ours = precision_recall_f1(
                y_true, y_pred, average=average, **kwargs
            )
            C = confusion_matrix(y_true, y_pred)
        assert ours == pytest.approx(
            sk_prf(y_true, y_pred, average=average, **kwargs), **RATIO
        )
        assert_array_equal(C, sk.confusion_matrix(y_true, y_pred))
    # "dog" never predicted: no predicted positives, precision 0/0 = 0
    assert precision_recall_f1(
        ["cat", "dog", "dog"], ["cat", "cat", "cat"], pos_label="dog"
    ) == (0.0, 0.0, 0.0)


def test_micro_f1_equals_accuracy_for_single_label_data():
    for seed in range(10):
        rng = np.random.default_rng(seed)
        y_true, y_pred = labeled(rng, 100, 4, "str", accuracy=seed / 10)
        p, r, f1 = precision_recall_f1(y_true, y_pred, average="micro")
        acc = accuracy_score(y_true, y_pred)
        assert p == pytest.approx(acc, **RATIO)
        assert r == pytest.approx(acc, **RATIO)
        assert f1 == pytest.approx(acc, **RATIO)


def test_scores_by_hand():
    # 2 TP, 1 FP, 1 FN, 1 TN
    p, r, f1 = precision_recall_f1([1, 1, 1, 0, 0], [1, 1, 0, 1, 0])
    assert (p, r, f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3), **RATIO)
    p, r, f1 = precision_recall_f1([1, 1, 1, 1, 0], [1, 0, 0, 0, 0])
    assert (p, r, f1) == pytest.approx((1.0, 0.25, 0.4), **RATIO)
    perfect = precision_recall_f1(
        ["a", "b", "c"], ["a", "b", "c"], average="macro"
    )
    assert perfect == (1.0, 1.0, 1.0)


def test_scores_from_counts_with_zero_denominators_are_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division-by-zero warning
        p, r, f1 = _precision_recall_f1_from_counts(
            np.array([3, 0, 0, 0]),
            np.array([1, 0, 2, 0]),
            np.array([2, 4, 0, 0]),
        )
    assert_array_equal(p, [0.75, 0.0, 0.0, 0.0])
    assert_array_equal(r, [0.6, 0.0, 0.0, 0.0])
    assert f1 == pytest.approx([2 * 0.75 * 0.6 / 1.35, 0, 0, 0], **RATIO)
    # F1 is the harmonic mean of precision and recall = 2 TP / (2 TP + FP + FN)
    assert f1[0] == pytest.approx(2 * 3 / (2 * 3 + 1 + 2), **RATIO)


def test_one_class_everywhere_is_perfect():
    assert precision_recall_f1([1, 1], [1, 1]) == (1.0, 1.0, 1.0)
    assert_array_equal(confusion_matrix(["a", "a"], ["a", "a"]), [[2]])
    assert accuracy_score(["a", "a"], ["a", "a"]) == 1.0


def test_a_pos_label_absent_from_both_is_an_error_not_a_zero():
    # scikit-learn returns (0, 0, 0) here; a misspelt pos_label should not
    with pytest.raises(ValueError, match=r"pos_label=1 .*\['cat', 'dog'\]"):
        precision_recall_f1(["cat", "dog"], ["cat", "cat"])
    with pytest.raises(ValueError, match="pos_label='Dog'"):
        precision_recall_f1(["cat", "dog"], ["cat", "dog"], pos_label="Dog")
    with pytest.raises(ValueError, match="pos_label=1"):
        precision_recall_f1([0, 0], [0, 0])


# ---------------------------------------------------------------- bad input
GOOD = (["cat", "dog", "dog"], ["cat", "dog", "cat"])
FUNCTIONS = [confusion_matrix, accuracy_score, precision_recall_f1]


@pytest.mark.parametrize("f", FUNCTIONS)
def test_mismatched_lengths_name_both_arguments_and_lengths(f):
    with pytest.raises(
        ValueError, match=r"y_true .*length 3.* y_pred .*length 2"
    ):
        f([0, 1, 1], [0, 1])


@pytest.mark.parametrize("f", FUNCTIONS)
@pytest.mark.parametrize("which", ["y_true", "y_pred"])
def test_nan_labels_are_refused(f, which):
    good, bad = [0.0, 1.0, 1.0], [0.0, np.nan, 1.0]
    args = (bad, good) if which == "y_true" else (good, bad)
    with pytest.raises(ValueError, match=f"{which} must not contain NaN"):
        f(*args)


@pytest.mark.parametrize("f", FUNCTIONS)
@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [
        ([[0, 1], [1, 0]], ValueError, r"must be 1-D; got shape \(2, 2\)"),
        ([], ValueError, "must not be empty"),
        ("cat", TypeError, "must be a 1-D array"),
        (None, TypeError, "must be a 1-D array"),
    ],
)
def test_bad_shapes_and_types(f, bad, error, match):
    with pytest.raises(error, match=f"y_true {match}"):
        f(bad, [0, 1])
    with pytest.raises(error, match=f"y_pred {match}"):
        f([0, 1], bad)


@pytest.mark.parametrize("f", FUNCTIONS)
def test_strings_and_numbers_do_not_mix(f):
    with pytest.raises(
        TypeError, match="y_true holds numbers and y_pred holds strings"
    ):
        f([0, 1], ["0", "1"])


@pytest.mark.parametrize("average", ["weighted", "samples", None, "Macro"])
def test_unsupported_average_lists_the_options(average):
    with pytest.raises(
        ValueError, match=r"average must be one of 'binary', 'macro', 'micro'"
    ):
        precision_recall_f1(*GOOD, average=average)


def test_binary_average_with_more_classes_suggests_macro():
    with pytest.raises(ValueError, match=r"3 classes.*average='macro'"):
        precision_recall_f1(["a", "b", "c"], ["a", "b", "b"], pos_label="a")


def test_bad_labels_argument():
    with pytest.raises(ValueError, match="labels must not repeat"):
        confusion_matrix(*GOOD, labels=["cat", "cat"])
    with pytest.raises(ValueError, match="labels must include at least one"):
        confusion_matrix(*GOOD, labels=["emu"])
    with pytest.raises(TypeError, match="labels holds numbers"):
        confusion_matrix(*GOOD, labels=[0, 1])
    with pytest.raises(ValueError, match="labels must be 1-D"):
        confusion_matrix(*GOOD, labels=[["cat", "dog"]])
