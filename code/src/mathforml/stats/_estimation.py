"""Estimation: maximum likelihood for a normal sample, and confidence
intervals from the t distribution and from the bootstrap."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from mathforml._validation import check_int, check_rng, check_scalar
from mathforml.stats._checks import check_level, sample

__all__ = ["bootstrap_ci", "mle_normal", "t_confidence_interval"]


def mle_normal(x: ArrayLike) -> tuple[float, float]:
    r"""Maximum-likelihood estimates of the mean and standard deviation.

    Parameters
    ----------
    x : array_like, shape (n,)
        A sample assumed drawn from :math:`\mathcal N(\mu, \sigma^2)`.

    Returns
    -------
    mu, sigma : float
        The sample mean and the standard deviation that divides by
        :math:`n` (``ddof=0``), not :math:`n - 1`.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, is empty or holds NaN or inf.
    TypeError
        If ``x`` is not numeric.

    Notes
    -----
    :ref:`sec-maximum-likelihood`. Setting the derivatives of the
    log-likelihood to zero gives

    .. math::

        \hat\mu = \frac1n \sum_{i=1}^n x_i, \qquad
        \hat\sigma^2 = \frac1n \sum_{i=1}^n (x_i - \hat\mu)^2.

    One sample is enough to compute them (it gives
    :math:`\hat\sigma = 0`), but :math:`\hat\sigma^2` is biased low by the
    factor :math:`(n-1)/n` (:ref:`sec-estimators`).

    Examples
    --------
    >>> mle_normal([1.0, 2.0, 3.0, 6.0])
    (3.0, 1.8708286933869707)
    """
    return _mle_normal(sample(x))


def _mle_normal(x):
    n = x.size
    mu = np.sum(x) / n
    sigma = np.sqrt(np.sum((x - mu) ** 2) / n)
    return float(mu), float(sigma)


def t_confidence_interval(
    x: ArrayLike, *, level: float = 0.95
) -> tuple[float, float]:
    r"""Confidence interval for the mean of a normal sample.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample, at least two values.
    level : float, default 0.95
        The confidence level, strictly between 0 and 1.

    Returns
    -------
    low, high : float
        The interval's ends.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, holds fewer than 2 values or NaN or inf, or
        ``level`` is not in (0, 1).
    TypeError
        If ``x`` or ``level`` is not numeric.

    Notes
    -----
    :ref:`sec-confidence-intervals`. With the sample mean
    :math:`\bar x`, the sample standard deviation :math:`s` (``ddof=1``)
    and the quantile :math:`t_{n-1,\,(1+\text{level})/2}` of Student's t
    distribution with :math:`n - 1` degrees of freedom,

    .. math::

        \bar x \pm t_{n-1,\,(1+\text{level})/2}\, \frac{s}{\sqrt n}.

    It matches ``scipy.stats.t.interval(level, n - 1, loc=mean,
    scale=s / sqrt(n))``.

    Examples
    --------
    >>> low, high = t_confidence_interval([4.1, 5.0, 5.9, 4.6, 5.4])
    >>> round(low, 3), round(high, 3)
    (4.135, 5.865)
    """
    x = sample(x, minimum=2)
    return _t_interval(x, check_level(level))


def _t_interval(x, level):
    n = x.size
    mean, s = x.mean(), x.std(ddof=1)
    t = stats.t.ppf((1 + level) / 2, df=n - 1)
    half_width = t * s / np.sqrt(n)
    return float(mean - half_width), float(mean + half_width)


def bootstrap_ci(
    x: ArrayLike,
    statistic: Callable[[np.ndarray], float],
    *,
    n_boot: int = 2000,
    level: float = 0.95,
    rng=None,
) -> tuple[float, float]:
    r"""Percentile bootstrap confidence interval for any statistic.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample.
    statistic : callable
        Maps a 1-D array to one real number, e.g. ``np.median``.
    n_boot : int, default 2000
        The number of resamples, ``>= 1``.
    level : float, default 0.95
        The confidence level, strictly between 0 and 1.
    rng : None, int or numpy.random.Generator, optional
        Source of the resampling indices.

    Returns
    -------
    low, high : float
        The interval's ends.

    Raises
    ------
    TypeError
        If ``statistic`` is not callable or ``statistic(x)`` is not a real
        number (None, a string, an array), or another argument has the
        wrong type.
    ValueError
        If ``x`` is not 1-D, is empty or holds NaN or inf, ``statistic``
        returns NaN or inf, ``n_boot < 1`` or ``level`` is not in (0, 1).

    Notes
    -----
    :ref:`sec-confidence-intervals`. Draw :math:`B` = ``n_boot`` samples
    :math:`x^{*1}, \dots, x^{*B}` of size :math:`n` from ``x`` with
    replacement, compute :math:`\hat\theta^{*b} = T(x^{*b})` for each,
    and report the quantiles

    .. math::

        \Bigl[\hat\theta^*_{(1-\text{level})/2},\;
        \hat\theta^*_{(1+\text{level})/2}\Bigr].

    The spread of :math:`\hat\theta^*` around :math:`T(x)` stands in for
    the spread of :math:`T(x)` around the unknown true value.

    Examples
    --------
    >>> x = np.array([2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 4.0, 2.5])
    >>> low, high = bootstrap_ci(x, np.median, rng=0)
    >>> bool(low <= np.median(x) <= high)
    True
    >>> bootstrap_ci(x, np.median, rng=0) == (low, high)  # same seed
    True
    """
    x = sample(x)
    _check_statistic(statistic, x)
    n_boot = check_int(n_boot, name="n_boot", minimum=1)
    level, rng = check_level(level), check_rng(rng)
    with np.errstate(invalid="ignore"):  # inf - inf if a value is inf
        low, high = _bootstrap(x, statistic, n_boot, level, rng)
    if not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError(
            "statistic returned NaN or inf on some resamples, so the "
            f"interval ({low}, {high}) is undefined."
        )
    return low, high


def _bootstrap(x, statistic, n_boot, level, rng):
    n = x.size
    idx = rng.integers(0, n, size=(n_boot, n))  # resample with replacement
    thetas = np.array([statistic(x[i]) for i in idx], dtype=float)
    tail = (1 - level) / 2
    low, high = np.quantile(thetas, [tail, 1 - tail])
    return float(low), float(high)


def _check_statistic(statistic, x) -> None:
    """Refuse a statistic that cannot be called or does not return a number."""
    if not callable(statistic):
        raise TypeError(
            "statistic must be a callable such as np.mean or np.median; got "
            f"{type(statistic).__name__} {statistic!r}."
        )
    value = statistic(x)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    check_scalar(value, name="statistic(x)")
