"""Student's one-sample t-test and Welch's two-sample t-test."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from mathforml._validation import check_scalar
from mathforml.stats._checks import (
    check_alternative,
    check_not_constant,
    sample,
)

__all__ = ["TTestResult", "ttest_1samp", "ttest_welch"]


@dataclass(frozen=True)
class TTestResult:
    """What a t-test found: the t statistic, its p-value and the degrees
    of freedom of the t distribution it was compared with.

    Notes
    -----
    :ref:`sec-hypothesis-tests` teaches the t-tests that return it.
    """

    statistic: float
    pvalue: float
    df: float


def ttest_1samp(
    x: ArrayLike, mu0: float, *, alternative: str = "two-sided"
) -> TTestResult:
    r"""Test whether a normal sample's mean is ``mu0``.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample, at least two values, not all equal.
    mu0 : float
        The mean under the null hypothesis :math:`H_0: \mu = \mu_0`.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        The alternative hypothesis: :math:`\mu \ne \mu_0`,
        :math:`\mu < \mu_0` or :math:`\mu > \mu_0`.

    Returns
    -------
    TTestResult
        ``statistic``, ``pvalue`` and ``df`` :math:`= n - 1`.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, holds fewer than 2 values, NaN or inf, or is
        constant, or ``alternative`` is not one of the three.
    TypeError
        If ``x`` or ``mu0`` is not numeric or ``alternative`` not a string.

    Notes
    -----
    :ref:`sec-hypothesis-tests`. With :math:`s` the sample standard
    deviation (``ddof=1``),

    .. math::

        t = \frac{\bar x - \mu_0}{s / \sqrt n},

    which under :math:`H_0` follows Student's t distribution with
    :math:`n - 1` degrees of freedom. The p-value is
    :math:`2 P(T \ge |t|)`, :math:`P(T \le t)` or :math:`P(T \ge t)`.
    Same results as ``scipy.stats.ttest_1samp``.

    Examples
    --------
    >>> r = ttest_1samp([5.1, 4.9, 5.6, 5.8, 5.3, 5.5], 5.0)
    >>> round(r.statistic, 3), round(r.pvalue, 4), r.df
    (2.7, 0.0428, 5.0)
    """
    x = sample(x, minimum=2)
    mu0 = check_scalar(mu0, name="mu0")
    alternative = check_alternative(alternative)
    check_not_constant(("x", x))
    return _ttest_1samp(x, mu0, alternative)


def _ttest_1samp(x, mu0, alternative):
    n = x.size
    t = (x.mean() - mu0) / (x.std(ddof=1) / np.sqrt(n))
    df = n - 1
    return TTestResult(float(t), _pvalue(t, df, alternative), float(df))


def _pvalue(t, df, alternative):
    """The probability, under H0, of a t at least as extreme as this one."""
    if alternative == "less":
        return float(stats.t.cdf(t, df))
    if alternative == "greater":
        return float(stats.t.sf(t, df))
    return float(min(1.0, 2 * stats.t.sf(abs(t), df)))


def ttest_welch(
    x: ArrayLike, y: ArrayLike, *, alternative: str = "two-sided"
) -> TTestResult:
    r"""Test whether two normal samples have the same mean (Welch).

    The two populations may have different variances.

    Parameters
    ----------
    x, y : array_like, shape (n_x,) and (n_y,)
        The two samples, at least two values each, not both constant.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        The alternative hypothesis: :math:`\mu_x \ne \mu_y`,
        :math:`\mu_x < \mu_y` or :math:`\mu_x > \mu_y`.

    Returns
    -------
    TTestResult
        ``statistic``, ``pvalue`` and the Welch–Satterthwaite ``df`` (not
        an integer in general).

    Raises
    ------
    ValueError
        If a sample is not 1-D, holds fewer than 2 values, NaN or inf, both
        are constant, or ``alternative`` is not one of the three.
    TypeError
        If a sample is not numeric or ``alternative`` not a string.

    Notes
    -----
    :ref:`sec-hypothesis-tests`. With :math:`v_x = s_x^2/n_x` and
    :math:`v_y = s_y^2/n_y` (sample variances with ``ddof=1``),

    .. math::

        t = \frac{\bar x - \bar y}{\sqrt{v_x + v_y}}, \qquad
        \nu = \frac{(v_x + v_y)^2}
                   {v_x^2/(n_x - 1) + v_y^2/(n_y - 1)},

    compared with Student's t distribution with :math:`\nu` degrees of
    freedom. Same results as
    ``scipy.stats.ttest_ind(x, y, equal_var=False)``.

    Examples
    --------
    >>> x = [20.1, 22.3, 19.8, 21.5, 23.0]
    >>> y = [18.2, 19.0, 17.5, 18.8, 19.9, 18.1]
    >>> r = ttest_welch(x, y)
    >>> round(r.statistic, 3), round(r.pvalue, 4), round(r.df, 2)
    (3.908, 0.0071, 6.36)
    """
    x, y = sample(x, minimum=2), sample(y, name="y", minimum=2)
    alternative = check_alternative(alternative)
    check_not_constant(("x", x), ("y", y))
    return _ttest_welch(x, y, alternative)


def _ttest_welch(x, y, alternative):
    vx = x.var(ddof=1) / x.size  # squared standard error of each mean
    vy = y.var(ddof=1) / y.size
    t = (x.mean() - y.mean()) / np.sqrt(vx + vy)
    df = (vx + vy) ** 2 / (vx**2 / (x.size - 1) + vy**2 / (y.size - 1))
    return TTestResult(float(t), _pvalue(t, df, alternative), float(df))
