r"""Feature scaling (:ref:`sec-scaling`): standardization and min-max scaling.

Both learn one shift and one scale per column on the training rows and apply
them unchanged to any later rows, so test data is scaled with *training*
statistics:

- ``StandardScaler``: :math:`z = (x - \mu) / \sigma`, with the population
  standard deviation (``ddof=0``).
- ``MinMaxScaler``: :math:`z = a + (b - a)(x - \min) / (\max - \min)` onto
  ``feature_range = (a, b)``.

A constant column has no spread to divide by; its scale is taken to be 1, as
in scikit-learn, so it maps to 0 (``StandardScaler``) or to ``a``
(``MinMaxScaler``).
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from mathforml.preprocessing._common import _as_data, _check_bool, _Transformer

__all__ = ["MinMaxScaler", "StandardScaler"]


def _standardize_params(X):
    """Column means and standard deviations; a constant column gets scale 1."""
    mean, std = X.mean(axis=0), X.std(axis=0)  # population std (ddof=0)
    # constant: a spread lost in the rounding of the mean (as in scikit-learn)
    constant = std <= X.shape[0] * np.finfo(float).eps * np.abs(mean)
    return mean, np.where(constant, 1.0, std)


def _minmax_params(X):
    """Column minima and ranges; a range of zero is replaced by 1."""
    data_min = X.min(axis=0)
    data_range = X.max(axis=0) - data_min
    # zero up to rounding: below 10 machine epsilons, as in scikit-learn
    zero = data_range < 10 * np.finfo(float).eps
    return data_min, np.where(zero, 1.0, data_range)


class StandardScaler(_Transformer):
    r"""Standardize each column: subtract its mean, divide by its standard
    deviation.

    :math:`z_{ij} = (x_{ij} - \mu_j) / \sigma_j` with :math:`\mu_j` and
    :math:`\sigma_j` the mean and population standard deviation (``ddof=0``) of
    column :math:`j` of the training data (:ref:`sec-scaling`).

    Parameters
    ----------
    with_mean : bool, default True
        Subtract the mean.
    with_std : bool, default True
        Divide by the standard deviation.

    Attributes
    ----------
    mean_ : numpy.ndarray, shape (n_features,) or None
        Column means (``None`` when both options are off, as in scikit-learn).
    var_ : numpy.ndarray, shape (n_features,) or None
        Column variances (``None`` when ``with_std=False``).
    scale_ : numpy.ndarray, shape (n_features,) or None
        Column standard deviations, 1.0 for a constant column (so it maps to 0,
        never to NaN); ``None`` when ``with_std=False``.
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Notes
    -----
    A column counts as constant when its standard deviation is lost in the
    rounding of its mean, :math:`\sigma_j \le n\,\varepsilon\,|\mu_j|`
    (scikit-learn's rule, in effect): ``np.std`` of a column of equal values
    such as ``0.1`` is about ``1e-17``, not 0, and dividing by it would blow
    rounding errors up to order 1.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 5.0], [3.0, 5.0]])
    >>> scaler = StandardScaler().fit(X)
    >>> scaler.mean_, scaler.scale_
    (array([2., 5.]), array([1., 1.]))
    >>> scaler.transform(np.array([[2.0, 5.0], [4.0, 6.0]]))
    array([[0., 0.],
           [2., 1.]])
    """

    def __init__(self, *, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std

    def fit(self, X: ArrayLike, y=None) -> StandardScaler:
        """Learn the column means and standard deviations; returns ``self``."""
        with_mean = _check_bool(self.with_mean, name="with_mean")
        with_std = _check_bool(self.with_std, name="with_std")
        X = _as_data(X)
        mean, scale = _standardize_params(X)
        self.mean_ = mean if (with_mean or with_std) else None
        self.var_ = X.var(axis=0) if with_std else None
        self.scale_ = scale if with_std else None
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """Standardize ``X`` with the *training* means and scales."""
        X = self._check_transform_input(X)
        center = self.mean_ if self.with_mean else 0.0
        scale = self.scale_ if self.with_std else 1.0
        return (X - center) / scale

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """Undo :meth:`transform`: ``X * scale_ + mean_``."""
        X = self._check_transform_input(X)
        center = self.mean_ if self.with_mean else 0.0
        scale = self.scale_ if self.with_std else 1.0
        return X * scale + center

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The output columns' names: the input names, unchanged."""
        return np.asarray(self._input_names(input_features), dtype=object)


class MinMaxScaler(_Transformer):
    r"""Map each column linearly onto ``feature_range``: its training minimum
    to ``a``, its training maximum to ``b``.

    :math:`z_{ij} = a + (b - a)(x_{ij} - m_j) / r_j` with :math:`m_j` the
    minimum and :math:`r_j = M_j - m_j` the range of column :math:`j` of the
    training data (:ref:`sec-scaling`). Rows outside the training range map
    outside ``[a, b]``.

    Parameters
    ----------
    feature_range : tuple (a, b), default (0, 1)
        The target interval, ``a < b``.

    Attributes
    ----------
    data_min_, data_max_ : numpy.ndarray, shape (n_features,)
        Column minima and maxima of the training data.
    data_range_ : numpy.ndarray, shape (n_features,)
        ``data_max_ - data_min_`` (0 for a constant column).
    scale_ : numpy.ndarray, shape (n_features,)
        ``(b - a) / data_range_``, with a zero range taken as 1 (a constant
        column maps to ``a``). As in scikit-learn, a range below 10 machine
        epsilons counts as zero.
    min_ : numpy.ndarray, shape (n_features,)
        ``a - data_min_ * scale_``, so that
        ``transform(X) = X * scale_ + min_``.
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 10.0], [2.0, 30.0]])
    >>> scaler = MinMaxScaler().fit(X)
    >>> scaler.transform(np.array([[1.0, 20.0], [4.0, 10.0]]))
    array([[0.5, 0.5],
           [2. , 0. ]])
    """

    def __init__(self, *, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X: ArrayLike, y=None) -> MinMaxScaler:
        """Learn the column minima and ranges; returns ``self``."""
        a, b = _check_feature_range(self.feature_range)
        X = _as_data(X)
        data_min, data_range = _minmax_params(X)
        self.data_min_ = data_min
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - data_min
        self.scale_ = (b - a) / data_range
        self.min_ = a - data_min * self.scale_
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """Scale ``X`` with the *training* minima and ranges."""
        X = self._check_transform_input(X)
        return X * self.scale_ + self.min_  # = a + (b - a)(X - min) / range

    def inverse_transform(self, X: ArrayLike) -> np.ndarray:
        """Undo :meth:`transform`: ``(X - min_) / scale_``."""
        X = self._check_transform_input(X)
        return (X - self.min_) / self.scale_

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The output columns' names: the input names, unchanged."""
        return np.asarray(self._input_names(input_features), dtype=object)


def _check_feature_range(feature_range):
    try:
        a, b = feature_range
    except (TypeError, ValueError):
        raise TypeError(
            "feature_range must be a pair (min, max) of numbers; got "
            f"{feature_range!r}."
        ) from None
    for v in (a, b):
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise TypeError(
                "feature_range must be a pair (min, max) of numbers; got "
                f"{feature_range!r}."
            )
    if not (np.isfinite(a) and np.isfinite(b) and a < b):
        raise ValueError(
            "feature_range must be (min, max) with finite min < max; got "
            f"{feature_range!r}."
        )
    return float(a), float(b)
