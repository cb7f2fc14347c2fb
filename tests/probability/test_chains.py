"""Bayes' theorem and Markov chains against direct computation, eigenvectors and Pⁿ."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from mathforml.probability import (
    bayes_update,
    distribution_after,
    simulate_chain,
    stationary_distribution,
)
from tolerances import DIRECT


def random_chain(rng, n):
    P = rng.random((n, n)) + 0.05
    return P / P.sum(axis=1, keepdims=True)


def test_bayes_update_is_prior_times_likelihood_normalised():
    post = bayes_update([0.999, 0.001], [0.05, 0.99])  # the rare-disease test
    assert_allclose(
        post,
        [0.999 * 0.05, 0.001 * 0.99] / np.float64(0.999 * 0.05 + 0.00099),
        **DIRECT,
    )
    assert post.sum() == pytest.approx(1.0, abs=1e-15)
    assert post[1] < 0.02  # still probably healthy


def test_bayes_updates_chain():
    rng = np.random.default_rng(0)
    prior = rng.dirichlet(np.ones(5))
    l1, l2 = rng.random(5), rng.random(5)
    assert_allclose(
        bayes_update(bayes_update(prior, l1), l2),
        bayes_update(prior, l1 * l2),
        **DIRECT,
    )


@pytest.mark.parametrize("n", [2, 3, 6, 20])
def test_stationary_distribution_is_the_left_eigenvector_and_the_limit(n):
    P = random_chain(np.random.default_rng(n), n)
    pi = stationary_distribution(P)
    assert (
        pi.shape == (n,)
        and np.all(pi >= 0)
        and pi.sum() == pytest.approx(1, abs=1e-12)
    )
    assert_allclose(pi @ P, pi, **DIRECT)
    w, V = np.linalg.eig(P.T)
    v = np.real(V[:, np.argmin(np.abs(w - 1))])
    assert_allclose(pi, v / v.sum(), **DIRECT)
    assert_allclose(np.linalg.matrix_power(P, 200)[0], pi, **DIRECT)


def test_distribution_after_is_p0_times_p_to_the_n():
    rng = np.random.default_rng(1)
    P = random_chain(rng, 4)
    p0 = np.array([1.0, 0, 0, 0])
    p = p0.copy()
    for n in range(6):
        assert_allclose(distribution_after(P, p0, n), p, **DIRECT)
        p = p @ P


def test_simulated_visits_approach_the_stationary_distribution():
    P = np.array([[0.5, 0.5, 0.0], [0.2, 0.6, 0.2], [0.0, 0.3, 0.7]])
    path = simulate_chain(P, 0, 100_000, rng=3)
    assert path.shape == (100_001,) and path[0] == 0
    freq = np.bincount(path, minlength=3) / len(path)
    assert_allclose(freq, stationary_distribution(P), rtol=0, atol=0.02)
    # every observed transition is allowed by P
    assert np.all(P[path[:-1], path[1:]] > 0)
    assert np.array_equal(path[:50], simulate_chain(P, 0, 49, rng=3))


def test_a_reducible_chain_is_refused():
    with pytest.raises(
        ValueError, match="more than one stationary distribution"
    ):
        stationary_distribution(np.eye(2))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: bayes_update([0.5, 0.6], [1, 1]),
            "prior must be non-negative and sum to 1",
        ),
        (
            lambda: bayes_update([1.2, -0.2], [1, 1]),
            "prior must be non-negative",
        ),
        (
            lambda: bayes_update([0.5, 0.5], [1, -1]),
            "likelihood must be non-negative",
        ),
        (
            lambda: bayes_update([0.5, 0.5], [1, 1, 1]),
            "likelihood must have length 2",
        ),
        (lambda: bayes_update([1.0, 0.0], [0.0, 1.0]), "the evidence is 0"),
        (
            lambda: stationary_distribution([[0.5, 0.6], [0.5, 0.5]]),
            "row-stochastic",
        ),
        (
            lambda: stationary_distribution([[1.5, -0.5], [0.5, 0.5]]),
            "row-stochastic",
        ),
        (lambda: stationary_distribution([[1.0, 0.0]]), "P must be square"),
        (lambda: distribution_after([[1.0]], [1.0], -1), "n must be >= 0"),
        (
            lambda: distribution_after([[0.5, 0.5], [0.5, 0.5]], [1.0], 2),
            "p0 must have length 2",
        ),
        (
            lambda: simulate_chain([[0.5, 0.5], [0.5, 0.5]], 2, 10),
            "start must be <= 1",
        ),
        (
            lambda: simulate_chain([[0.5, 0.5], [0.5, 0.5]], 0, 1.5),
            "n_steps must be an integer",
        ),
        (
            lambda: simulate_chain([[0.5, 0.5], [0.5, 0.5]], 0, 5, rng=1.5),
            "rng must be None",
        ),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
