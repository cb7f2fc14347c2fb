r"""Cross-validation: train on k-1 folds, score on the one left out, k times
(:ref:`sec-cross-validation`).

Every fold trains a fresh copy of the model (:func:`~mathforml.base.clone`) on its
training rows only, so nothing learned from a test fold, not even a mean used for
scaling when the model is a :class:`~mathforml.pipeline.Pipeline`, reaches the score.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_int
from mathforml.base import clone, is_classifier
from mathforml.model_selection._scoring import check_scoring
from mathforml.model_selection._split import (
    KFold,
    StratifiedKFold,
    _check_labels,
    _n_samples,
)

__all__ = ["cross_val_score"]


def _rows(X, idx):
    """The rows ``idx`` of ``X`` (an array, or a data frame by position)."""
    return X.iloc[idx] if hasattr(X, "iloc") else X[idx]


def _fit_and_score(model, X, y, train, test, scorer):
    """Fit a fresh copy of ``model`` on the training rows, score it on the test
    rows."""
    fitted = clone(model).fit(_rows(X, train), y[train])
    return float(scorer(fitted, _rows(X, test), y[test]))


def cross_val_score(
    model,
    X: ArrayLike,
    y: ArrayLike,
    *,
    cv=5,
    scoring: str | Callable | None = None,
) -> np.ndarray:
    r"""The score of ``model`` on each fold of a cross-validation.

    Parameters
    ----------
    model : estimator
        Anything with ``fit`` and ``get_params`` (the package's estimators and
        pipelines, or scikit-learn's). It is never fitted itself: each fold fits a
        clone.
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    cv : int, splitter or iterable, default 5
        An int ``k`` means :class:`StratifiedKFold` for a classifier and
        :class:`KFold` otherwise, without shuffling; or an object with
        ``split(X, y)`` (scikit-learn's splitters too); or ``(train, test)`` index
        pairs.
    scoring : str, callable or None
        None uses the model's ``score``; a name from ``"accuracy"``,
        ``"precision"``, ``"recall"``, ``"f1"``, ``"roc_auc"``, ``"r2"``,
        ``"neg_mean_squared_error"``; or ``scorer(estimator, X, y) -> float``.

    Returns
    -------
    numpy.ndarray, shape (n_splits,)
        One score per fold, larger is better.

    Notes
    -----
    :ref:`sec-cross-validation` teaches cross-validation.

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> X = np.arange(10.0).reshape(-1, 1); y = 2 * X[:, 0] + 1
    >>> cross_val_score(Ridge(alpha=0.0), X, y, cv=2, scoring="r2").round(6)
    array([1., 1.])
    """
    scorer = check_scoring(scoring)
    y = _check_y(X, y)
    splits = _check_cv(cv, model, X, y)
    return np.array(
        [_fit_and_score(model, X, y, tr, te, scorer) for tr, te in splits]
    )


def _check_y(X, y):
    """``y`` as a 1-D array with one value per row of ``X``."""
    n = _n_samples(X)
    if n == 0:
        raise ValueError("X must not be empty; got 0 samples.")
    y = _check_labels(y, name="y")
    if len(y) != n:
        raise ValueError(
            f"X and y must have the same number of samples; got X with {n} "
            f"rows and y of length {len(y)}."
        )
    return y


def _check_model(model):
    for method in ("fit", "get_params"):
        if not callable(getattr(model, method, None)):
            raise TypeError(
                f"model must be an estimator with fit and get_params; "
                f"{type(model).__name__} has no {method}."
            )


def _check_cv(cv, model, X, y) -> list[tuple[np.ndarray, np.ndarray]]:
    """The list of ``(train, test)`` index pairs that ``cv`` describes."""
    _check_model(model)
    n = len(y)
    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        k = check_int(cv, name="cv", minimum=2)
        cv = StratifiedKFold(k) if is_classifier(model) else KFold(k)
    if hasattr(cv, "split") and not isinstance(cv, str):
        pairs = list(cv.split(X, y))
    elif isinstance(cv, Iterable) and not isinstance(cv, (str, bytes)):
        pairs = list(cv)
    else:
        raise TypeError(
            "cv must be an int (the number of folds), a splitter with "
            "split(X, y) or an iterable of (train, test) index pairs; got "
            f"{type(cv).__name__} {cv!r}."
        )
    if not pairs:
        raise ValueError("cv must give at least one (train, test) pair.")
    return [_check_pair(pair, n, i) for i, pair in enumerate(pairs)]


def _check_pair(pair, n, i):
    try:
        train, test = pair
    except (TypeError, ValueError):
        raise TypeError(
            f"cv: split {i} must be a (train, test) pair of index arrays; got "
            f"{pair!r}."
        ) from None
    out = []
    for name, idx in (("train", train), ("test", test)):
        idx = np.asarray(idx)
        if idx.dtype.kind == "b" and idx.shape == (n,):
            idx = np.flatnonzero(idx)
        if idx.ndim != 1 or idx.size == 0 or idx.dtype.kind not in "iu":
            raise ValueError(
                f"cv: the {name} indices of split {i} must be a non-empty 1-D "
                f"array of integers; got {idx!r}."
            )
        if idx.min() < -n or idx.max() >= n:
            raise ValueError(
                f"cv: the {name} indices of split {i} must lie in [0, {n}); "
                f"got values from {idx.min()} to {idx.max()}."
            )
        out.append(idx)
    return tuple(out)
