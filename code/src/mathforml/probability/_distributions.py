"""The standard one-dimensional distributions, each with one surface.

``pmf``/``pdf``, ``logpmf``/``logpdf``, ``cdf``, ``sf`` (the survival function
``P(X > x)``), ``mean()``, ``var()`` and ``sample(size, rng=None)``; the continuous ones also
have ``ppf``, the inverse of the CDF. Parameters are validated when the object is made.
Special functions (``gammaln``, ``erfc``, regularized incomplete gamma and beta) come from
SciPy: they are not what these pages teach.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from mathforml._validation import as_array, check_int, check_rng, check_scalar

__all__ = [
    "Bernoulli",
    "Binomial",
    "Exponential",
    "Normal",
    "Poisson",
    "Uniform",
]


def _points(x, name: str = "x") -> np.ndarray:
    return as_array(x, name=name, allow_empty=True, finite=False)


def _out(values: np.ndarray):
    """Scalars in, scalars out; arrays in, arrays out."""
    return float(values) if np.ndim(values) == 0 else values


class _Distribution:
    """What every distribution shares: sampling size checks and a readable repr."""

    _params: tuple[str, ...] = ()

    def __repr__(self) -> str:
        args = ", ".join(f"{p}={getattr(self, p)!r}" for p in self._params)
        return f"{type(self).__name__}({args})"

    def std(self) -> float:
        """The standard deviation, the square root of :meth:`var`."""
        return math.sqrt(self.var())

    def sample(self, size=None, *, rng=None):
        """Draw ``size`` independent samples (a float or int when ``size`` is None)."""
        if size is not None:
            shape = (size,) if np.ndim(size) == 0 else tuple(size)
            for n in shape:
                check_int(n, name="size", minimum=0)
        else:
            shape = ()
        draws = self._sample(check_rng(rng), shape)
        return draws.item() if size is None else draws


class _Discrete(_Distribution):
    def pmf(self, k: ArrayLike):
        """``P(X = k)``; 0 off the support (non-integers included)."""
        return _out(np.exp(self._logpmf(_points(k, "k"))))

    def logpmf(self, k: ArrayLike):
        """``log P(X = k)``; ``-inf`` off the support, finite where ``pmf`` underflows."""
        return _out(self._logpmf(_points(k, "k")))

    def _logpmf(self, k: np.ndarray) -> np.ndarray:
        on = (k == np.floor(k)) & self._in_support(k)
        safe = np.where(on, k, self._lowest)
        with np.errstate(divide="ignore"):
            return np.where(on, self._logpmf_on(safe), -np.inf)

    def cdf(self, k: ArrayLike):
        """``P(X <= k)``."""
        return _out(self._cdf(np.floor(_points(k, "k"))))

    def sf(self, k: ArrayLike):
        """``P(X > k)``, computed directly, so it stays accurate far in the tail."""
        return _out(self._sf(np.floor(_points(k, "k"))))


class Bernoulli(_Discrete):
    r"""One trial that succeeds (1) with probability ``p`` and fails (0) otherwise.

    Parameters
    ----------
    p : float
        Probability of success, in :math:`[0, 1]`.

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Bernoulli(0.3)
    >>> X.pmf([0, 1]), X.mean(), round(X.var(), 2)
    (array([0.7, 0.3]), 0.3, 0.21)
    """

    _params = ("p",)
    _lowest = 0

    def __init__(self, p: float):
        self.p = check_scalar(p, name="p", low=0, high=1)

    def _in_support(self, k):
        return (k == 0) | (k == 1)

    def _logpmf_on(self, k):
        with np.errstate(divide="ignore"):
            return np.where(k == 1, np.log(self.p), np.log1p(-self.p))

    def _cdf(self, k):
        return np.where(k < 0, 0.0, np.where(k < 1, 1 - self.p, 1.0))

    def _sf(self, k):
        return np.where(k < 0, 1.0, np.where(k < 1, self.p, 0.0))

    def mean(self) -> float:
        return self.p

    def var(self) -> float:
        return self.p * (1 - self.p)

    def _sample(self, rng, shape):
        return (rng.random(shape) < self.p).astype(int)


class Binomial(_Discrete):
    r"""The number of successes in ``n`` independent trials, each a success with prob. ``p``.

    .. math:: P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k}, \quad k = 0, \dots, n.

    Parameters
    ----------
    n : int
        Number of trials, ``n >= 0``.
    p : float
        Probability of success of each trial, in :math:`[0, 1]`.

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Binomial(10, 0.5)
    >>> round(X.pmf(5), 4), X.mean(), X.var()
    (0.2461, 5.0, 2.5)
    """

    _params = ("n", "p")
    _lowest = 0

    def __init__(self, n: int, p: float):
        self.n = check_int(n, name="n", minimum=0)
        self.p = check_scalar(p, name="p", low=0, high=1)

    def _in_support(self, k):
        return (k >= 0) & (k <= self.n)

    def _logpmf_on(self, k):
        n, p = self.n, self.p
        log_choose = (
            special.gammaln(n + 1)
            - special.gammaln(k + 1)
            - special.gammaln(n - k + 1)
        )
        return log_choose + special.xlogy(k, p) + special.xlog1py(n - k, -p)

    def _cdf(self, k):
        k = np.clip(k, -1, self.n)
        return np.where(
            k < 0, 0.0, special.bdtr(np.maximum(k, 0), self.n, self.p)
        )

    def _sf(self, k):
        k = np.clip(k, -1, self.n)
        return np.where(
            k < 0, 1.0, special.bdtrc(np.maximum(k, 0), self.n, self.p)
        )

    def mean(self) -> float:
        return self.n * self.p

    def var(self) -> float:
        return self.n * self.p * (1 - self.p)

    def _sample(self, rng, shape):
        return (rng.random((*shape, self.n)) < self.p).sum(axis=-1)


class Poisson(_Discrete):
    r"""Counts of rare events in a fixed window, ``lam`` of them on average.

    .. math:: P(X = k) = e^{-\lambda} \frac{\lambda^k}{k!}, \quad k = 0, 1, 2, \dots

    Parameters
    ----------
    lam : float
        The rate :math:`\lambda > 0`: the mean and the variance.

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Poisson(3.0)
    >>> round(X.pmf(2), 4), X.mean(), X.var()
    (0.224, 3.0, 3.0)
    """

    _params = ("lam",)
    _lowest = 0

    def __init__(self, lam: float):
        self.lam = check_scalar(lam, name="lam", low=0, low_inclusive=False)

    def _in_support(self, k):
        return k >= 0

    def _logpmf_on(self, k):
        return k * np.log(self.lam) - self.lam - special.gammaln(k + 1)

    def _cdf(self, k):
        return np.where(k < 0, 0.0, special.pdtr(np.maximum(k, 0), self.lam))

    def _sf(self, k):
        return np.where(k < 0, 1.0, special.pdtrc(np.maximum(k, 0), self.lam))

    def mean(self) -> float:
        return self.lam

    def var(self) -> float:
        return self.lam

    def _sample(self, rng, shape):
        return rng.poisson(self.lam, shape)


class _Continuous(_Distribution):
    def pdf(self, x: ArrayLike):
        """The density at ``x`` (0 off the support)."""
        return _out(np.exp(self._logpdf(_points(x))))

    def logpdf(self, x: ArrayLike):
        """The log-density; ``-inf`` off the support, finite where ``pdf`` underflows."""
        return _out(self._logpdf(_points(x)))

    def cdf(self, x: ArrayLike):
        """``P(X <= x)``."""
        return _out(self._cdf(_points(x)))

    def sf(self, x: ArrayLike):
        """``P(X > x)``, computed directly, so it stays accurate far in the tail."""
        return _out(self._sf(_points(x)))

    def ppf(self, q: ArrayLike):
        """The quantile function, the inverse of :meth:`cdf`, for ``q`` in [0, 1]."""
        q = _points(q, "q")
        if np.any((q < 0) | (q > 1) | np.isnan(q)):
            raise ValueError(
                "q must hold probabilities in [0, 1]; got values outside."
            )
        return _out(self._ppf(q))

    def _sample(self, rng, shape):
        return self._ppf(rng.random(shape))  # inverse-CDF sampling


class Uniform(_Continuous):
    r"""Every value in ``[low, high]`` equally likely: density :math:`1/(b - a)`.

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Uniform(0, 2)
    >>> X.pdf(1.0), X.cdf(0.5), X.mean(), round(X.var(), 4)
    (0.5, 0.25, 1.0, 0.3333)
    """

    _params = ("low", "high")

    def __init__(self, low: float = 0.0, high: float = 1.0):
        self.low = check_scalar(low, name="low")
        self.high = check_scalar(high, name="high")
        if not self.high > self.low:
            raise ValueError(
                f"high must be > low; got low={self.low}, high={self.high}."
            )

    def _logpdf(self, x):
        inside = (x >= self.low) & (x <= self.high)
        return np.where(inside, -np.log(self.high - self.low), -np.inf)

    def _cdf(self, x):
        return np.clip((x - self.low) / (self.high - self.low), 0.0, 1.0)

    def _sf(self, x):
        return np.clip((self.high - x) / (self.high - self.low), 0.0, 1.0)

    def _ppf(self, q):
        return self.low + q * (self.high - self.low)

    def mean(self) -> float:
        return (self.low + self.high) / 2

    def var(self) -> float:
        return (self.high - self.low) ** 2 / 12


class Normal(_Continuous):
    r"""The Gaussian: mean ``mu``, standard deviation ``sigma`` (not the variance).

    .. math:: p(x) = \frac{1}{\sigma\sqrt{2\pi}}
              \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr)

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Normal(0.0, 1.0)
    >>> round(X.pdf(0.0), 4), X.cdf(0.0), round(X.ppf(0.975), 3)
    (0.3989, 0.5, 1.96)
    >>> X.logpdf(40.0)  # the density underflows to 0; its log does not
    -800.9189385332047
    """

    _params = ("mu", "sigma")

    def __init__(self, mu: float = 0.0, sigma: float = 1.0):
        self.mu = check_scalar(mu, name="mu")
        self.sigma = check_scalar(
            sigma, name="sigma", low=0, low_inclusive=False
        )

    def _logpdf(self, x):
        z = (x - self.mu) / self.sigma
        return -0.5 * z**2 - np.log(self.sigma) - 0.5 * np.log(2 * np.pi)

    def _cdf(self, x):
        return special.ndtr((x - self.mu) / self.sigma)

    def _sf(self, x):
        return special.ndtr(-(x - self.mu) / self.sigma)

    def _ppf(self, q):
        return self.mu + self.sigma * special.ndtri(q)

    def mean(self) -> float:
        return self.mu

    def var(self) -> float:
        return self.sigma**2

    def _sample(self, rng, shape):
        return self.mu + self.sigma * rng.standard_normal(shape)


class Exponential(_Continuous):
    r"""Waiting time to the next event when events come at ``rate`` per unit time.

    .. math:: p(x) = \lambda e^{-\lambda x}, \quad x \ge 0.

    Memoryless: :math:`P(X > s + t \mid X > s) = P(X > t)`.

    Notes
    -----
    :ref:`sec-distributions` teaches this distribution with the others of the module.

    Examples
    --------
    >>> X = Exponential(2.0)
    >>> X.mean(), X.var(), round(X.sf(1.0), 4)
    (0.5, 0.25, 0.1353)
    """

    _params = ("rate",)

    def __init__(self, rate: float = 1.0):
        self.rate = check_scalar(rate, name="rate", low=0, low_inclusive=False)

    def _logpdf(self, x):
        with np.errstate(invalid="ignore"):
            return np.where(x >= 0, np.log(self.rate) - self.rate * x, -np.inf)

    def _cdf(self, x):
        return np.where(x >= 0, -np.expm1(-self.rate * np.maximum(x, 0)), 0.0)

    def _sf(self, x):
        return np.where(x >= 0, np.exp(-self.rate * np.maximum(x, 0)), 1.0)

    def _ppf(self, q):
        with np.errstate(divide="ignore"):
            return -np.log1p(-q) / self.rate

    def mean(self) -> float:
        return 1 / self.rate

    def var(self) -> float:
        return 1 / self.rate**2
