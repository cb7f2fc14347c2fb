r"""Scores for a ranking: the ROC curve, its area (AUC) and the precision-recall
curve (:ref:`sec-metrics`).

A binary classifier that outputs a score (a probability, a margin) predicts
"positive" when the score is at least a threshold :math:`t`. Each threshold gives
one confusion matrix; the curves trace them all, from the highest threshold (nothing
predicted positive) to the lowest (everything). The outputs equal scikit-learn's
``roc_curve``, ``roc_auc_score`` and ``precision_recall_curve`` with
``drop_intermediate=False``: every distinct score is a threshold.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_vector
from mathforml.base import _as_labels
from mathforml.metrics._classification import _check_same_length

__all__ = ["precision_recall_curve", "roc_auc_score", "roc_curve"]


def _binary_target(
    y_true, y_score, pos_label, *, who: str, need_negatives: bool
):
    """``y`` in {0, 1} (1 for ``pos_label``) and the scores, both checked."""
    y_true = _as_labels(y_true, name="y_true")
    y_score = as_vector(y_score, name="y_score")
    _check_same_length(y_true, y_score, ("y_true", "y_score"))
    classes = np.unique(y_true).tolist()
    if len(classes) > 2:
        raise ValueError(
            f"{who} is for two classes; y_true has {len(classes)}: {classes}."
        )
    if pos_label is None:
        if not (set(classes) <= {0, 1} or set(classes) <= {-1, 1}):
            raise ValueError(
                f"y_true has labels {classes}; pass pos_label= the positive one "
                "(it can be left out only for labels {0, 1} or {-1, 1})."
            )
        pos_label = 1
    if pos_label not in classes or (need_negatives and len(classes) == 1):
        raise ValueError(
            f"y_true must contain both classes, the positive "
            f"{pos_label!r} and another; its labels are {classes}: {who} is "
            "undefined."
            if need_negatives
            else f"y_true must contain the positive class {pos_label!r}; "
            f"its labels are {classes}: {who} is undefined."
        )
    y = np.array([label == pos_label for label in y_true.tolist()], dtype=int)
    return y, y_score


def _roc_points(y, score):
    """False and true positive rates of "predict 1 if score >= t", for t =
    +inf and then every distinct score, from the highest down."""
    order = np.argsort(-score, kind="stable")
    y, score = y[order], score[order]
    last = np.r_[score[1:] != score[:-1], True]  # the end of each tie
    tp = np.cumsum(y)[last]  # positives scored >= each threshold
    fp = np.cumsum(1 - y)[last]  # negatives scored >= each threshold
    fpr = np.r_[0, fp] / fp[-1]
    tpr = np.r_[0, tp] / tp[-1]
    return fpr, tpr, np.r_[np.inf, score[last]]


def roc_curve(
    y_true: ArrayLike, y_score: ArrayLike, *, pos_label=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The ROC curve: the false positive rate :math:`FP/N` and the true positive
    rate :math:`TP/P` of the rule "positive when score :math:`\ge t`", at every
    threshold :math:`t` (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true : array_like, shape (n_samples,)
        True labels of two classes (numbers or strings).
    y_score : array_like, shape (n_samples,)
        Scores, higher meaning "more positive" (probabilities, margins).
    pos_label : label, optional
        The positive class. It may be left out for labels {0, 1} or {-1, 1},
        where it is 1.

    Returns
    -------
    fpr, tpr : numpy.ndarray, shape (n_thresholds + 1,)
        Nondecreasing, from (0, 0) to (1, 1).
    thresholds : numpy.ndarray
        ``+inf`` (nothing predicted positive), then the distinct scores in
        decreasing order; equal to scikit-learn's with ``drop_intermediate=False``.

    Raises
    ------
    ValueError
        If ``y_true`` does not have exactly two classes, ``pos_label`` is needed
        but missing, or the lengths differ.

    Examples
    --------
    >>> fpr, tpr, t = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr
    array([0. , 0. , 0.5, 0.5, 1. ])
    >>> tpr
    array([0. , 0.5, 0.5, 1. , 1. ])
    >>> t
    array([ inf, 0.8 , 0.4 , 0.35, 0.1 ])
    """
    y, score = _binary_target(
        y_true, y_score, pos_label, who="the ROC curve", need_negatives=True
    )
    return _roc_points(y, score)


def _average_ranks(x) -> np.ndarray:
    """The ranks 1, ..., n of ``x``, tied values sharing their mean rank."""
    order = np.argsort(x, kind="stable")
    xs = x[order]
    starts = np.r_[True, xs[1:] != xs[:-1]]  # first of each run of ties
    first = np.flatnonzero(starts)  # 0-based position where each run starts
    end = np.r_[first[1:], x.size]  # one past where it ends
    mean_rank = (first + 1 + end) / 2  # mean of ranks first + 1, ..., end
    ranks = np.empty(x.size)
    ranks[order] = mean_rank[np.cumsum(starts) - 1]
    return ranks


