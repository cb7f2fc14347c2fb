"""Numerical integration: the trapezoid and Simpson rules, and plain Monte Carlo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mathforml._validation import as_array, check_int, check_rng, check_scalar
from mathforml.calculus._checks import check_callable

__all__ = ["MonteCarloResult", "monte_carlo_integral", "simpson", "trapezoid"]


def trapezoid(
    f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int
) -> float:
    r"""Approximate :math:`\int_a^b f(x)\,dx` by the composite trapezoid rule.

    Parameters
    ----------
    f : callable
        A vectorized function: maps an array of points of shape (n + 1,) to their values.
    a, b : float
        The limits of integration (``a > b`` gives the negative integral).
    n : int
        The number of subintervals, ``>= 1``.

    Returns
    -------
    float
        The approximation.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``a``, ``b`` are not real or ``n`` is not an integer.
    ValueError
        If ``n < 1`` or ``f`` does not return one value per point.

    Notes
    -----
    :ref:`sec-integration`. With :math:`h = (b - a)/n` and :math:`x_k = a + kh`,

    .. math::

        \int_a^b f(x)\,dx \approx h \left( \tfrac12 f(x_0) + f(x_1) + \dots + f(x_{n-1})
        + \tfrac12 f(x_n) \right),

    exact for straight lines, with error :math:`-\frac{(b-a) h^2}{12} f''(\xi) = O(n^{-2})`.

    Examples
    --------
    >>> trapezoid(lambda x: x**2, 0.0, 1.0, 2)  # exact value 1/3
    0.375
    """
    y, h = _samples(f, a, b, n)
    return float(h * (np.sum(y) - (y[0] + y[-1]) / 2))


def simpson(
    f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int
) -> float:
    r"""Approximate :math:`\int_a^b f(x)\,dx` by the composite Simpson rule.

    Parameters
    ----------
    f : callable
        A vectorized function: maps an array of points of shape (n + 1,) to their values.
    a, b : float
        The limits of integration.
    n : int
        The number of subintervals, even and ``>= 2``.

    Returns
    -------
    float
        The approximation.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``a``, ``b`` are not real or ``n`` is not an integer.
    ValueError
        If ``n`` is odd or ``< 2``, or ``f`` does not return one value per point.

    Notes
    -----
    :ref:`sec-integration`. A parabola through each pair of subintervals gives weights
    :math:`1, 4, 2, 4, \dots, 2, 4, 1`:

    .. math::

        \int_a^b f(x)\,dx \approx \frac{h}{3} \left( f(x_0) + 4 f(x_1) + 2 f(x_2) + \dots
        + 4 f(x_{n-1}) + f(x_n) \right),

    exact for cubics, with error :math:`-\frac{(b-a) h^4}{180} f^{(4)}(\xi) = O(n^{-4})`.

    Examples
    --------
    >>> round(simpson(lambda x: x**3, 0.0, 2.0, 2), 12)  # exact for cubics
    4.0
    """
    n = check_int(n, name="n", minimum=2)
    if n % 2:
        raise ValueError(
            f"n must be even for Simpson's rule; got n={n}. Use n={n + 1}."
        )
    y, h = _samples(f, a, b, n)
    return float(
        h / 3 * (y[0] + 4 * np.sum(y[1:-1:2]) + 2 * np.sum(y[2:-1:2]) + y[-1])
    )


@dataclass(frozen=True)
class MonteCarloResult:
    """A Monte Carlo estimate with its standard error (``estimate ± 2 * std_error`` is a
    95% confidence interval) and the number of samples ``n``.

    Notes
    -----
    :ref:`sec-integration` uses it for the estimate :func:`monte_carlo_integral` returns.
    """

    estimate: float
    std_error: float
    n: int


def monte_carlo_integral(
    f: Callable[[np.ndarray], np.ndarray], low, high, n: int, *, rng=None
) -> MonteCarloResult:
    r"""Estimate the integral of ``f`` over the box ``[low, high]`` by uniform sampling.

    Parameters
    ----------
    f : callable
        Vectorized: for scalar limits maps points of shape (n,) to values of shape (n,); for
        vector limits of length d maps points of shape (n, d) to values of shape (n,).
    low, high : float or array_like, shape (d,)
        The corners of the box, ``low < high`` in every coordinate.
    n : int
        Number of samples, ``>= 2``.
    rng : None, int or numpy.random.Generator, optional
        Source of the sample points.

    Returns
    -------
    MonteCarloResult
        ``estimate``, ``std_error`` and ``n``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or the limits are not numeric.
    ValueError
        If ``low``, ``high`` differ in shape or ``low >= high`` somewhere, ``n < 2``, or ``f``
        does not return one value per sample.

    Notes
    -----
    :ref:`sec-integration` and :ref:`sec-limit-theorems` (why it converges).
    With :math:`V` the volume of the box and
    :math:`X_k` uniform in it,

    .. math::

        \int f \approx V \bar{f} = \frac{V}{n} \sum_{k=1}^n f(X_k), \qquad
        \text{SE} = \frac{V s}{\sqrt{n}},

    where :math:`s` is the sample standard deviation of the :math:`f(X_k)`. The error
    shrinks like :math:`n^{-1/2}` in every dimension, which is why sampling wins in high
    dimensions.

    Examples
    --------
    >>> result = monte_carlo_integral(lambda x: x**2, 0.0, 1.0, 10_000, rng=0)
    >>> bool(abs(result.estimate - 1 / 3) < 4 * result.std_error)
    True
    """
    check_callable(f)
    low, high = as_array(low, name="low"), as_array(high, name="high")
    n = check_int(n, name="n", minimum=2)
    if low.shape != high.shape or low.ndim > 1:
        raise ValueError(
            f"low and high must be scalars or vectors of one shape; got "
            f"{low.shape} and {high.shape}."
        )
    if np.any(low >= high):
        raise ValueError(
            f"low must be < high in every coordinate; got low={low}, high={high}."
        )
    return _monte_carlo(f, low, high, n, check_rng(rng))


def _monte_carlo(f, low, high, n: int, rng) -> MonteCarloResult:
    """Volume times the mean of f at n uniform points, with its standard error."""
    X = rng.uniform(low, high, size=(n, *low.shape))
    y = _values(f, X, n)
    volume = float(np.prod(high - low))
    estimate = volume * float(np.mean(y))
    std_error = volume * float(np.std(y, ddof=1)) / np.sqrt(n)
    return MonteCarloResult(estimate, std_error, n)


def _samples(f, a, b, n: int) -> tuple[np.ndarray, float]:
    """Check the arguments; return f on the n + 1 equally spaced points and the spacing."""
    check_callable(f)
    a, b = check_scalar(a, name="a"), check_scalar(b, name="b")
    n = check_int(n, name="n", minimum=1)
    return _values(f, np.linspace(a, b, n + 1), n + 1), (b - a) / n


def _values(f, X: np.ndarray, count: int) -> np.ndarray:
    y = np.asarray(f(X), dtype=float)
    if y.shape != (count,):
        raise ValueError(
            f"f must be vectorized and return one value per point, shape ({count},); got "
            f"shape {y.shape}. Wrap a scalar function with np.vectorize(f)."
        )
    return y
