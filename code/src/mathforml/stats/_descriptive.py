"""Descriptive statistics: the numbers that summarize a sample."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_int
from mathforml.stats._checks import sample

__all__ = ["Description", "describe"]


@dataclass(frozen=True)
class Description:
    r"""The summary of a sample that :func:`describe` returns.

    Read a statistic as an attribute (``d.mean``) or by name
    (``d["mean"]``); ``d.keys()`` lists the names, so ``dict(d)`` works.

    Attributes
    ----------
    count : int
        The number of values :math:`n`.
    mean, median : float
        The sample mean :math:`\bar x` and the middle value.
    var, std : float
        The sample variance :math:`s^2` with the ``ddof`` it was asked for,
        and its square root.
    min, max : float
        The smallest and largest value.
    q1, q3 : float
        The first and third quartiles (linear interpolation, as
        ``np.quantile``).

    Notes
    -----
    :ref:`sec-descriptive-statistics` teaches the summaries it holds.
    """

    count: int
    mean: float
    median: float
    var: float
    std: float
    min: float
    max: float
    q1: float
    q3: float

    def keys(self) -> tuple[str, ...]:
        """The names of the statistics, in order."""
        return tuple(f.name for f in fields(self))

    def __getitem__(self, key: str):
        if key not in self.keys():
            raise KeyError(
                f"{key!r} is not a statistic of a Description; use one of "
                f"{', '.join(self.keys())}."
            )
        return getattr(self, key)


def describe(x: ArrayLike, *, ddof: int = 1) -> Description:
    r"""Count, mean, median, variance, spread and quartiles of a sample.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample: finite numbers, at least one.
    ddof : int, default 1
        "Delta degrees of freedom": the variance divides by
        :math:`n - \mathrm{ddof}`. 1 gives the unbiased sample variance,
        0 the maximum-likelihood one. Must lie in ``[0, n - 1]``.

    Returns
    -------
    Description
        ``count, mean, median, var, std, min, max, q1, q3``.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, is empty or holds NaN or inf, or ``ddof`` is
        outside ``[0, n - 1]``.
    TypeError
        If ``x`` is not numeric or ``ddof`` is not an integer.

    Notes
    -----
    :ref:`sec-descriptive-statistics`; why ``ddof=1`` removes the bias of
    the variance is in :ref:`sec-estimators`.

    .. math::

        \bar x = \frac1n \sum_{i=1}^n x_i, \qquad
        s^2 = \frac{1}{n - \mathrm{ddof}} \sum_{i=1}^n (x_i - \bar x)^2.

    The :math:`q`-quantile of the sorted values
    :math:`x_{(0)} \le \dots \le x_{(n-1)}` interpolates linearly at
    position :math:`h = (n-1)q`, as ``np.quantile`` does by default:

    .. math::

        Q(q) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)
        \bigl(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}\bigr).

    Examples
    --------
    >>> d = describe([2.0, 4.0, 4.0, 5.0, 6.0, 9.0])
    >>> d.count, d.mean, d.median, d.q1, d.q3
    (6, 5.0, 4.5, 4.0, 5.75)
    >>> d["var"], describe([1.0, 3.0], ddof=0).var
    (5.6, 1.0)
    """
    x = sample(x)
    ddof = check_int(ddof, name="ddof", minimum=0)
    if ddof >= x.size:
        raise ValueError(
            f"ddof must be at most n - 1 = {x.size - 1}, since the variance "
            f"divides by n - ddof; got {ddof}."
        )
    return _describe(x, ddof)


def _describe(x, ddof):
    n = x.size
    s = np.sort(x)
    mean = np.sum(x) / n
    var = np.sum((x - mean) ** 2) / (n - ddof)
    return Description(
        count=n,
        mean=float(mean),
        median=_quantile(s, 0.5),
        var=float(var),
        std=float(np.sqrt(var)),
        min=float(s[0]),
        max=float(s[-1]),
        q1=_quantile(s, 0.25),
        q3=_quantile(s, 0.75),
    )


def _quantile(s, q):
    """The q-quantile of the sorted array s, interpolating linearly."""
    h = (s.size - 1) * q
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