def _auc_by_ranks(y, score) -> float:
    """P(a random positive outscores a random negative), ties counting half:
    the Mann-Whitney U statistic divided by n_pos * n_neg."""
    ranks = _average_ranks(score)
    n_pos = np.count_nonzero(y)
    n_neg = y.size - n_pos
    U = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(U / (n_pos * n_neg))


def roc_auc_score(y_true: ArrayLike, y_score: ArrayLike) -> float:
    r"""The area under the ROC curve: the probability that a random positive
    scores above a random negative, ties counting half (:ref:`sec-metrics`).

    .. math::

        \mathrm{AUC} = \frac{1}{n_+ n_-} \sum_{i: y_i = 1} \sum_{j: y_j = 0}
        \left([s_i > s_j] + \tfrac12 [s_i = s_j]\right)
        = \frac{U}{n_+ n_-},

    computed in :math:`O(n \log n)` from the ranks of the scores (the
    Mann-Whitney :math:`U`), equal to the trapezoid area under :func:`roc_curve`.

    Parameters
    ----------
    y_true : array_like, shape (n_samples,)
        True labels of two classes (numbers or strings). The positive class is the
        one that sorts last (1 of {0, 1}, ``"dog"`` of ``{"cat", "dog"}``), as in
        scikit-learn, where it is ``classes_[1]``, the column
        ``predict_proba(X)[:, 1]``.
    y_score : array_like, shape (n_samples,)
        Scores, higher meaning "more positive".

    Returns
    -------
    float
        1 for scores that rank every positive first, 0 for the reverse, 0.5 for
        constant scores.

    Raises
    ------
    ValueError
        If ``y_true`` does not have exactly two classes (with one class the AUC is
        undefined) or the lengths differ.

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc_score(["cat", "dog", "dog"], [0.2, 0.9, 0.2])
    0.75
    """
    classes = np.unique(_as_labels(y_true, name="y_true")).tolist()
    y, score = _binary_target(
        y_true,
        y_score,
        classes[-1],
        who="the ROC AUC",
        need_negatives=True,
    )
    return _auc_by_ranks(y, score)


def _pr_points(y, score):
    """Precision and recall of "predict 1 if score >= t" for every distinct
    score t, from the lowest up, then the end point (precision 1, recall 0)."""
    order = np.argsort(-score, kind="stable")
    y, score = y[order], score[order]
    last = np.r_[score[1:] != score[:-1], True]  # the end of each tie
    tp = np.cumsum(y)[last]  # positives scored >= each threshold
    fp = np.cumsum(1 - y)[last]  # negatives scored >= each threshold
    precision = np.r_[(tp / (tp + fp))[::-1], 1.0]
    recall = np.r_[(tp / tp[-1])[::-1], 0.0]
    return precision, recall, score[last][::-1]


def precision_recall_curve(
    y_true: ArrayLike, y_score: ArrayLike, *, pos_label=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Precision :math:`TP/(TP + FP)` and recall :math:`TP/P` of the rule
    "positive when score :math:`\ge t`", at every threshold :math:`t`
    (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true : array_like, shape (n_samples,)
        True labels of at most two classes, with at least one positive.
    y_score : array_like, shape (n_samples,)
        Scores, higher meaning "more positive".
    pos_label : label, optional
        The positive class. It may be left out for labels {0, 1} or {-1, 1},
        where it is 1.

    Returns
    -------
    precision, recall : numpy.ndarray, shape (n_thresholds + 1,)
        scikit-learn's conventions: one entry per threshold, then a last point
        with precision 1 and recall 0 that has no threshold. Recall is
        nonincreasing; precision need not be monotone.
    thresholds : numpy.ndarray, shape (n_thresholds,)
        The distinct scores in increasing order; equal to scikit-learn's with
        ``drop_intermediate=False``.

    Raises
    ------
    ValueError
        If ``y_true`` has more than two classes or no positive sample,
        ``pos_label`` is needed but missing, or the lengths differ.

    Examples
    --------
    >>> p, r, t = precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> p.round(3)
    array([0.5  , 0.667, 0.5  , 1.   , 1.   ])
    >>> r
    array([1. , 1. , 0.5, 0.5, 0. ])
    >>> t
    array([0.1 , 0.35, 0.4 , 0.8 ])
    """
    y, score = _binary_target(
        y_true,
        y_score,
        pos_label,
        who="the precision-recall curve",
        need_negatives=False,
    )
    return _pr_points(y, score)
