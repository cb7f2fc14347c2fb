"""The Beta-binomial posterior against scipy.stats.beta and Bayes' rule on a grid."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import integrate, stats

from mathforml.stats import BetaPosterior, beta_binomial_posterior
from tolerances import DIRECT

#: The trapezoid rule on a grid of 20001 points, for smooth densities.
GRID = dict(rtol=1e-6, atol=1e-6)

PRIORS = [(1.0, 1.0), (0.5, 0.5), (2.0, 5.0), (10.0, 3.0)]
DATA = [(0, 0), (0, 4), (7, 10), (10, 10), (31, 120)]


@pytest.mark.parametrize(("a", "b"), PRIORS)
@pytest.mark.parametrize(("k", "n"), DATA)
def test_posterior_moments_and_interval_match_scipy(a, b, k, n):
    post = beta_binomial_posterior(a, b, k, n)
    assert (post.alpha, post.beta) == (a + k, b + n - k)
    ref = stats.beta(a + k, b + n - k)
    assert post.mean == pytest.approx(ref.mean(), rel=1e-12, abs=1e-15)
    assert post.var == pytest.approx(ref.var(), rel=1e-12, abs=1e-15)
    for level in (0.5, 0.9, 0.95):
        assert_allclose(
            post.interval(level=level), ref.interval(level), **DIRECT
        )
    theta = np.linspace(-0.5, 1.5, 41)
    assert_allclose(post.pdf(theta), ref.pdf(theta), **DIRECT)


def test_posterior_is_prior_times_likelihood_normalized():
    a, b, k, n = 2.0, 3.0, 6, 9
    theta = np.linspace(0, 1, 20001)
    unnormalized = stats.beta.pdf(theta, a, b) * stats.binom.pmf(k, n, theta)
    bayes = unnormalized / integrate.trapezoid(unnormalized, theta)
    post = beta_binomial_posterior(a, b, k, n)
    assert_allclose(post.pdf(theta), bayes, **GRID)


def test_updating_in_two_batches_equals_updating_once():
    first = beta_binomial_posterior(2.0, 2.0, 3, 5)
    both = beta_binomial_posterior(first.alpha, first.beta, 4, 6)
    assert both == beta_binomial_posterior(2.0, 2.0, 7, 11)


@pytest.mark.parametrize(
    ("alpha", "beta"), [(8.0, 4.0), (2.0, 2.0), (1.5, 30.0), (50.0, 1.1)]
)
def test_map_is_the_argmax_of_the_density(alpha, beta):
    post = BetaPosterior(alpha, beta)
    theta = np.linspace(0, 1, 100001)
    assert post.map == pytest.approx(
        theta[np.argmax(post.pdf(theta))], abs=1e-5
    )
    assert post.map == (alpha - 1) / (alpha + beta - 2)


@pytest.mark.parametrize(
    ("alpha", "beta", "mode"),
    [
        (1.0, 3.0, 0.0),
        (0.5, 1.0, 0.0),
        (0.3, 4.0, 0.0),
        (3.0, 1.0, 1.0),
        (1.0, 0.5, 1.0),
        (4.0, 0.3, 1.0),
    ],
)
def test_map_at_an_end_when_the_density_is_monotone(alpha, beta, mode):
    post = BetaPosterior(alpha, beta)
    assert post.map == mode
    inner = np.linspace(0.01, 0.99, 99)
    assert np.all(post.pdf(mode) >= post.pdf(inner))


def test_map_with_a_uniform_prior_is_the_proportion():
    assert beta_binomial_posterior(1, 1, 7, 10).map == pytest.approx(0.7)
    assert beta_binomial_posterior(1, 1, 0, 10).map == 0.0
    assert beta_binomial_posterior(1, 1, 10, 10).map == 1.0


@pytest.mark.parametrize(
    ("alpha", "beta", "match"),
    [
        (1.0, 1.0, "flat on"),
        (0.5, 0.5, "infinite at both 0 and 1"),
        (0.2, 0.9, "infinite at both 0 and 1"),
    ],
)
def test_map_refuses_when_the_mode_is_not_unique(alpha, beta, match):
    with pytest.raises(ValueError, match=f"no unique mode: .*{match}"):
        _ = BetaPosterior(alpha, beta).map


def test_pdf_is_a_float_for_a_float_and_handles_the_ends():
    post = BetaPosterior(0.5, 2.0)
    assert isinstance(post.pdf(0.3), float)
    assert post.pdf(0.0) == np.inf and post.pdf(1.0) == 0.0
    assert post.pdf(-0.1) == 0.0 and post.pdf(1.1) == 0.0
    assert BetaPosterior(1.0, 1.0).pdf(0.0) == 1.0
    assert post.pdf(np.zeros((2, 3))).shape == (2, 3)


def test_the_interval_narrows_as_data_accumulate():
    widths = [
        np.diff(beta_binomial_posterior(1, 1, 3 * n, 10 * n).interval())[0]
        for n in (1, 4, 16, 64)
    ]
    assert np.all(np.diff(widths) < 0)


def test_posterior_is_frozen_and_stores_floats():
    post = BetaPosterior(3, 5)
    assert (type(post.alpha), type(post.beta)) == (float, float)
    with pytest.raises(dataclasses.FrozenInstanceError):
        post.alpha = 1.0


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: beta_binomial_posterior(0, 1, 1, 2), "a must be > 0"),
        (lambda: beta_binomial_posterior(1, -1, 1, 2), "b must be > 0"),
        (lambda: beta_binomial_posterior("1", 1, 1, 2), "a must be a real"),
        (lambda: beta_binomial_posterior(1, np.inf, 1, 2), "b must be finite"),
        (lambda: beta_binomial_posterior(1, 1, 3, 2), "k must be <= 2"),
        (lambda: beta_binomial_posterior(1, 1, -1, 2), "k must be >= 0"),
        (lambda: beta_binomial_posterior(1, 1, 1, -2), "n must be >= 0"),
        (lambda: beta_binomial_posterior(1, 1, 1.0, 2), "k must be an integ"),
        (lambda: beta_binomial_posterior(1, 1, 1, 2.5), "n must be an integ"),
        (lambda: BetaPosterior(0.0, 1.0), "alpha must be > 0"),
        (lambda: BetaPosterior(1.0, None), "beta must be a real number"),
        (lambda: BetaPosterior(2, 2).interval(level=1.0), "level must be < 1"),
        (lambda: BetaPosterior(2, 2).pdf("x"), "theta must be an array"),
        (lambda: BetaPosterior(2, 2).pdf(np.nan), "theta must contain only"),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
