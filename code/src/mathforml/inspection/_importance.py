r"""Which features does a model use? Two answers: shuffle a column and see how
much the score drops (permutation importance), or leave the column out, refit
and see how much the cross-validated score drops (drop-column importance).

They answer different questions. Permutation importance asks how much *this
fitted model* relies on the column; drop-column importance asks how much the
column adds to what *the other columns* already tell a model trained without
it. With two copies of one feature the model may use both, so shuffling either
hurts (positive permutation importance), while dropping either loses nothing,
since the other copy remains (drop-column importance near 0).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_int, check_rng
from mathforml.model_selection._scoring import check_scoring
from mathforml.model_selection._validation import (
    _check_cv,
    _check_y,
    cross_val_score,
)

__all__ = [
    "PermutationImportanceResult",
    "drop_column_importance",
    "permutation_importance",
]


@dataclass(frozen=True)
class PermutationImportanceResult:
    """What :func:`permutation_importance` returns (scikit-learn's names).

    Attributes
    ----------
    importances_mean : numpy.ndarray, shape (n_features,)
        The mean drop of the score over the repeats.
    importances_std : numpy.ndarray, shape (n_features,)
        Their standard deviation (``ddof=0``, as scikit-learn's).
    importances : numpy.ndarray, shape (n_features, n_repeats)
        Every drop: row ``j`` holds the repeats of column ``j``.

    Notes
    -----
    :ref:`sec-interpretability` teaches permutation importance.
    """

    importances_mean: np.ndarray
    importances_std: np.ndarray
    importances: np.ndarray


def _permutation_importances(score, X, y, n_repeats, rng):
    """The drop of ``score(X, y)`` when one column at a time is shuffled,
    ``n_repeats`` times per column: shape (n_features, n_repeats)."""
    baseline = score(X, y)
    drops = np.empty((X.shape[1], n_repeats))
    for j in range(X.shape[1]):
        X_shuffled = X.copy()
        for r in range(n_repeats):
            X_shuffled[:, j] = X[rng.permutation(len(X)), j]
            drops[j, r] = baseline - score(X_shuffled, y)
    return drops


def _drop_column_importances(cv_score, X, y):
    """The drop of the cross-validated score when a column is left out and
    the model trained without it, for each column."""
    baseline = cv_score(X, y)
    return np.array(
        [
            baseline - cv_score(np.delete(X, j, axis=1), y)
            for j in range(X.shape[1])
        ]
    )


def permutation_importance(
    model,
    X: ArrayLike,
    y: ArrayLike,
    *,
    n_repeats: int = 5,
    scoring: str | Callable | None = None,
    rng=None,
) -> PermutationImportanceResult:
    r"""How much the score of a fitted model drops when one column is shuffled.

    Shuffling column :math:`j` keeps its values but cuts their link with the
    target and with the other columns; the model is not refitted. The
    importance of :math:`j` is :math:`s - s_j`, the score on the data minus
    the score with column :math:`j` shuffled, repeated ``n_repeats`` times.

    Parameters
    ----------
    model : fitted estimator
        Anything with ``predict`` (and what ``scoring`` needs), the package's
        models or scikit-learn's.
    X : array_like, shape (n_samples, n_features)
        The data to score on; held-out data tells what the model uses to
        generalize, the training data what it memorized too.
    y : array_like, shape (n_samples,)
    n_repeats : int, default 5
        Shuffles per column, ``>= 1``.
    scoring : str, callable or None
        None uses ``model.score``; a name as in
        :func:`~mathforml.model_selection.cross_val_score`; or
        ``scorer(estimator, X, y) -> float``, larger is better.
    rng : None, int or numpy.random.Generator, optional
        The source of the shuffles.

    Returns
    -------
    PermutationImportanceResult
        ``importances_mean``, ``importances_std`` (``ddof=0``) and
        ``importances``, shape (n_features, n_repeats).

    Raises
    ------
    TypeError, ValueError
        For ``X`` that is not a finite 2-D array, ``y`` of another length,
        ``n_repeats < 1``, an unknown ``scoring``.

    Notes
    -----
    :ref:`sec-metrics` lists the scores. A feature the model ignores has
    importance exactly 0. Two strongly correlated features share the credit,
    and shuffling one creates rows unlike any in the data, on which the model
    is extrapolating; :func:`drop_column_importance` answers a different
    question. scikit-learn's ``permutation_importance`` computes the same
    quantity with another stream of random shuffles.

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> x = np.linspace(0.0, 1.0, 20)
    >>> X = np.column_stack([x, np.ones(20)])   # the second column is constant
    >>> model = Ridge(alpha=1e-3).fit(X, 3 * x)
    >>> result = permutation_importance(model, X, 3 * x, n_repeats=3, rng=0)
    >>> result.importances.shape
    (2, 3)
    >>> bool(result.importances_mean[0] > 1), float(result.importances_mean[1])
    (True, 0.0)
    """
    X = as_matrix(X, name="X")
    y = _check_y(X, y)
    n_repeats = check_int(n_repeats, name="n_repeats", minimum=1)
    scorer = check_scoring(scoring)
    rng = check_rng(rng)
    drops = _permutation_importances(
        lambda X_, y_: float(scorer(model, X_, y_)), X, y, n_repeats, rng
    )
    return PermutationImportanceResult(
        importances_mean=drops.mean(axis=1),
        importances_std=drops.std(axis=1),
        importances=drops,
    )


def drop_column_importance(
    model,
    X: ArrayLike,
    y: ArrayLike,
    *,
    cv=5,
    scoring: str | Callable | None = None,
) -> np.ndarray:
    r"""How much the cross-validated score drops when a column is left out.

    For each column :math:`j`, a fresh copy of ``model`` is cross-validated on
    ``X`` without column :math:`j`; the importance is the mean score with all
    columns minus the mean score without :math:`j`, on the same folds.

    Parameters
    ----------
    model : estimator
        Anything with ``fit`` and ``get_params``; it is never fitted itself
        (each fold fits a clone, as in
        :func:`~mathforml.model_selection.cross_val_score`).
    X : array_like, shape (n_samples, n_features)
        At least two columns.
    y : array_like, shape (n_samples,)
    cv : int, splitter or iterable, default 5
        As in :func:`~mathforml.model_selection.cross_val_score`. The folds
        are drawn once, so every column is judged on the same folds.
    scoring : str, callable or None
        As in :func:`~mathforml.model_selection.cross_val_score`.

    Returns
    -------
    numpy.ndarray, shape (n_features,)
        The drop of the mean cross-validated score for each column; it can be
        negative (the model does better without the column).

    Raises
    ------
    TypeError, ValueError
        For ``X`` that is not a finite 2-D array with two columns or more,
        ``y`` of another length, a bad ``cv`` or ``scoring``.

    Notes
    -----
    :ref:`sec-cross-validation`. It costs ``n_features + 1`` cross-validations.
    A column that duplicates another has drop-column importance near 0 (the
    copy carries the same information), however much the fitted model uses
    it: the importance of a column is what it adds to the others.

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> x = np.linspace(0.0, 1.0, 20)
    >>> X = np.column_stack([x, x, np.cos(7 * x)])   # columns 0 and 1: twins
    >>> drops = drop_column_importance(Ridge(alpha=1e-3), X, 3 * x, cv=4)
    >>> bool(np.all(np.abs(drops[:2]) < 1e-3))
    True
    """
    X = as_matrix(X, name="X")
    if X.shape[1] < 2:
        raise ValueError(
            "X must have at least two columns (without one, a model needs "
            f"another to train on); got shape {X.shape}."
        )
    y = _check_y(X, y)
    scoring = check_scoring(scoring)
    splits = _check_cv(cv, model, X, y)  # drawn once: the same folds for all

    def cv_score(X_, y_):
        return cross_val_score(
            model, X_, y_, cv=splits, scoring=scoring
        ).mean()

    return _drop_column_importances(cv_score, X, y)
