"""Each distribution against scipy.stats: pmf/pdf, logs, cdf, sf, ppf, moments, samples."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from mathforml.probability import (
    Bernoulli,
    Binomial,
    Exponential,
    Normal,
    Poisson,
    Uniform,
)
from tolerances import DIRECT

DISCRETE = [
    (Bernoulli(0.0), stats.bernoulli(0.0)),
    (Bernoulli(0.3), stats.bernoulli(0.3)),
    (Bernoulli(1.0), stats.bernoulli(1.0)),
    (Binomial(0, 0.4), stats.binom(0, 0.4)),
    (Binomial(10, 0.5), stats.binom(10, 0.5)),
    (Binomial(40, 0.03), stats.binom(40, 0.03)),
    (Binomial(7, 1.0), stats.binom(7, 1.0)),
    (Poisson(0.5), stats.poisson(0.5)),
    (Poisson(3.0), stats.poisson(3.0)),
    (Poisson(120.0), stats.poisson(120.0)),
]
CONTINUOUS = [
    (Uniform(0, 1), stats.uniform(0, 1)),
    (Uniform(-2, 3), stats.uniform(-2, 5)),
    (Normal(0, 1), stats.norm(0, 1)),
    (Normal(3, 0.2), stats.norm(3, 0.2)),
    (Normal(-1e3, 50), stats.norm(-1e3, 50)),
    (Exponential(1.0), stats.expon(scale=1.0)),
    (Exponential(4.0), stats.expon(scale=0.25)),
]
IDS_D = [repr(d) for d, _ in DISCRETE]
IDS_C = [repr(d) for d, _ in CONTINUOUS]


@pytest.mark.parametrize(("ours", "ref"), DISCRETE, ids=IDS_D)
def test_discrete_against_scipy(ours, ref):
    k = np.arange(-2, 260) if isinstance(ours, Poisson) else np.arange(-2, 45)
    assert_allclose(ours.pmf(k), ref.pmf(k), **DIRECT)
    with np.errstate(divide="ignore"):
        assert_allclose(ours.logpmf(k), ref.logpmf(k), **DIRECT)
    assert_allclose(ours.cdf(k), ref.cdf(k), **DIRECT)
    assert_allclose(ours.sf(k), ref.sf(k), **DIRECT)
    assert_allclose(ours.pmf(k).sum(), 1.0, rtol=0, atol=1e-9)
    assert ours.mean() == pytest.approx(ref.mean(), rel=1e-12, abs=1e-12)
    assert ours.var() == pytest.approx(ref.var(), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(("ours", "ref"), DISCRETE[:6], ids=IDS_D[:6])
def test_non_integers_have_no_mass_but_a_cdf(ours, ref):
    assert ours.pmf(1.5) == 0.0 and ours.logpmf(0.5) == -np.inf
    assert ours.cdf(1.5) == pytest.approx(ref.cdf(1), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(("ours", "ref"), CONTINUOUS, ids=IDS_C)
def test_continuous_against_scipy(ours, ref):
    lo, hi = ref.ppf(1e-6), ref.ppf(1 - 1e-6)
    x = np.linspace(lo - (hi - lo), hi + (hi - lo), 301)
    assert_allclose(ours.pdf(x), ref.pdf(x), **DIRECT)
    with np.errstate(divide="ignore"):
        assert_allclose(ours.logpdf(x), ref.logpdf(x), **DIRECT)
    assert_allclose(ours.cdf(x), ref.cdf(x), **DIRECT)
    assert_allclose(ours.sf(x), ref.sf(x), **DIRECT)
    q = np.linspace(0, 1, 41)
    assert_allclose(ours.ppf(q), ref.ppf(q), **DIRECT)
    assert ours.mean() == pytest.approx(ref.mean(), rel=1e-12, abs=1e-12)
    assert ours.var() == pytest.approx(ref.var(), rel=1e-12, abs=1e-12)
    assert ours.std() == pytest.approx(ref.std(), rel=1e-12, abs=1e-12)


def test_log_densities_stay_finite_where_densities_underflow():
    assert Normal(0, 1).pdf(40.0) == 0.0
    assert Normal(0, 1).logpdf(40.0) == pytest.approx(
        stats.norm.logpdf(40.0), rel=1e-12
    )
    assert Poisson(3.0).pmf(400) == 0.0 and np.isfinite(
        Poisson(3.0).logpmf(400)
    )
    assert Poisson(3.0).logpmf(400) == pytest.approx(
        stats.poisson(3.0).logpmf(400), rel=1e-12
    )
    assert Binomial(2000, 0.5).pmf(0) == 0.0
    assert Binomial(2000, 0.5).logpmf(0) == pytest.approx(
        2000 * np.log(0.5), rel=1e-12
    )


def test_the_survival_function_is_accurate_in_the_tail():
    # 1 - cdf would be 0 here; sf is not
    assert Normal(0, 1).sf(10.0) == pytest.approx(
        stats.norm.sf(10.0), rel=1e-10
    )
    assert Exponential(1.0).sf(50.0) == pytest.approx(np.exp(-50.0), rel=1e-12)
    assert Poisson(2.0).sf(30) == pytest.approx(
        stats.poisson(2.0).sf(30), rel=1e-8
    )


def test_exponential_is_memoryless():
    X = Exponential(0.7)
    s, t = 1.3, np.linspace(0, 5, 11)
    assert_allclose(X.sf(s + t) / X.sf(s), X.sf(t), **DIRECT)


@pytest.mark.parametrize(
    ("ours", "ref"), DISCRETE[1:] + CONTINUOUS, ids=IDS_D[1:] + IDS_C
)
def test_sample_moments_within_statistical_bounds(ours, ref):
    n = 40_000
    x = ours.sample(n, rng=7)
    assert x.shape == (n,)
    sd = np.sqrt(ref.var())
    if sd == 0:
        assert np.all(x == ref.mean())
        return
    # the sample mean is within 5 standard errors; the variance within 10 %
    assert abs(x.mean() - ref.mean()) < 5 * sd / np.sqrt(n)
    assert x.var() == pytest.approx(ref.var(), rel=0.1)
    # and the samples follow the distribution (Kolmogorov-Smirnov for continuous ones)
    if hasattr(ref.dist, "pdf"):
        assert stats.kstest(x, ref.cdf).pvalue > 1e-4


def test_sampling_is_reproducible_and_shaped():
    X = Normal(1.0, 2.0)
    assert np.array_equal(X.sample(5, rng=3), X.sample(5, rng=3))
    assert X.sample((2, 3), rng=0).shape == (2, 3)
    assert isinstance(X.sample(rng=0), float)
    assert isinstance(Poisson(2.0).sample(rng=0), int)
    assert Binomial(5, 0.5).sample(4, rng=0).dtype.kind == "i"
    gen = np.random.default_rng(0)
    assert X.sample(3, rng=gen).shape == (3,)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Bernoulli(1.5), "p must be <= 1"),
        (lambda: Bernoulli(-0.1), "p must be >= 0"),
        (lambda: Bernoulli("0.5"), "p must be a real number"),
        (lambda: Binomial(-1, 0.5), "n must be >= 0"),
        (lambda: Binomial(2.5, 0.5), "n must be an integer"),
        (lambda: Binomial(3, np.nan), "p must be finite"),
        (lambda: Poisson(0.0), "lam must be > 0"),
        (lambda: Poisson(-2.0), "lam must be > 0"),
        (lambda: Uniform(1.0, 1.0), "high must be > low"),
        (lambda: Uniform(0.0, np.inf), "high must be finite"),
        (lambda: Normal(0.0, 0.0), "sigma must be > 0"),
        (lambda: Normal(0.0, -1.0), "sigma must be > 0"),
        (lambda: Exponential(0.0), "rate must be > 0"),
        (lambda: Normal().ppf(1.5), "q must hold probabilities"),
        (lambda: Normal().sample(-1), "size must be >= 0"),
        (lambda: Normal().sample(2.5), "size must be an integer"),
        (lambda: Normal().sample(3, rng="seed"), "rng must be None"),
        (lambda: Normal().pdf("x"), "x must be an array of numbers"),
    ],
)
def test_bad_parameters_are_named(make, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make()
