"""The self-checking exercises of Chapter 8 (the ML workflow), with their usual mistakes.

The expected answers are computed here with plain NumPy, independently of
``mathforml.metrics`` and ``mathforml.model_selection``, so that a bug there cannot
make a wrong answer pass.
"""

from __future__ import annotations

import numpy as np

from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import shaped as _array


def _parts(got, shapes) -> tuple[np.ndarray, ...]:
    """The reader's tuple as float arrays of ``shapes``, NaNs for what does not fit."""
    if not isinstance(got, (tuple, list)) or len(got) != len(shapes):
        return tuple(np.full(shape, np.nan) for shape in shapes)
    return tuple(_array(part, shape) for part, shape in zip(got, shapes))


def _fmt(values) -> str:
    return "(" + ", ".join(f"{float(v):.4g}" for v in values) + ")"


# --- 8.3 standardizing with the training statistics ------------------------------


def _standardize(X_train, X_test, *, ddof=0, power=1.0, own=False, axis=0):
    """Standardize both arrays; the keywords plant the usual mistakes."""

    def stats(X):
        mu = X.mean(axis=axis, keepdims=True)
        sd = X.std(axis=axis, ddof=ddof, keepdims=True) ** power
        # a constant column's std can be rounding error (~1e-17), not 0
        varies = np.ptp(X, axis=axis, keepdims=True) > 0
        return mu, np.where(varies, sd, 1.0)

    mu, sd = stats(X_train)
    if axis == 1 or own:  # the test set's own statistics
        mu_test, sd_test = stats(X_test)
    else:
        mu_test, sd_test = mu, sd
    return (X_train - mu) / sd, (X_test - mu_test) / sd_test


def _standardize_cases(rng):
    out = []
    for description, n_train, n_test, d in [
        ("random 20 × 3 training and 8 × 3 test arrays", 20, 8, 3),
        ("random 50 × 5 training and 10 × 5 test arrays", 50, 10, 5),
        ("a random 6 × 2 training array and a single test row", 6, 1, 2),
    ]:
        loc = rng.normal(0, 5, d)
        scale = rng.uniform(0.5, 4, d)
        X_train = loc + scale * rng.standard_normal((n_train, d))
        X_test = loc + scale * rng.standard_normal((n_test, d))
        out.append(Case(description, (X_train, X_test), None))
    X_train = rng.standard_normal((12, 3))
    X_test = rng.standard_normal((4, 3))
    X_train[:, 1] = X_test[:, 1] = 5.0
    out.append(
        Case(
            "12 × 3 training data whose middle column is constant (5.0 in every "
            "row, in the test data too)",
            (X_train, X_test),
            None,
        )
    )
    X_train = rng.standard_normal((10, 3))
    X_test = rng.standard_normal((4, 3))
    X_train[:, 1] = X_test[:, 1] = 0.1
    out.append(
        Case(
            "10 × 3 training data whose middle column is constant (0.1 in every "
            "row, in the test data too; np.std gives about 1e-17 for it, not 0)",
            (X_train, X_test),
            None,
        )
    )
    X_train = rng.normal([0.0, 100.0], [1.0, 10.0], (30, 2))
    X_test = rng.normal([10.0, 50.0], [3.0, 1.0], (6, 2))
    out.append(
        Case(
            "training columns with means ≈ (0, 100) and a test set far from them, "
            "means ≈ (10, 50)",
            (X_train, X_test),
            None,
        )
    )
    return [Case(c.description, c.args, _standardize(*c.args)) for c in out]


def _standardize_parts(got, c):
    return _parts(got, [X.shape for X in c.args])


def _standardize_agrees(got, c) -> bool:
    return all(
        _close(a, b, rtol=1e-8, atol=1e-10)
        for a, b in zip(_standardize_parts(got, c), c.expected)
    )


def _standardize_explain(got, c) -> str:
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return (
            "expected the pair (Z_train, Z_test), got "
            f"{type(got).__name__} {np.shape(got)}."
        )
    shapes = [X.shape for X in c.args]
    got_shapes = [np.shape(part) for part in got]
    if got_shapes != shapes:
        return (
            f"expected arrays of shapes {shapes[0]} and {shapes[1]}, the shapes "
            f"of X_train and X_test; got {got_shapes[0]} and {got_shapes[1]}."
        )
    with np.printoptions(precision=4, suppress=True, threshold=30):
        for name, part, expected in zip(
            ("Z_train", "Z_test"), _standardize_parts(got, c), c.expected
        ):
            if not _close(part, expected, rtol=1e-8, atol=1e-10):
                row = int(
                    np.argmax(
                        ~np.isclose(part, expected, rtol=1e-8, atol=1e-10).all(
                            axis=1
                        )
                    )
                )
                return (
                    f"{name} is wrong: expected its row {row} to be "
                    f"{expected[row]}, got {part[row]}."
                )
    return f"expected {c.expected}, got {got}."


