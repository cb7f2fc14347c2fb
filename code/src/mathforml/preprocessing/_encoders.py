r"""One-hot encoding of categorical columns (:ref:`sec-feature-engineering`).

A column with :math:`K` categories becomes :math:`K` columns of 0s and 1s,
one per category, with a single 1 in each row: the category of that row.
Categories are learned (sorted) on the training rows; ``drop="first"`` leaves
out the first column of each block, which the others determine.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml.base import check_features
from mathforml.preprocessing._common import _Transformer

__all__ = ["OneHotEncoder"]


def _one_hot(column, categories):
    """The 0/1 block of one column: entry (i, k) is 1 if row i is in
    category k."""
    return (column[:, None] == categories[None, :]).astype(float)


def _as_categories(X) -> np.ndarray:
    """``X`` as a 2-D array of numbers (numeric dtype) or strings (object
    dtype)."""
    if X is None or isinstance(X, (str, bytes)):
        raise TypeError(
            "X must be a 2-D array of numbers or strings; got "
            f"{type(X).__name__}."
        )
    arr = np.asarray(X)
    if arr.dtype.kind in "US":
        # a list mixing strings and numbers would turn every number into a
        # string: keep each entry as it is, as scikit-learn does
        arr = np.asarray(X, dtype=object) if not hasattr(X, "dtype") else arr
        arr = arr.astype(object)
    if arr.ndim != 2:
        raise ValueError(
            f"X must be 2-D (rows, columns); got shape {arr.shape}. Use "
            "X.reshape(-1, 1) for a column."
        )
    if arr.size == 0:
        raise ValueError(f"X must not be empty; got shape {arr.shape}.")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(
            "X must not contain NaN or inf: impute missing values first."
        )
    if arr.dtype.kind == "O":
        for j, column in enumerate(arr.T):
            _check_column(column, j)
    elif arr.dtype.kind not in "biuf":
        raise TypeError(
            f"X must be an array of numbers or strings; got dtype {arr.dtype}."
        )
    return arr


def _check_column(column, j):
    """Only strings or only numbers in one column, none of them missing."""
    for v in column:
        number = isinstance(v, (numbers.Real, np.bool_))
        if v is None or (number and not np.isfinite(v)):
            raise ValueError(
                f"X has a missing or infinite value ({v!r}) in column {j}: "
                "impute missing values first."
            )
        if not (number or isinstance(v, str)):
            raise TypeError(
                f"X column {j} must hold strings or numbers; it holds "
                f"{type(v).__name__} {v!r}."
            )
    if len({isinstance(v, str) for v in column}) > 1:
        raise TypeError(
            f"X column {j} mixes strings and numbers; use one type per column."
        )


class OneHotEncoder(_Transformer):
    r"""Encode each categorical column as one 0/1 column per category
    (:ref:`sec-feature-engineering`).

    Works on numbers and strings alike; the output is a dense float array
    equal to scikit-learn's ``OneHotEncoder(sparse_output=False)``.

    Parameters
    ----------
    handle_unknown : {"error", "ignore"}, default "error"
        A category not seen in ``fit``: a ``ValueError`` naming the column and
        the value, or (``"ignore"``) a row of zeros in that column's block.
    drop : {None, "first"}, default None
        ``"first"`` leaves out the first (smallest) category of every column:
        its indicator is 1 minus the sum of the others, so it only duplicates
        the intercept of a linear model.

    Attributes
    ----------
    categories_ : list of numpy.ndarray
        The sorted categories of each column, as seen in ``fit``.
    drop_idx_ : numpy.ndarray or None
        The index, in ``categories_[j]``, of the dropped category of each
        column (all 0 with ``drop="first"``); ``None`` when nothing is dropped.
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Examples
    --------
    >>> X = [["red", 1], ["green", 2], ["red", 2]]
    >>> encoder = OneHotEncoder().fit(X)
    >>> encoder.categories_
    [array(['green', 'red'], dtype=object), array([1, 2], dtype=object)]
    >>> encoder.transform([["green", 1]])
    array([[1., 0., 1., 0.]])
    >>> encoder.get_feature_names_out().tolist()
    ['x0_green', 'x0_red', 'x1_1', 'x1_2']
    """

    def __init__(self, *, handle_unknown="error", drop=None):
        self.handle_unknown = handle_unknown
        self.drop = drop

    def fit(self, X: ArrayLike, y=None) -> OneHotEncoder:
        """Learn the sorted categories of each column; returns ``self``."""
        if self.handle_unknown not in ("error", "ignore"):
            raise ValueError(
                "handle_unknown must be 'error' or 'ignore'; got "
                f"{self.handle_unknown!r}."
            )
        if self.drop is not None and self.drop != "first":
            raise ValueError(
                f"drop must be None or 'first'; got {self.drop!r}."
            )
        X = _as_categories(X)
        self.categories_ = [np.unique(column) for column in X.T]
        self.drop_idx_ = (
            None if self.drop is None else np.zeros(X.shape[1], dtype=int)
        )
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The 0/1 blocks of the columns of ``X``, side by side."""
        X = self._check_transform_input(X)
        blocks = [
            _one_hot(col, cats) for col, cats in zip(X.T, self.categories_)
        ]
        self._check_unknown(X, blocks)
        start = 0 if self.drop_idx_ is None else 1
        return np.hstack([block[:, start:] for block in blocks])

    def _check_transform_input(self, X) -> np.ndarray:
        return check_features(self, X, convert=_as_categories)

    def _check_unknown(self, X, blocks):
        unknown = [
            j for j, b in enumerate(blocks) if (b.sum(axis=1) == 0).any()
        ]
        if not unknown:
            return
        if self.handle_unknown == "error":
            j = unknown[0]
            value = X[blocks[j].sum(axis=1) == 0, j].tolist()[0]
            raise ValueError(
                f"X has a category not seen in fit in column {j}: {value!r}. "
                "Pass handle_unknown='ignore' to encode it as a row of zeros."
            )
        if self.drop_idx_ is not None:
            warnings.warn(
                f"Found unknown categories in columns {unknown} during "
                "transform; they are encoded as all zeros, the same as the "
                "dropped category.",
                UserWarning,
                stacklevel=3,
            )

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """``"<input name>_<category>"`` for every output column."""
        names = self._input_names(input_features)
        start = 0 if self.drop_idx_ is None else 1
        return np.asarray(
            [
                f"{name}_{category}"
                for name, cats in zip(names, self.categories_)
                for category in cats[start:]
            ],
            dtype=object,
        )
