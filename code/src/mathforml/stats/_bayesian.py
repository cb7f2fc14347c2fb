"""Bayesian inference for a proportion: the Beta prior is conjugate to
the binomial likelihood."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import special, stats

from mathforml._validation import as_array, check_int, check_scalar
from mathforml.stats._checks import check_level

__all__ = ["BetaPosterior", "beta_binomial_posterior"]


@dataclass(frozen=True)
class BetaPosterior:
    r"""The distribution :math:`\mathrm{Beta}(\alpha, \beta)` of a
    proportion :math:`\theta \in [0, 1]`, as :func:`beta_binomial_posterior`
    returns it.

    Attributes
    ----------
    alpha, beta : float
        The two shape parameters, both > 0.

    Notes
    -----
    :ref:`sec-bayesian-inference` teaches the Beta posterior of a coin.

    Examples
    --------
    >>> post = BetaPosterior(alpha=3.0, beta=5.0)
    >>> post.mean, round(post.var, 4), post.map
    (0.375, 0.026, 0.3333333333333333)
    >>> low, high = post.interval(level=0.9)
    >>> round(low, 3), round(high, 3)
    (0.129, 0.659)
    """

    alpha: float
    beta: float

    def __post_init__(self):
        for name in ("alpha", "beta"):
            value = getattr(self, name)
            value = check_scalar(value, name=name, low=0, low_inclusive=False)
            object.__setattr__(self, name, value)  # frozen: store the float

    @property
    def mean(self) -> float:
        r""":math:`\alpha / (\alpha + \beta)`."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def var(self) -> float:
        r""":math:`\alpha\beta / ((\alpha+\beta)^2 (\alpha+\beta+1))`."""
        a, b = self.alpha, self.beta
        return a * b / ((a + b) ** 2 * (a + b + 1))

    @property
    def map(self) -> float:
        r"""The mode: the most probable :math:`\theta` (the MAP estimate).

        :math:`(\alpha - 1)/(\alpha + \beta - 2)` when both parameters
        exceed 1. Otherwise the density is largest at an end of
        :math:`[0, 1]`: 0 when :math:`\alpha \le 1 \le \beta`, 1 when
        :math:`\beta \le 1 \le \alpha` (not both 1).

        Raises
        ------
        ValueError
            When the maximum is not unique: the flat
            :math:`\mathrm{Beta}(1, 1)`, and the U-shaped densities with
            both parameters below 1 (infinite at both ends).
        """
        a, b = self.alpha, self.beta
        if a > 1 and b > 1:
            return (a - 1) / (a + b - 2)
        if a >= 1 >= b and a > b:
            return 1.0  # the density increases towards theta = 1
        if b >= 1 >= a and b > a:
            return 0.0  # the density decreases from theta = 0
        raise ValueError(
            f"Beta({a:g}, {b:g}) has no unique mode: "
            + (
                "it is flat on [0, 1]."
                if a == b == 1
                else "its density is infinite at both 0 and 1."
            )
        )

    def interval(self, *, level: float = 0.95) -> tuple[float, float]:
        r"""Equal-tailed credible interval: the :math:`(1-\text{level})/2`
        and :math:`(1+\text{level})/2` quantiles (``scipy.stats.beta.ppf``).
        """
        tail = (1 - check_level(level)) / 2
        low, high = stats.beta.ppf([tail, 1 - tail], self.alpha, self.beta)
        return float(low), float(high)

    def pdf(self, theta: ArrayLike):
        r"""The density at ``theta`` (0 outside :math:`[0, 1]`):
        :math:`\theta^{\alpha-1}(1-\theta)^{\beta-1} / B(\alpha, \beta)`.

        A float for a float, an array for an array.
        """
        theta = as_array(theta, name="theta", allow_empty=True)
        t = np.clip(theta, 0.0, 1.0)
        a, b = self.alpha, self.beta
        log_p = (
            special.xlogy(a - 1, t)
            + special.xlog1py(b - 1, -t)
            - special.betaln(a, b)
        )
        p = np.where((theta >= 0) & (theta <= 1), np.exp(log_p), 0.0)
        return float(p) if p.ndim == 0 else p


def beta_binomial_posterior(
    a: float, b: float, k: int, n: int
) -> BetaPosterior:
    r"""Posterior of a success probability after ``k`` successes in ``n``
    trials, starting from the prior :math:`\mathrm{Beta}(a, b)`.

    Parameters
    ----------
    a, b : float
        The prior's shape parameters, both > 0. ``a = b = 1`` is the
        uniform prior; think of ``a - 1`` and ``b - 1`` as successes and
        failures seen before.
    k : int
        The number of successes, ``0 <= k <= n``.
    n : int
        The number of trials, ``n >= 0``.

    Returns
    -------
    BetaPosterior
        :math:`\mathrm{Beta}(a + k,\, b + n - k)`, with ``mean``, ``map``,
        ``var``, ``interval(level=...)`` and ``pdf(theta)``.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is not > 0, ``n < 0``, or ``k`` is outside
        ``[0, n]``.
    TypeError
        If ``a`` or ``b`` is not a real number, or ``k`` or ``n`` is not an
        integer.

    Notes
    -----
    :ref:`sec-bayesian-inference`. Prior times likelihood is again a Beta
    density (the Beta prior is *conjugate* to the binomial):

    .. math::

        p(\theta \mid k) \propto
        \underbrace{\theta^{a-1}(1-\theta)^{b-1}}_{\text{prior}}\,
        \underbrace{\theta^{k}(1-\theta)^{n-k}}_{\text{likelihood}}
        = \theta^{a+k-1}(1-\theta)^{b+n-k-1}.

    Examples
    --------
    >>> post = beta_binomial_posterior(1, 1, 7, 10)  # uniform prior
    >>> post
    BetaPosterior(alpha=8.0, beta=4.0)
    >>> round(post.mean, 4), post.map  # the MAP is the MLE k/n here
    (0.6667, 0.7)
    """
    a = check_scalar(a, name="a", low=0, low_inclusive=False)
    b = check_scalar(b, name="b", low=0, low_inclusive=False)
    n = check_int(n, name="n", minimum=0)
    k = check_int(k, name="k", minimum=0, maximum=n)
    return _beta_binomial(a, b, k, n)


def _beta_binomial(a, b, k, n):
    return BetaPosterior(alpha=a + k, beta=b + n - k)