def _standardize_is(got, c, **variant) -> bool:
    """The reader's pair is the variant's, and the variant differs here."""
    wrong = _standardize(*c.args, **variant)
    parts = _standardize_parts(got, c)
    return all(
        _close(a, b, rtol=1e-8) for a, b in zip(parts, wrong)
    ) and not all(_close(a, b, rtol=1e-8) for a, b in zip(wrong, c.expected))


def _standardize_nan(got, c) -> bool:
    """A training-constant column came back NaN/inf, or not 0 (divided by ~1e-17)."""
    X_train = c.args[0]
    constant = np.ptp(X_train, axis=0) == 0
    shapes = [X.shape for X in c.args]
    return (
        bool(constant.any())
        and [np.shape(part) for part in got] == shapes
        and any(
            not np.allclose(part[:, constant], 0, rtol=0, atol=1e-10)
            for part in _standardize_parts(got, c)
        )
    )


register(
    Exercise(
        name="standardize-with-train",
        section="sec-scaling",
        wants="function",
        signature=(
            "standardize(X_train, X_test) -> (Z_train, Z_test), both with the "
            "training columns' mean and std (ddof=0); a constant column maps to 0"
        ),
        cases=_standardize_cases,
        agrees=_standardize_agrees,
        explain=_standardize_explain,
        mistakes=(
            Mistake(
                "a column that is constant in the training data has standard "
                "deviation 0 (and 0/0 is NaN) or, after rounding, about 1e-17 "
                "(and rounding error divided by it is ±1): test for a constant "
                "column with np.ptp(X_train, axis=0) > 0 and divide by 1 there "
                "instead, so the column becomes 0.",
                _standardize_nan,
            ),
            Mistake(
                "the test set is standardized with its own mean and std: use the "
                "training statistics for both arrays. Statistics of the test set "
                "leak it into the model, and a single new example has no std of "
                "its own.",
                lambda got, c: _standardize_is(got, c, own=True),
            ),
            Mistake(
                "use the population standard deviation, ddof=0 (np.std's "
                "default): with ddof=1 every value is √((n − 1)/n) times too "
                "small.",
                lambda got, c: (
                    _standardize_is(got, c, ddof=1)
                    or _standardize_is(got, c, ddof=1, own=True)
                ),
            ),
            Mistake(
                "divide by the standard deviation, not the variance: "
                "(x − mean)/std has no units and std 1, (x − mean)/variance "
                "has neither.",
                lambda got, c: (
                    _standardize_is(got, c, power=2.0)
                    or _standardize_is(got, c, power=2.0, ddof=1)
                ),
            ),
            Mistake(
                "each row was standardized across its features (axis=1): "
                "standardize each column, one feature over all the examples, "
                "with mean(axis=0) and std(axis=0).",
                lambda got, c: (
                    _close(
                        _standardize_parts(got, c)[0],
                        _standardize(*c.args, axis=1)[0],
                        rtol=1e-8,
                    )
                    or _close(
                        _standardize_parts(got, c)[0],
                        _standardize(*c.args, axis=1, ddof=1)[0],
                        rtol=1e-8,
                    )
                ),
            ),
        ),
    )
)


# --- 8.4 the test folds of k-fold cross-validation --------------------------------


def _folds(n, sizes) -> list[np.ndarray]:
    stops = np.cumsum(sizes)
    return [np.arange(stop - size, stop) for stop, size in zip(stops, sizes)]


