"""MultivariateNormal against scipy.stats.multivariate_normal, the Schur complement and
a seeded Monte Carlo."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from mathforml.probability import MultivariateNormal
from tolerances import DIRECT


def random_spd(rng, d):
    A = rng.standard_normal((d, d))
    return A @ A.T + d * np.eye(d)


@pytest.mark.parametrize("d", [1, 2, 3, 5])
def test_density_against_scipy(d):
    rng = np.random.default_rng(d)
    mu, S = rng.standard_normal(d), random_spd(rng, d)
    g, ref = MultivariateNormal(mu, S), stats.multivariate_normal(mu, S)
    X = rng.standard_normal((20, d)) * 3 + mu
    assert_allclose(g.logpdf(X), ref.logpdf(X), **DIRECT)
    assert_allclose(g.pdf(X), ref.pdf(X), **DIRECT)
    assert g.logpdf(X[0]) == pytest.approx(ref.logpdf(X[0]), rel=1e-10)


def test_logpdf_finite_far_away():
    g = MultivariateNormal([0.0, 0.0], np.eye(2))
    assert g.pdf([60.0, 0.0]) == 0.0
    assert g.logpdf([60.0, 0.0]) == pytest.approx(
        -1800 - np.log(2 * np.pi), rel=1e-12
    )


def test_samples_have_the_right_mean_and_covariance():
    rng = np.random.default_rng(0)
    mu, S = np.array([1.0, -2.0, 0.5]), random_spd(rng, 3)
    X = MultivariateNormal(mu, S).sample(200_000, rng=1)
    assert X.shape == (200_000, 3)
    se = np.sqrt(np.diag(S) / len(X))
    assert np.all(np.abs(X.mean(axis=0) - mu) < 5 * se)
    assert_allclose(np.cov(X.T), S, rtol=0.03, atol=0.03 * np.abs(S).max())
    assert np.array_equal(
        MultivariateNormal(mu, S).sample(4, rng=2),
        MultivariateNormal(mu, S).sample(4, rng=2),
    )


def test_marginal_keeps_the_block():
    rng = np.random.default_rng(3)
    mu, S = rng.standard_normal(4), random_spd(rng, 4)
    m = MultivariateNormal(mu, S).marginal([2, 0])
    assert_allclose(m.mean, mu[[2, 0]], **DIRECT)
    assert_allclose(m.cov, S[np.ix_([2, 0], [2, 0])], **DIRECT)


def test_condition_matches_the_schur_complement_and_monte_carlo():
    rng = np.random.default_rng(4)
    mu, S = rng.standard_normal(3), random_spd(rng, 3)
    obs, rest, v = [1], [0, 2], np.array([0.7])
    c = MultivariateNormal(mu, S).condition(obs, v)
    S_ro, S_oo = S[np.ix_(rest, obs)], S[np.ix_(obs, obs)]
    assert_allclose(
        c.mean, mu[rest] + S_ro @ np.linalg.solve(S_oo, v - mu[obs]), **DIRECT
    )
    assert_allclose(
        c.cov,
        S[np.ix_(rest, rest)] - S_ro @ np.linalg.solve(S_oo, S_ro.T),
        **DIRECT,
    )
    # Monte Carlo: draws whose observed coordinate lands near v
    X = MultivariateNormal(mu, S).sample(400_000, rng=5)
    near = X[np.abs(X[:, 1] - v[0]) < 0.02][:, rest]
    assert len(near) > 1000
    se = np.sqrt(np.diag(c.cov) / len(near))
    assert np.all(np.abs(near.mean(axis=0) - c.mean) < 6 * se + 0.02)


def test_condition_keeps_the_original_order_of_the_rest():
    S = np.diag([1.0, 2.0, 3.0, 4.0])
    c = MultivariateNormal(np.arange(4.0), S).condition([2], [0.0])
    assert_allclose(c.mean, [0.0, 1.0, 3.0], **DIRECT)
    assert_allclose(np.diag(c.cov), [1.0, 2.0, 4.0], **DIRECT)


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (
            lambda: MultivariateNormal([0, 0], [[1, 2], [2, 1]]),
            ValueError,
            "positive definite",
        ),
        (
            lambda: MultivariateNormal([0, 0], [[1, 0.5], [0, 1]]),
            ValueError,
            "symmetric",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(3)),
            ValueError,
            r"shape \(2, 2\)",
        ),
        (
            lambda: MultivariateNormal([[0, 0]], np.eye(2)),
            ValueError,
            "mean must be a 1-D",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).logpdf([1, 2, 3]),
            ValueError,
            "x must have shape",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).marginal([2]),
            ValueError,
            "distinct coordinates",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).marginal([0.5]),
            TypeError,
            "integer coordinates",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).condition(
                [0, 1], [1, 1]
            ),
            ValueError,
            "at least one coordinate",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).condition(
                [0], [1, 1]
            ),
            ValueError,
            "values must have length 1",
        ),
        (
            lambda: MultivariateNormal([0, 0], np.eye(2)).sample(-3),
            ValueError,
            "size must be",
        ),
    ],
)
def test_bad_input_is_named(make, error, match):
    with pytest.raises(error, match=match):
        make()
