r"""Filling in missing values (:ref:`sec-missing-data`).

``SimpleImputer`` learns one fill value per column from the training rows
(their mean, median or most frequent value, or a constant) and writes it
wherever a later row has a missing entry. A missing entry is a NaN.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_choice, check_scalar
from mathforml.preprocessing._common import _as_data, _check_bool, _Transformer

__all__ = ["SimpleImputer"]

_STRATEGIES = ("mean", "median", "most_frequent", "constant")


def _fill_values(X, strategy):
    """One fill value per column from its non-missing entries (NaN if none)."""
    if strategy == "mean":
        return np.nanmean(X, axis=0)
    if strategy == "median":
        return np.nanmedian(X, axis=0)
    return np.array([_most_frequent(column) for column in X.T])


def _most_frequent(column):
    """The most frequent non-NaN value, the smallest on a tie; NaN if none."""
    values, counts = np.unique(column[~np.isnan(column)], return_counts=True)
    return values[np.argmax(counts)] if values.size else np.nan


class SimpleImputer(_Transformer):
    r"""Replace each missing entry (NaN) by a per-column statistic of the
    training data (:ref:`sec-missing-data`).

    Parameters
    ----------
    strategy : {"mean", "median", "most_frequent", "constant"}, default "mean"
        The fill value of a column: the mean, the median or the most frequent
        (the smallest on a tie) of its observed entries, or ``fill_value``.
    fill_value : float or None, default None
        The value used by ``strategy="constant"``; ``None`` means 0.
    keep_empty_features : bool, default False
        What to do with a column that is missing in every training row.
        ``False``: drop it from the output of ``transform`` (with a warning),
        as scikit-learn (>= 1.8) does for every strategy. ``True``: keep it,
        filled with 0 (with ``fill_value`` for ``strategy="constant"``).

    Attributes
    ----------
    statistics_ : numpy.ndarray, shape (n_features,)
        The fill value of each column; NaN for a dropped (all-missing) column.
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 2.0], [np.nan, 4.0], [3.0, np.nan]])
    >>> imputer = SimpleImputer(strategy="mean").fit(X)
    >>> imputer.statistics_
    array([2., 3.])
    >>> imputer.transform(np.array([[np.nan, np.nan]]))
    array([[2., 3.]])
    """

    _allow_nan = True

    def __init__(
        self, *, strategy="mean", fill_value=None, keep_empty_features=False
    ):
        self.strategy = strategy
        self.fill_value = fill_value
        self.keep_empty_features = keep_empty_features

    def fit(self, X: ArrayLike, y=None) -> SimpleImputer:
        """Learn one fill value per column; returns ``self``."""
        check_choice(self.strategy, _STRATEGIES, name="strategy")
        keep = _check_bool(
            self.keep_empty_features, name="keep_empty_features"
        )
        X = _as_data(X, allow_nan=True)
        empty = np.isnan(X).all(axis=0)
        if self.strategy == "constant":
            fill = 0.0 if self.fill_value is None else self.fill_value
            fill = check_scalar(fill, name="fill_value")
            statistics = np.full(X.shape[1], fill)
        else:
            with warnings.catch_warnings():  # NumPy warns on all-NaN columns
                warnings.simplefilter("ignore", RuntimeWarning)
                statistics = _fill_values(X, self.strategy)
            statistics[empty] = 0.0
        if not keep:
            statistics[empty] = np.nan  # marks a column to drop
        self.statistics_ = statistics
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """``X`` with each NaN replaced by its column's fill value, without the
        columns that were missing in every training row (unless kept)."""
        X = self._check_transform_input(X)
        filled = np.where(np.isnan(X), self.statistics_, X)
        return filled[:, self._kept_columns(warn=True)]

    def _kept_columns(self, *, warn: bool = False) -> np.ndarray:
        kept = ~np.isnan(self.statistics_)
        if warn and not kept.all():
            warnings.warn(
                "Skipping features without any observed values: "
                f"{np.flatnonzero(~kept).tolist()}. At least one non-missing "
                "value is needed for imputation with "
                f"strategy={self.strategy!r}; pass keep_empty_features=True "
                "to keep them.",
                UserWarning,
                stacklevel=3,
            )
        return kept

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The names of the output columns: the input names of the kept
        columns."""
        names = np.asarray(self._input_names(input_features), dtype=object)
        return names[self._kept_columns()]
