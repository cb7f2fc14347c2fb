"""Metrics: how good are predicted labels, scores and values (:ref:`sec-metrics`).

Each metric is computed here from its definition (the counts of a confusion matrix,
the ranks of scores, sums of squares) and tested against ``sklearn.metrics``, which
the package never imports.
"""

from mathforml.metrics._classification import (
    accuracy_score,
    confusion_matrix,
    precision_recall_f1,
)
from mathforml.metrics._ranking import (
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from mathforml.metrics._regression import (
    mean_absolute_error,
    mean_squared_error,
    r2_score,
)

__all__ = [
    "accuracy_score",
    "confusion_matrix",
    "mean_absolute_error",
    "mean_squared_error",
    "precision_recall_curve",
    "precision_recall_f1",
    "r2_score",
    "roc_auc_score",
    "roc_curve",
]
