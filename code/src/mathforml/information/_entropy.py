"""Entropy, cross-entropy, KL divergence and mutual information of
discrete distributions, and the KL divergence between two Gaussians."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import xlogy

from mathforml._validation import check_scalar
from mathforml.information._checks import check_base, probabilities

__all__ = [
    "cross_entropy",
    "entropy",
    "kl_divergence",
    "kl_normal",
    "mutual_information",
]


def entropy(p: ArrayLike, *, base: float = 2) -> float:
    r"""The entropy of a discrete distribution: its average surprise.

    Parameters
    ----------
    p : array_like, shape (k,)
        Probabilities: non-negative, summing to 1. For the joint entropy
        of a table, pass ``joint.ravel()``.
    base : float, default 2
        Base of the logarithm, > 0 and not 1: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    float
        :math:`H(P) \ge 0` (for ``base > 1``).

    Raises
    ------
    ValueError
        If ``p`` is not 1-D, empty, has NaN, inf or negative entries or
        does not sum to 1 within 1e-9, or ``base`` is not > 0 or is 1.
    TypeError
        If ``p`` or ``base`` is not numeric.

    Notes
    -----
    :ref:`sec-information-theory`. With the convention
    :math:`0 \log 0 = 0` (an impossible outcome adds no surprise),

    .. math::

        H(P) = -\sum_i p_i \log_b p_i.

    Unlike ``scipy.stats.entropy``, ``p`` is not normalized for you, the
    default base is 2, and there is no second argument (see
    :func:`kl_divergence`).

    Examples
    --------
    >>> entropy([0.5, 0.5]), entropy([0.25] * 4), entropy([1.0, 0.0])
    (1.0, 2.0, 0.0)
    >>> round(entropy([0.9, 0.1]), 4)
    0.469
    """
    return _entropy(probabilities(p, name="p"), check_base(base))


def _entropy(p, base):
    nats = max(0.0, -float(np.sum(xlogy(p, p))))  # xlogy(0, 0) = 0
    return nats / math.log(base)


def cross_entropy(p: ArrayLike, q: ArrayLike, *, base: float = np.e) -> float:
    r"""The cross-entropy of a model ``q`` on data distributed as ``p``.

    Parameters
    ----------
    p : array_like, shape (k,)
        The true distribution: probabilities summing to 1.
    q : array_like, shape (k,)
        The model's distribution: probabilities summing to 1.
    base : float, default e
        Base of the logarithm, > 0 and not 1: ``np.e`` gives nats.

    Returns
    -------
    float
        :math:`H(P, Q) \ge H(P)`; ``inf`` when ``q`` puts 0 where ``p``
        does not (without a warning).

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a probability vector (1-D, finite,
        non-negative, summing to 1 within 1e-9), they differ in length, or
        ``base`` is not > 0 or is 1.
    TypeError
        If an argument is not numeric.

    Notes
    -----
    :ref:`sec-information-theory`; it is the loss of every classifier
    (:ref:`sec-entropy-in-ml`). With :math:`0 \log 0 = 0`,

    .. math::

        H(P, Q) = -\sum_i p_i \log_b q_i = H(P) + D_{\mathrm{KL}}(P \,\|\, Q).

    Examples
    --------
    >>> round(cross_entropy([1.0, 0.0], [0.8, 0.2]), 4)  # -log 0.8
    0.2231
    >>> cross_entropy([0.5, 0.5], [1.0, 0.0])
    inf
    """
    p = probabilities(p, name="p")
    q = probabilities(q, name="q", size=p.size)
    return _cross_entropy(p, q, check_base(base))


def _cross_entropy(p, q, base):
    nats = max(0.0, -float(np.sum(xlogy(p, q))))  # inf if q = 0 < p
    return nats / math.log(base)


def kl_divergence(p: ArrayLike, q: ArrayLike, *, base: float = np.e) -> float:
    r"""The Kullback–Leibler divergence of ``q`` from ``p``.

    Parameters
    ----------
    p : array_like, shape (k,)
        Probabilities summing to 1.
    q : array_like, shape (k,)
        Probabilities summing to 1.
    base : float, default e
        Base of the logarithm, > 0 and not 1: ``np.e`` gives nats.

    Returns
    -------
    float
        :math:`D_{\mathrm{KL}}(P \,\|\, Q) \ge 0`, zero only when
        :math:`P = Q`; ``inf`` when ``q`` puts 0 where ``p`` does not
        (without a warning). Not symmetric in ``p`` and ``q``.

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a probability vector (1-D, finite,
        non-negative, summing to 1 within 1e-9), they differ in length, or
        ``base`` is not > 0 or is 1.
    TypeError
        If an argument is not numeric.

    Notes
    -----
    :ref:`sec-information-theory`. The extra cost of coding data from
    :math:`P` with a code built for :math:`Q`, with :math:`0 \log 0 = 0`:

    .. math::

        D_{\mathrm{KL}}(P \,\|\, Q) = \sum_i p_i \log_b \frac{p_i}{q_i}
        = H(P, Q) - H(P).

    ``scipy.stats.entropy(p, q)`` computes the same (in nats).

    Examples
    --------
    >>> p, q = [0.5, 0.5], [0.9, 0.1]
    >>> round(kl_divergence(p, q), 4), round(kl_divergence(q, p), 4)
    (0.5108, 0.3681)
    >>> kl_divergence(p, p)
    0.0
    """
    p = probabilities(p, name="p")
    q = probabilities(q, name="q", size=p.size)
    return _kl_divergence(p, q, check_base(base))


def _kl_divergence(p, q, base):
    nats = float(np.sum(xlogy(p, p) - xlogy(p, q)))  # inf if q = 0 < p
    return max(0.0, nats) / math.log(base)  # rounding can leave -1e-17


def kl_normal(mu1: float, sigma1: float, mu2: float, sigma2: float) -> float:
    r"""The KL divergence between two normal distributions, in nats.

    Parameters
    ----------
    mu1, sigma1 : float
        Mean and standard deviation (> 0) of :math:`P`.
    mu2, sigma2 : float
        Mean and standard deviation (> 0) of :math:`Q`.

    Returns
    -------
    float
        :math:`D_{\mathrm{KL}}\bigl(\mathcal N(\mu_1, \sigma_1^2) \,\|\,
        \mathcal N(\mu_2, \sigma_2^2)\bigr) \ge 0`.

    Raises
    ------
    ValueError
        If a mean is not finite or a standard deviation is not > 0.
    TypeError
        If an argument is not a real number.

    Notes
    -----
    :ref:`sec-information-theory`. The integral of
    :math:`p \log(p/q)` has a closed form:

    .. math::

        D_{\mathrm{KL}}(P \,\|\, Q) = \log\frac{\sigma_2}{\sigma_1}
        + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}
        - \frac12.

    Examples
    --------
    >>> kl_normal(0.0, 1.0, 1.0, 1.0)  # half the squared distance
    0.5
    >>> round(kl_normal(0.0, 1.0, 0.0, 2.0), 4)
    0.3181
    """
    mu1 = check_scalar(mu1, name="mu1")
    sigma1 = check_scalar(sigma1, name="sigma1", low=0, low_inclusive=False)
    mu2 = check_scalar(mu2, name="mu2")
    sigma2 = check_scalar(sigma2, name="sigma2", low=0, low_inclusive=False)
    return _kl_normal(mu1, sigma1, mu2, sigma2)


def _kl_normal(mu1, sigma1, mu2, sigma2):
    kl = (
        np.log(sigma2 / sigma1)
        + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
        - 0.5
    )
    return max(0.0, float(kl))  # rounding can leave -1e-17


def mutual_information(joint: ArrayLike, *, base: float = np.e) -> float:
    r"""The mutual information of two discrete variables from their joint
    probability table.

    Parameters
    ----------
    joint : array_like, shape (k_x, k_y)
        :math:`P(X = i, Y = j)`: non-negative, summing to 1 over the
        whole table. A table of counts ``C`` becomes one with
        ``C / C.sum()``.
    base : float, default e
        Base of the logarithm, > 0 and not 1: ``np.e`` gives nats.

    Returns
    -------
    float
        :math:`I(X; Y) \ge 0`, zero exactly when :math:`X` and :math:`Y`
        are independent.

    Raises
    ------
    ValueError
        If ``joint`` is not 2-D, empty, has NaN, inf or negative entries
        or does not sum to 1 within 1e-9, or ``base`` is not > 0 or is 1.
    TypeError
        If ``joint`` or ``base`` is not numeric.

    Notes
    -----
    :ref:`sec-information-theory`. With the marginals
    :math:`p_i = \sum_j p_{ij}` and :math:`q_j = \sum_i p_{ij}`: the KL
    divergence of the product of the marginals from the joint,

    .. math::

        I(X; Y) = \sum_{i,j} p_{ij} \log_b \frac{p_{ij}}{p_i\, q_j}
        = H(X) + H(Y) - H(X, Y).

    Examples
    --------
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2)  # Y = X
    1.0
    >>> mutual_information([[0.1, 0.3], [0.15, 0.45]])  # independent
    0.0
    """
    joint = probabilities(joint, name="joint", ndim=2)
    return _mutual_information(joint, check_base(base))


def _mutual_information(joint, base):
    px = joint.sum(axis=1, keepdims=True)  # marginal of X, a column
    py = joint.sum(axis=0, keepdims=True)  # marginal of Y, a row
    nats = float(np.sum(xlogy(joint, joint) - xlogy(joint, px * py)))
    return max(0.0, nats) / math.log(base)  # rounding can leave -1e-17
