r"""Scores for numeric predictions: mean squared error, mean absolute error and the
coefficient of determination :math:`R^2` (:ref:`sec-metrics`).

All three equal scikit-learn's, with one documented exception: for a constant
``y_true`` this module tests "constant" exactly, where scikit-learn compares a
rounded mean (see :func:`r2_score`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_vector
from mathforml.metrics._classification import _check_same_length

__all__ = ["mean_absolute_error", "mean_squared_error", "r2_score"]


def _check_targets(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    y_true = as_vector(y_true, name="y_true")
    y_pred = as_vector(y_pred, name="y_pred")
    _check_same_length(y_true, y_pred, ("y_true", "y_pred"))
    return y_true, y_pred


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""The mean squared error :math:`\frac1n \sum_i (y_i - \hat y_i)^2`
    (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted values, finite numbers.

    Returns
    -------
    float
        In the squared units of ``y``; its square root is the RMSE.

    Examples
    --------
    >>> mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    1.3333333333333333
    """
    y_true, y_pred = _check_targets(y_true, y_pred)
    return float(np.mean((y_true - y_pred) ** 2))


def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""The mean absolute error :math:`\frac1n \sum_i |y_i - \hat y_i|`
    (:ref:`sec-metrics`).

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted values, finite numbers.

    Returns
    -------
    float
        In the units of ``y``; less moved by a few large errors than the MSE.

    Examples
    --------
    >>> mean_absolute_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    0.6666666666666666
    """
    y_true, y_pred = _check_targets(y_true, y_pred)
    return float(np.mean(np.abs(y_true - y_pred)))


def _r2(y, y_hat) -> float:
    """1 - (residual sum of squares) / (total sum of squares about the mean)."""
    ss_res = np.sum((y - y_hat) ** 2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    return float(1 - ss_res / ss_tot)


def r2_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""The coefficient of determination (:ref:`sec-metrics`)

    .. math::

        R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}
            = 1 - \frac{\mathrm{MSE}}{\operatorname{Var}(y)}:

    the fraction of the variance of ``y`` the predictions explain. 1 is perfect,
    0 is what predicting the mean :math:`\bar y` scores, and it is negative for
    predictions worse than that.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n_samples,)
        True and predicted values, finite numbers; at least two samples.

    Returns
    -------
    float
        For a constant ``y_true`` the ratio is :math:`0/0` or :math:`c/0`; as in
        scikit-learn the score is then 1.0 if the predictions are perfect and
        0.0 otherwise. "Constant" is tested exactly (all values equal);
        scikit-learn instead divides by the rounding error of the mean when the
        mean of equal values is not exact (``[0.1, 0.1, 0.1]`` gives it about
        :math:`-5 \times 10^{33}`, this function 0.0).

    Raises
    ------
    ValueError
        If the lengths differ, a value is not finite, or there is one sample
        (scikit-learn returns NaN with a warning).

    Examples
    --------
    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    1.0
    >>> r2_score([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    0.0
    >>> r2_score([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
    -3.0
    """
    y_true, y_pred = _check_targets(y_true, y_pred)
    if y_true.size < 2:
        raise ValueError(
            "r2_score needs at least 2 samples (R^2 compares with the variance "
            f"of y_true); got {y_true.size}."
        )
    if np.all(y_true == y_true[0]):  # constant: no variance to explain
        return 1.0 if np.array_equal(y_true, y_pred) else 0.0
    return _r2(y_true, y_pred)
