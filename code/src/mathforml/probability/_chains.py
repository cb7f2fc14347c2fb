"""Bayes' theorem over finitely many hypotheses, and Markov chains on finitely many states."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, as_vector, check_int, check_rng

__all__ = [
    "bayes_update",
    "distribution_after",
    "simulate_chain",
    "stationary_distribution",
]

_SUM_TOL = 1e-8


def _probability_vector(p, name: str, size: int | None = None) -> np.ndarray:
    p = as_vector(p, name=name, size=size)
    if np.any(p < 0) or abs(p.sum() - 1) > _SUM_TOL:
        raise ValueError(
            f"{name} must be non-negative and sum to 1; got sum {p.sum():.6g}"
            f"{' and negative entries' if np.any(p < 0) else ''}."
        )
    return p


def _transition_matrix(P) -> np.ndarray:
    P = as_matrix(P, name="P", square=True)
    sums = P.sum(axis=1)
    if np.any(P < 0) or np.any(np.abs(sums - 1) > _SUM_TOL):
        bad = int(np.argmax(np.abs(sums - 1) + (P < 0).any(axis=1)))
        raise ValueError(
            f"P must be row-stochastic (entries >= 0, each row summing to 1); "
            f"row {bad} sums to {sums[bad]:.6g}."
        )
    return P


def bayes_update(prior: ArrayLike, likelihood: ArrayLike) -> np.ndarray:
    r"""Posterior over hypotheses: prior times likelihood, normalized.

    .. math:: P(h \mid D) = \frac{P(D \mid h)\,P(h)}{\sum_{h'} P(D \mid h')\,P(h')}

    Parameters
    ----------
    prior : array_like, shape (k,)
        :math:`P(h)`, non-negative, summing to 1.
    likelihood : array_like, shape (k,)
        :math:`P(D \mid h)` for each hypothesis (need not sum to 1).

    Raises
    ------
    ValueError
        If the prior is not a probability vector, a likelihood is negative, or the
        evidence (the denominator) is 0.

    Notes
    -----
    :ref:`sec-bayes-theorem` teaches the update; :ref:`sec-lab-spam-filter` applies it to words.

    Examples
    --------
    >>> # healthy or ill, after a positive test
    >>> bayes_update([0.99, 0.01], [0.05, 0.9]).round(3)
    array([0.846, 0.154])
    """
    prior = _probability_vector(prior, "prior")
    likelihood = as_vector(likelihood, name="likelihood", size=prior.size)
    if np.any(likelihood < 0):
        raise ValueError("likelihood must be non-negative.")
    return _bayes(prior, likelihood)


def _bayes(prior, likelihood):
    joint = prior * likelihood
    evidence = joint.sum()
    if evidence == 0:
        raise ValueError(
            "the evidence is 0: every hypothesis with prior mass gives the "
            "data probability 0, so the data cannot update it."
        )
    return joint / evidence


def stationary_distribution(P: ArrayLike) -> np.ndarray:
    r"""The distribution :math:`\boldsymbol\pi` with :math:`\boldsymbol\pi \mathbf{P} =
    \boldsymbol\pi`, :math:`\sum_i \pi_i = 1`.

    A left eigenvector of ``P`` for the eigenvalue 1, found by solving
    :math:`(\mathbf{P}^\top - \mathbf{I})\boldsymbol\pi = \mathbf{0}` together with
    :math:`\mathbf{1}^\top\boldsymbol\pi = 1`.

    Raises
    ------
    ValueError
        If ``P`` is not row-stochastic, or has more than one stationary distribution
        (several closed groups of states).

    Notes
    -----
    :ref:`sec-markov-chains` teaches Markov chains and their long-run behavior.

    Examples
    --------
    >>> stationary_distribution([[0.9, 0.1], [0.5, 0.5]]).round(4)
    array([0.8333, 0.1667])
    """
    return _stationary(_transition_matrix(P))


def _stationary(P):
    n = P.shape[0]
    A = np.vstack([P.T - np.eye(n), np.ones((1, n))])
    b = np.append(np.zeros(n), 1.0)
    pi, _, rank, _ = np.linalg.lstsq(A, b, rcond=None)
    if rank < n:
        raise ValueError(
            "P has more than one stationary distribution: the chain has "
            "several closed groups of states that never reach each other."
        )
    pi = np.clip(pi, 0, None)
    return pi / pi.sum()


def distribution_after(P: ArrayLike, p0: ArrayLike, n: int) -> np.ndarray:
    r"""The distribution after ``n`` steps from ``p0``: the row vector
    :math:`\mathbf{p}_0 \mathbf{P}^n`.

    Notes
    -----
    :ref:`sec-markov-chains` teaches Markov chains and their long-run behavior.

    Examples
    --------
    >>> distribution_after([[0.9, 0.1], [0.5, 0.5]], [0.0, 1.0], 1)
    array([0.5, 0.5])
    """
    P = _transition_matrix(P)
    p = _probability_vector(p0, "p0", size=P.shape[0])
    n = check_int(n, name="n", minimum=0)
    return p @ np.linalg.matrix_power(P, n)


def simulate_chain(
    P: ArrayLike, start: int, n_steps: int, *, rng=None
) -> np.ndarray:
    """The states a chain visits: ``n_steps + 1`` state indices, starting at ``start``.

    Notes
    -----
    :ref:`sec-markov-chains` teaches Markov chains and their long-run behavior.

    Examples
    --------
    >>> path = simulate_chain([[0.9, 0.1], [0.5, 0.5]], 0, 1000, rng=0)
    >>> path.shape, int(path[0]), round(float(np.mean(path == 0)), 2)
    ((1001,), 0, 0.84)
    """
    P = _transition_matrix(P)
    start = check_int(start, name="start", minimum=0, maximum=P.shape[0] - 1)
    n_steps = check_int(n_steps, name="n_steps", minimum=0)
    return _simulate(P, start, n_steps, check_rng(rng))


def _simulate(P, start, n_steps, rng):
    cumulative = np.cumsum(P, axis=1)
    u = rng.random(n_steps)
    states = np.empty(n_steps + 1, dtype=int)
    states[0] = start
    for t in range(n_steps):  # next state: where u falls in the row's CDF
        row = cumulative[states[t]]
        states[t + 1] = min(
            int(np.searchsorted(row, u[t], side="right")), len(row) - 1
        )
    return states
