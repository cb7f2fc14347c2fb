"""Scorers: ``scorer(estimator, X, y) -> float``, larger is better
(:ref:`sec-metrics`).

A string names one of the book's metrics; errors become ``neg_`` scores so that a
search can always maximize.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SCORERS", "check_scoring"]


def _accuracy(estimator, X, y):
    from mathforml.metrics import accuracy_score

    return accuracy_score(y, estimator.predict(X))


def _precision(estimator, X, y):
    from mathforml.metrics import precision_recall_f1

    return precision_recall_f1(y, estimator.predict(X))[0]


def _recall(estimator, X, y):
    from mathforml.metrics import precision_recall_f1

    return precision_recall_f1(y, estimator.predict(X))[1]


def _f1(estimator, X, y):
    from mathforml.metrics import precision_recall_f1

    return precision_recall_f1(y, estimator.predict(X))[2]


def _roc_auc(estimator, X, y):
    from mathforml.metrics import roc_auc_score

    if hasattr(estimator, "predict_proba"):
        score = estimator.predict_proba(X)[:, 1]
    else:
        score = estimator.decision_function(X)
    classes = getattr(estimator, "classes_", None)
    if classes is not None and len(classes) == 2:
        y = (np.asarray(y) == classes[1]).astype(int)  # classes_[1] positive
    return roc_auc_score(y, score)


def _r2(estimator, X, y):
    from mathforml.metrics import r2_score

    return r2_score(y, estimator.predict(X))


def _neg_mse(estimator, X, y):
    from mathforml.metrics import mean_squared_error

    return -mean_squared_error(y, estimator.predict(X))


def _default(estimator, X, y):
    return estimator.score(X, y)


#: The scorers a string can name.
SCORERS = {
    "accuracy": _accuracy,
    "precision": _precision,
    "recall": _recall,
    "f1": _f1,
    "roc_auc": _roc_auc,
    "r2": _r2,
    "neg_mean_squared_error": _neg_mse,
}


def check_scoring(scoring):
    """Turn ``scoring`` (None, a name or a callable) into a scorer."""
    if scoring is None:
        return _default
    if isinstance(scoring, str):
        if scoring not in SCORERS:
            raise ValueError(
                f"scoring must be one of {sorted(SCORERS)}, a callable "
                f"scorer(estimator, X, y) or None; got {scoring!r}."
            )
        return SCORERS[scoring]
    if callable(scoring):
        return scoring
    raise TypeError(
        "scoring must be None, a name from "
        f"{sorted(SCORERS)} or a callable scorer(estimator, X, y); got "
        f"{type(scoring).__name__} {scoring!r}."
    )