def _kfold_sizes(n, k) -> list[int]:
    return [n // k + 1] * (n % k) + [n // k] * (k - n % k)


def _kfold_cases(rng):
    out = []
    for n, k, note in [
        (10, 5, "folds of 2"),
        (11, 3, "11 = 3·3 + 2, so the first two folds get 4"),
        (7, 7, "leave-one-out"),
        (100, 6, "100 = 6·16 + 4, so the first four folds get 17"),
        (5, 2, "a fold of 3, then a fold of 2"),
    ]:
        out.append(
            Case(
                f"n = {n}, k = {k} ({note})",
                (n, k),
                _folds(n, _kfold_sizes(n, k)),
            )
        )
    return out


def _as_folds(got) -> list[np.ndarray] | None:
    """The reader's folds as a list of 1-D arrays, or None when they are not."""
    if isinstance(got, np.ndarray) and got.ndim == 1 and got.dtype != object:
        return None  # one flat array, not a list of folds
    try:
        folds = [np.asarray(fold) for fold in got]
    except TypeError:
        return None
    if any(fold.ndim != 1 for fold in folds):
        return None
    return folds


def _kfold_agrees(got, c) -> bool:
    folds = _as_folds(got)
    return (
        folds is not None
        and len(folds) == len(c.expected)
        and all(
            (fold.dtype.kind in "iu" or fold.size == 0)
            and np.array_equal(fold, expected)
            for fold, expected in zip(folds, c.expected)
        )
    )


def _kfold_explain(got, c) -> str:
    n, k = c.args
    folds = _as_folds(got)
    if folds is None:
        return (
            f"expected a list of k = {k} index arrays, one test fold each; got "
            f"{type(got).__name__} {np.shape(got)}."
        )
    if len(folds) != k:
        return f"expected k = {k} folds, got {len(folds)}."
    sizes = [int(fold.size) for fold in folds]
    expected_sizes = _kfold_sizes(n, k)
    i = next(
        i
        for i, (fold, expected) in enumerate(zip(folds, c.expected))
        if not np.array_equal(fold, expected) or fold.dtype.kind not in "iu"
    )
    with np.printoptions(threshold=30, linewidth=70):
        sizes_differ = (
            f" (expected fold sizes {expected_sizes}, got {sizes})"
            if sizes != expected_sizes
            else ""
        )
        return (
            f"expected fold {i} (counting from 0) to be {c.expected[i]}, got "
            f"{folds[i]}{sizes_differ}."
        )


def _kfold_sizes_are(got, c, sizes) -> bool:
    """The reader's folds are contiguous runs of ``sizes`` from 0."""
    folds = _as_folds(got)
    wrong = _folds(c.args[0], sizes)
    return (
        folds is not None
        and len(folds) == len(wrong)
        and all(np.array_equal(a, b) for a, b in zip(folds, wrong))
        and not all(np.array_equal(a, b) for a, b in zip(wrong, c.expected))
    )


def _kfold_all(got) -> np.ndarray:
    folds = _as_folds(got)
    return np.concatenate(folds) if folds else np.array([])


def _kfold_partition(got, c) -> bool:
    """Every index 0, …, n − 1 is in exactly one of the reader's k folds."""
    folds = _as_folds(got)
    everything = _kfold_all(got)
    return (
        folds is not None
        and len(folds) == c.args[1]
        and everything.size == c.args[0]
        and np.array_equal(np.sort(everything), np.arange(c.args[0]))
    )


register(
    Exercise(
        name="k-fold-indices",
        section="sec-cross-validation",
        wants="function",
        signature=(
            "kfold_test_indices(n, k) -> a list of the k test folds of k-fold "
            "cross-validation without shuffling, as integer index arrays"
        ),
        cases=_kfold_cases,
        agrees=_kfold_agrees,
        explain=_kfold_explain,
        mistakes=(
            Mistake(
                "return exactly k test folds, one for each split: a list of k "
                "index arrays.",
                lambda got, c: (
                    _as_folds(got) is not None
                    and len(_as_folds(got)) != c.args[1]
                ),
            ),
            Mistake(
                "the folds are right but hold floats: indices are integers "
                "(np.arange(start, stop) gives them), and X[fold] needs them.",
                lambda got, c: all(
                    np.array_equal(a, b)
                    for a, b in zip(_as_folds(got), c.expected)
                ),
            ),
            Mistake(
                "when k does not divide n, the n % k extra samples go to the "
                "*first* folds, one each (as scikit-learn's KFold does); you gave "
                "them to the last folds.",
                lambda got, c: _kfold_sizes_are(
                    got, c, _kfold_sizes(*c.args)[::-1]
                ),
            ),
            Mistake(
                "the folds must cover all n samples: folds of n // k each leave "
                "the last n % k samples out of every test fold, so they are "
                "never tested. Give one extra sample to each of the first "
                "n % k folds.",
                lambda got, c: _kfold_sizes_are(
                    got, c, [c.args[0] // c.args[1]] * c.args[1]
                ),
            ),
            Mistake(
                "some samples are in two test folds: each index 0, …, n − 1 "
                "belongs to exactly one fold. A fold is range(start, stop), "
                "which stops *before* stop, and the next fold starts at stop.",
                lambda got, c: (
                    _kfold_all(got).size > np.unique(_kfold_all(got)).size
                ),
            ),
            Mistake(
                "the folds are off by one: indices start at 0 and end at "
                "n − 1 (your folds hold 1, …, n).",
                lambda got, c: np.array_equal(
                    np.sort(_kfold_all(got)), np.arange(1, c.args[0] + 1)
                ),
            ),
            Mistake(
                "every sample is in one fold, but the fold sizes are off by "
                "one: the first n % k folds get n // k + 1 samples and the "
                "others n // k, in order (rounding n·i/k moves the boundaries).",
                _kfold_partition,
            ),
        ),
    )
)


# --- 8.6 precision, recall and F1 -----------------------------------------------


def _prf(y_true, y_pred, *, positive=1, zero=0.0, f1_mean=False):
    """Precision, recall and F1; the keywords plant the usual mistakes."""
    t, p = y_true == positive, y_pred == positive
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)

    def ratio(a, b):
        return a / b if b else zero

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if f1_mean:
        f1 = (precision + recall) / 2
    else:
        f1 = ratio(2 * precision * recall, precision + recall)
    return float(precision), float(recall), float(f1)


def _labels(rng, tp, fn, fp, tn):
    """0/1 labels and predictions with these confusion counts, in random order."""
    y_true = np.repeat([1, 1, 0, 0], [tp, fn, fp, tn])
    y_pred = np.repeat([1, 0, 1, 0], [tp, fn, fp, tn])
    order = rng.permutation(len(y_true))
    return y_true[order], y_pred[order]


def _prf_cases(rng):
    # fixed counts keep the mistakes apart: P ≠ R, TP ≠ TN, FP ≠ FN, P ≠ accuracy
    y_none = rng.integers(0, 2, 12)
    y_none[:2] = 1
    y_perfect = rng.integers(0, 2, 15)
    y_perfect[:2] = [0, 1]
    out = []
    for description, (y_true, y_pred) in [
        (
            "40 labels in random order, 26 of the predictions right "
            "(TP = 14, FN = 9, FP = 5, TN = 12)",
            _labels(rng, 14, 9, 5, 12),
        ),
        (
            "50 labels with only 5 positives (TP = 3, FN = 2, FP = 4, TN = 41)",
            _labels(rng, 3, 2, 4, 41),
        ),
        (
            "12 labels and no predicted positive at all (precision is 0/0)",
            (y_none, np.zeros(12, dtype=int)),
        ),
        ("15 labels predicted perfectly", (y_perfect, y_perfect.copy())),
    ]:
        out.append(Case(description, (y_true, y_pred), _prf(y_true, y_pred)))
    return out


def _prf_explain(got, c) -> str:
    if np.shape(got) != (3,):
        return (
            "expected the tuple (precision, recall, f1), got "
            f"{type(got).__name__} {np.shape(got)}."
        )
    return (
        f"expected (precision, recall, f1) = {_fmt(c.expected)}, got "
        f"{_fmt(_array(got, (3,)))}."
    )


def _prf_is(got, c, **variant) -> bool:
    wrong = _prf(*c.args, **variant)
    return _close(_array(got, (3,)), wrong, rtol=1e-8) and not _close(
        wrong, c.expected, rtol=1e-8
    )


def _prf_swapped(got, c) -> bool:
    p, r, f = c.expected
    return not np.isclose(p, r) and _close(
        _array(got, (3,)), (r, p, f), rtol=1e-8
    )


def _prf_accuracy(got, c) -> bool:
    y_true, y_pred = c.args
    accuracy = np.mean(y_true == y_pred)
    got = _array(got, (3,))
    return not np.isclose(accuracy, c.expected[0]) and np.isclose(
        got[0], accuracy
    )


register(
    Exercise(
        name="precision-recall-f1",
        section="sec-metrics",
        wants="function",
        signature=(
            "prf(y_true, y_pred) -> (precision, recall, f1) for 0/1 labels, "
            "positive class 1, 0/0 counted as 0"
        ),
        cases=_prf_cases,
        agrees=lambda got, c: _close(_array(got, (3,)), c.expected, rtol=1e-8),
        explain=_prf_explain,
        mistakes=(
            Mistake(
                "a ratio 0/0 counts as 0.0: here no example is predicted positive, "
                "so precision = TP/(TP + FP) = 0/0, and F1 = 2PR/(P + R) is 0/0 "
                "when P = R = 0. Test the denominator before dividing.",
                lambda got, c: not np.all(np.isfinite(_array(got, (3,)))),
            ),
            Mistake(
                "precision and recall are swapped: precision = TP/(TP + FP) is "
                "over the predicted positives, recall = TP/(TP + FN) over the "
                "actual positives.",
                _prf_swapped,
            ),
            Mistake(
                "F1 is the harmonic mean 2PR/(P + R), not the arithmetic mean "
                "(P + R)/2: it stays low unless both are high.",
                lambda got, c: _prf_is(got, c, f1_mean=True),
            ),
            Mistake(
                "your precision is the accuracy, the share of all predictions "
                "that are right. Precision counts only the examples predicted "
                "positive: TP/(TP + FP).",
                _prf_accuracy,
            ),
            Mistake(
                "the positive class is 1: count TP as (y_true == 1) & "
                "(y_pred == 1); you counted the 0s.",
                lambda got, c: _prf_is(got, c, positive=0),
            ),
        ),
    )
)


# --- 8.6 the area under the ROC curve ---------------------------------------------


def _auc(y_true, scores, *, tie=0.5, pairs=None):
    """P(positive score > negative score) + tie · P(tie), by counting pairs."""
    pos, neg = scores[y_true == 1], scores[y_true == 0]
    d = pos[:, None] - neg[None, :]
    count = np.sum(d > 0) + tie * np.sum(d == 0)
    return float(count / (d.size if pairs is None else pairs))


def _auc_cases(rng):
    # fixed class sizes: no wrong denominator can give exactly 1 − AUC
    y = rng.permutation(np.repeat([1, 0], [12, 18]))
    scores = y + rng.normal(0, 1, 30)
    y_tied = rng.permutation(np.repeat([1, 0], [16, 24]))
    tied = np.round(0.8 * y_tied + rng.normal(0, 0.8, 40))  # few values
    y_sep = np.array([0, 0, 1, 0, 1, 1, 0, 1])
    separating = np.array([0.1, 0.3, 0.8, 0.2, 0.9, 0.6, 0.4, 0.7])
    out = []
    for description, y_true, s in [
        (
            "12 positives and 18 negatives with continuous scores (no ties)",
            y,
            scores,
        ),
        (
            "16 positives and 24 negatives with scores rounded to integers "
            "(many ties)",
            y_tied,
            tied,
        ),
        (
            "scores that rank every positive above every negative (AUC = 1)",
            y_sep,
            separating,
        ),
        (
            "the same scores negated: every positive below every negative "
            "(AUC = 0)",
            y_sep,
            -separating,
        ),
    ]:
        out.append(Case(description, (y_true, s), _auc(y_true, s)))
    return out


def _auc_is(got, c, wrong) -> bool:
    got = _array(got, ())
    return bool(
        np.isclose(got, wrong, rtol=1e-9, atol=1e-12)
    ) and not np.isclose(wrong, c.expected, rtol=1e-9, atol=1e-12)


def _auc_pairs(got, c) -> bool:
    y_true = c.args[0]
    n, n_pos = len(y_true), int(np.sum(y_true == 1))
    return any(
        _auc_is(got, c, _auc(*c.args, pairs=pairs))
        for pairs in (n**2, n * (n - 1), n * (n - 1) / 2, n, n_pos, 1)
    )


register(
    Exercise(
        name="roc-auc",
        section="sec-metrics",
        wants="function",
        signature=(
            "auc(y_true, scores) -> the area under the ROC curve: the share of "
            "(positive, negative) pairs ranked right, ties counting ½"
        ),
        cases=_auc_cases,
        agrees=lambda got, c: (
            np.ndim(got) == 0 and _close(_array(got, ()), c.expected)
        ),
        mistakes=(
            Mistake(
                "a tie between a positive's and a negative's score counts as "
                "half a pair, not a whole one: a score that cannot tell them "
                "apart should earn 0.5, not 1.",
                lambda got, c: _auc_is(got, c, _auc(*c.args, tie=1.0)),
            ),
            Mistake(
                "ties count for half: add ½ for every (positive, negative) pair "
                "with equal scores. Ignoring them makes a constant score earn "
                "0 instead of 0.5.",
                lambda got, c: _auc_is(got, c, _auc(*c.args, tie=0.0)),
            ),
            Mistake(
                "that is 1 − AUC: count the pairs in which the *positive* has "
                "the higher score (you may have swapped the classes or the "
                "sign of the difference).",
                lambda got, c: _auc_is(got, c, 1.0 - c.expected),
            ),
            Mistake(
                "divide the count by the number of (positive, negative) pairs, "
                "n_pos · n_neg, not by n² or another count: the AUC is a "
                "fraction of those pairs.",
                _auc_pairs,
            ),
        ),
    )
)
