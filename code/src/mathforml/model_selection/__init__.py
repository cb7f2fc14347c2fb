"""Splits, cross-validation and hyperparameter search (:ref:`sec-cross-validation`,
:ref:`sec-hyperparameter-tuning`), with scikit-learn's interface: the folds without
shuffling are scikit-learn's index for index, and estimators of either library work
in the tools of the other."""

from mathforml.model_selection._search import GridSearchCV, RandomizedSearchCV
from mathforml.model_selection._split import (
    KFold,
    StratifiedKFold,
    train_test_split,
)
from mathforml.model_selection._validation import cross_val_score

__all__ = [
    "GridSearchCV",
    "KFold",
    "RandomizedSearchCV",
    "StratifiedKFold",
    "cross_val_score",
    "train_test_split",
]
