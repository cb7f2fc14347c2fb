"""Entropy, cross-entropy, KL divergence and mutual information against
scipy.stats.entropy, sklearn.metrics.mutual_info_score and their identities;
kl_normal against numerical integration and Monte Carlo."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import integrate, stats
from sklearn.metrics import mutual_info_score

from mathforml.information import (
    cross_entropy,
    entropy,
    kl_divergence,
    kl_normal,
    mutual_information,
)
from tolerances import DIRECT

#: scipy.integrate.quad on a smooth integrand over +-15 standard deviations.
QUADRATURE = dict(rtol=1e-7, atol=1e-9)


def close(a, b):
    return a == pytest.approx(b, rel=DIRECT["rtol"], abs=DIRECT["atol"])


def distributions(rng, k, with_zeros=False):
    p = rng.dirichlet(np.ones(k))
    if with_zeros:
        p[rng.random(k) < 0.3] = 0.0
        p[0] += 1e-3  # never all zero
        p /= p.sum()
    return p


@pytest.mark.parametrize("k", [1, 2, 5, 40])
@pytest.mark.parametrize("with_zeros", [False, True])
@pytest.mark.parametrize("base", [2, np.e, 10])
def test_entropy_matches_scipy(rng, k, with_zeros, base):
    for _ in range(5):
        p = distributions(rng, k, with_zeros)
        h = entropy(p, base=base)
        assert type(h) is float and h >= 0
        assert close(h, stats.entropy(p, base=base))


def test_entropy_of_uniform_and_certain_distributions():
    for k in (1, 2, 8, 1024):
        assert close(entropy(np.full(k, 1 / k)), np.log2(k))
    assert entropy([0.0, 1.0, 0.0]) == 0.0
    # the uniform distribution has the largest entropy
    rng = np.random.default_rng(3)
    assert all(entropy(distributions(rng, 6)) < np.log2(6) for _ in range(50))


def test_bases_differ_by_a_constant_factor(rng):
    p = distributions(rng, 7)
    assert close(entropy(p, base=2), entropy(p, base=np.e) / np.log(2))
    assert close(entropy(p, base=0.5), -entropy(p, base=2))


@pytest.mark.parametrize("with_zeros", [False, True])
def test_cross_entropy_is_entropy_plus_kl(rng, with_zeros):
    for k in (2, 3, 10):
        p = distributions(rng, k, with_zeros)
        q = distributions(rng, k)
        for base in (2, np.e):
            assert close(
                cross_entropy(p, q, base=base),
                entropy(p, base=base) + kl_divergence(p, q, base=base),
            )
        assert close(cross_entropy(p, q), -np.sum(p[p > 0] * np.log(q[p > 0])))
        assert close(cross_entropy(p, p), entropy(p, base=np.e))


@pytest.mark.parametrize("with_zeros", [False, True])
def test_kl_matches_scipy_and_is_positive_unless_equal(rng, with_zeros):
    for k in (2, 3, 10, 50):
        p = distributions(rng, k, with_zeros)
        q = distributions(rng, k)
        kl = kl_divergence(p, q)
        assert close(kl, stats.entropy(p, q))
        assert close(kl_divergence(p, q, base=2), stats.entropy(p, q, base=2))
        assert kl > 0  # distinct distributions
        assert kl_divergence(p, p) == 0.0 and kl_divergence(q, q) == 0.0


def test_kl_is_not_symmetric():
    p, q = [0.5, 0.5], [0.9, 0.1]
    assert not close(kl_divergence(p, q), kl_divergence(q, p))


def test_zero_in_q_where_p_is_positive_gives_inf_without_warnings():
    p, q = [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cross_entropy(p, q) == np.inf
        assert kl_divergence(p, q) == np.inf
        assert cross_entropy(p, q, base=2) == np.inf
    # zeros of p where q is positive are harmless: 0 log 0 = 0
    assert np.isfinite(kl_divergence(q, p))
    assert close(kl_divergence(q, p), np.log(2))


def test_sums_within_1e_9_of_one_are_accepted():
    assert entropy([0.5, 0.5 + 5e-10]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="p must sum to 1"):
        entropy([0.5, 0.5 + 5e-9])


@pytest.mark.parametrize(
    ("mu1", "s1", "mu2", "s2"),
    [
        (0, 1, 0, 1),
        (0, 1, 1, 1),
        (0, 1, 0, 2),
        (1.5, 0.3, -2, 4),
        (3, 2, 3, 0.5),
    ],
)
def test_kl_normal_against_numerical_integration(mu1, s1, mu2, s2):
    P, Q = stats.norm(mu1, s1), stats.norm(mu2, s2)

    def integrand(x):
        return P.pdf(x) * (P.logpdf(x) - Q.logpdf(x))

    ref, _ = integrate.quad(integrand, mu1 - 15 * s1, mu1 + 15 * s1, limit=200)
    assert_allclose(kl_normal(mu1, s1, mu2, s2), ref, **QUADRATURE)


def test_kl_normal_against_monte_carlo(rng):
    P, Q = stats.norm(0.5, 1.2), stats.norm(-0.3, 0.8)
    x = P.rvs(size=200_000, random_state=rng)
    log_ratio = P.logpdf(x) - Q.logpdf(x)
    se = log_ratio.std(ddof=1) / np.sqrt(x.size)
    kl = kl_normal(0.5, 1.2, -0.3, 0.8)
    assert abs(kl - log_ratio.mean()) < 4 * se


def test_kl_normal_special_cases():
    assert kl_normal(2.0, 3.0, 2.0, 3.0) == 0.0
    assert close(kl_normal(0.0, 1.0, 3.0, 1.0), 4.5)  # (mu1 - mu2)^2 / 2
    assert kl_normal(0, 1, 0, 2) != kl_normal(0, 2, 0, 1)
    assert type(kl_normal(0, 1, 1, 1)) is float


def contingency(x, y):
    C = np.zeros((x.max() + 1, y.max() + 1))
    np.add.at(C, (x, y), 1)
    return C / C.sum()


@pytest.mark.parametrize("n", [10, 100, 5000])
def test_mutual_information_matches_sklearn(rng, n):
    x = rng.integers(0, 4, size=n)
    y = (x + rng.integers(0, 3, size=n)) % 5  # depends on x
    joint = contingency(x, y)
    assert close(mutual_information(joint), mutual_info_score(x, y))
    assert close(
        mutual_information(joint, base=2), mutual_info_score(x, y) / np.log(2)
    )


def test_mutual_information_identity_and_bounds(rng):
    for shape in [(2, 2), (3, 5), (6, 4)]:
        joint = rng.dirichlet(np.ones(np.prod(shape))).reshape(shape)
        joint[0, 0] = 0.0
        joint /= joint.sum()
        hx = entropy(joint.sum(axis=1))
        hy = entropy(joint.sum(axis=0))
        hxy = entropy(joint.ravel())
        mi = mutual_information(joint, base=2)
        assert close(mi, hx + hy - hxy)
        assert 0 < mi <= min(hx, hy)
        assert close(mi, mutual_information(joint.T, base=2))


def test_mutual_information_is_zero_for_independent_and_max_for_equal():
    px, py = np.array([0.2, 0.3, 0.5]), np.array([0.6, 0.4])
    assert mutual_information(np.outer(px, py)) == pytest.approx(
        0.0, abs=1e-15
    )
    same = np.diag(px)
    assert close(mutual_information(same, base=2), entropy(px))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: entropy([0.5, 0.6]), r"p must sum to 1 .*got sum 1.1"),
        (lambda: entropy([1.5, -0.5]), "p must hold probabilities, all >= 0"),
        (lambda: entropy([[0.5, 0.5]]), "p must be a 1-D vector"),
        (lambda: entropy([]), "p must not be empty"),
        (lambda: entropy([0.5, np.nan]), "p must contain only finite"),
        (lambda: entropy([1.0], base=1), "base must not be 1"),
        (lambda: entropy([1.0], base=0), "base must be > 0"),
        (lambda: entropy([1.0], base=-2), "base must be > 0"),
        (lambda: entropy([1.0], base="e"), "base must be a real number"),
        (lambda: cross_entropy([1.0], [0.5, 0.5]), "q must have length 1"),
        (lambda: cross_entropy([0.5, 0.5], [0.5, 0.4]), "q must sum to 1"),
        (lambda: kl_divergence([0.6, 0.5], [0.5, 0.5]), "p must sum to 1"),
        (lambda: kl_divergence([0.5, 0.5], [-1, 2]), "q must hold probab"),
        (lambda: kl_divergence([1.0], [1.0], base=1.0), "base must not be 1"),
        (lambda: kl_normal(0, 0, 0, 1), "sigma1 must be > 0"),
        (lambda: kl_normal(0, 1, 0, -1), "sigma2 must be > 0"),
        (lambda: kl_normal(np.inf, 1, 0, 1), "mu1 must be finite"),
        (lambda: kl_normal(0, 1, "0", 1), "mu2 must be a real number"),
        (lambda: mutual_information([0.5, 0.5]), "joint must be 2-D"),
        (lambda: mutual_information([[0.5, 0.6]]), "joint must sum to 1"),
        (lambda: mutual_information([[2, -1]]), "joint must hold probab"),
        (
            lambda: mutual_information([[1.0]], base=1),
            "base must not be 1",
        ),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
