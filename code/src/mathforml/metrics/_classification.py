r"""Scores for predicted labels: the confusion matrix, accuracy, precision, recall
and :math:`F_1` (:ref:`sec-metrics`).

Labels may be of any type (numbers or strings). Every number equals scikit-learn's;
the one deliberate difference is that a ratio :math:`0/0` is ``0.0`` *silently*
(scikit-learn also returns 0 by default, but with a warning).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_choice
from mathforml.base import _as_labels

__all__ = ["accuracy_score", "confusion_matrix", "precision_recall_f1"]

_AVERAGES = ("binary", "macro", "micro")


def _label_kind(y: np.ndarray) -> str:
    if y.dtype.kind in "US":
        return "strings"
    if y.dtype.kind in "biuf":
        return "numbers"
    return str(y.dtype)


def _check_labels(
    y_true, y_pred, *, names=("y_true", "y_pred")
) -> tuple[np.ndarray, np.ndarray]:
    """Two 1-D label arrays of the same length and of one kind (numbers or strings)."""
    a = _as_labels(y_true, name=names[0])
    b = _as_labels(y_pred, name=names[1])
    _check_same_length(a, b, names)
    _check_same_kind(a, b, names)
    return a, b


def _check_same_kind(a, b, names) -> None:
    if _label_kind(a) != _label_kind(b):
        raise TypeError(
            f"{names[0]} holds {_label_kind(a)} and {names[1]} holds "
            f"{_label_kind(b)}; labels must be of one type (numbers or strings)."
        )


def _check_same_length(a, b, names) -> None:
    if len(a) != len(b):
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same length; got "
            f"{names[0]} of length {len(a)} and {names[1]} of length {len(b)}."
        )


def _confusion(y_true, y_pred, labels) -> np.ndarray:
    """C[i, j] counts the samples of class labels[i] predicted as labels[j]."""
    index = {label: k for k, label in enumerate(labels)}
    C = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true, y_pred):
        C[index[t], index[p]] += 1
    return C


def confusion_matrix(
    y_true: ArrayLike, y_pred: ArrayLike, *, labels: ArrayLike | None = None
) -> np.ndarray:
    r"""The confusion matrix: ``C[i, j]`` counts samples of true class ``i``
    predicted as class ``j`` (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted labels (numbers or strings, one type).
    labels : array_like, optional
        The classes, in the order of the rows and columns. Default: the sorted
        union of the labels in ``y_true`` and ``y_pred``. As in scikit-learn,
        samples whose true or predicted label is not in ``labels`` are left out.

    Returns
    -------
    numpy.ndarray of int, shape (n_classes, n_classes)
        Rows are true classes, columns predicted classes; the diagonal counts the
        correct predictions.

    Raises
    ------
    ValueError
        If the lengths differ, a label is NaN, ``labels`` repeats a label or holds
        none of the labels of ``y_true``.
    TypeError
        If one argument holds numbers and another strings.

    Examples
    --------
    >>> truth, guess = ["cat", "dog", "dog", "cat"], ["cat", "dog", "cat", "cat"]
    >>> confusion_matrix(truth, guess)
    array([[2, 0],
           [1, 1]])
    >>> confusion_matrix([0, 1, 1], [0, 1, 0], labels=[1, 0])
    array([[1, 1],
           [0, 1]])
    """
    y_true, y_pred = _check_labels(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = _as_labels(labels, name="labels")
        _check_same_kind(labels, y_true, ("labels", "y_true"))
        if np.unique(labels).size != labels.size:
            raise ValueError(
                f"labels must not repeat a label; got {labels.tolist()}."
            )
        if not np.any(np.isin(y_true, labels)):
            raise ValueError(
                f"labels must include at least one label of y_true; got "
                f"{labels.tolist()}, none of which occurs in y_true."
            )
        keep = np.isin(y_true, labels) & np.isin(y_pred, labels)
        y_true, y_pred = y_true[keep], y_pred[keep]
    return _confusion(y_true.tolist(), y_pred.tolist(), labels.tolist())


def accuracy_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""The fraction of correct predictions,
    :math:`\frac{1}{n}\sum_i [\hat y_i = y_i]` (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted labels (numbers or strings, one type).

    Returns
    -------
    float
        In :math:`[0, 1]`; the trace of the confusion matrix divided by ``n``.

    Examples
    --------
    >>> accuracy_score(["cat", "dog", "dog", "cat"], ["cat", "dog", "cat", "cat"])
    0.75
    """
    y_true, y_pred = _check_labels(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def _ratio_or_zero(a, b) -> np.ndarray:
    """``a / b`` elementwise, with 0 where ``b == 0``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.divide(a, b, out=np.zeros_like(a), where=b != 0)


def _precision_recall_f1_from_counts(tp, fp, fn) -> tuple:
    """Precision, recall and F1 from the counts of true positives, false
    positives and false negatives (elementwise; 0/0 counts as 0)."""
    precision = _ratio_or_zero(tp, tp + fp)  # of those predicted positive
    recall = _ratio_or_zero(tp, tp + fn)  # of those truly positive
    f1 = _ratio_or_zero(2 * precision * recall, precision + recall)
    return precision, recall, f1


def precision_recall_f1(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    average: str = "binary",
    pos_label=1,
) -> tuple[float, float, float]:
    r"""Precision :math:`\frac{TP}{TP + FP}`, recall :math:`\frac{TP}{TP + FN}` and
    their harmonic mean :math:`F_1 = \frac{2PR}{P + R}` (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted labels (numbers or strings, one type).
    average : {"binary", "macro", "micro"}, default "binary"
        ``"binary"``: the scores of class ``pos_label`` (at most two classes).
        ``"macro"``: the unweighted mean of the per-class scores, so every class
        counts the same however rare. ``"micro"``: the scores of the counts
        :math:`TP, FP, FN` summed over the classes; for single-label data all
        three equal the accuracy.
    pos_label : label, default 1
        The positive class of ``average="binary"``; it must occur in ``y_true``
        or ``y_pred``.

    Returns
    -------
    precision, recall, f1 : float
        A ratio :math:`0/0` (no sample predicted, or none truly, in a class) is
        0, and :math:`F_1 = 0` when :math:`P + R = 0`. scikit-learn's
        ``precision_recall_fscore_support`` gives the same numbers
        (``zero_division=0``); by default it also warns, this function does not.

    Raises
    ------
    ValueError
        If ``average`` is not one of the three, ``average="binary"`` meets more
        than two classes, or ``pos_label`` is not a label of the data.

    Examples
    --------
    >>> y_true = [1, 1, 1, 0, 0]
    >>> y_pred = [1, 1, 0, 1, 0]
    >>> p, r, f1 = precision_recall_f1(y_true, y_pred)
    >>> round(p, 4), round(r, 4), round(f1, 4)
    (0.6667, 0.6667, 0.6667)
    >>> precision_recall_f1(["a", "b", "c"], ["a", "b", "b"], average="macro")
    (0.5, 0.6666666666666666, 0.5555555555555555)
    """
    check_choice(average, _AVERAGES, name="average")
    y_true, y_pred = _check_labels(y_true, y_pred)
    classes = np.union1d(y_true, y_pred).tolist()
    if average == "binary":
        if len(classes) > 2:
            raise ValueError(
                f"average='binary' is for two classes; got {len(classes)} "
                f"classes {classes}. Use average='macro' or average='micro'."
            )
        if pos_label not in classes:
            raise ValueError(
                f"pos_label={pos_label!r} is not a label of y_true or y_pred "
                f"(labels: {classes}); pass pos_label= one of them."
            )
    C = _confusion(y_true.tolist(), y_pred.tolist(), classes)
    tp = np.diag(C)
    fp = C.sum(axis=0) - tp  # predicted as the class, but of another
    fn = C.sum(axis=1) - tp  # of the class, but predicted as another
    if average == "micro":
        tp, fp, fn = tp.sum(), fp.sum(), fn.sum()
    scores = _precision_recall_f1_from_counts(tp, fp, fn)
    if average == "binary":
        k = classes.index(pos_label)
        return tuple(float(s[k]) for s in scores)
    return tuple(float(np.mean(s)) for s in scores)
