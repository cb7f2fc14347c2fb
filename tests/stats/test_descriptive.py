"""describe and mle_normal against NumPy and scipy.stats."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from mathforml.stats import Description, describe, mle_normal
from tolerances import DIRECT


def close(a, b):
    return a == pytest.approx(b, rel=DIRECT["rtol"], abs=DIRECT["atol"])


@pytest.mark.parametrize(
    ("n", "ddof"),
    [
        (n, ddof)
        for n in (1, 2, 3, 4, 7, 10, 101)
        for ddof in (0, 1, 2)
        if ddof < n
    ],
)
def test_describe_matches_numpy(rng, n, ddof):
    x = rng.normal(3.0, 2.0, size=n)
    d = describe(x, ddof=ddof)
    assert d.count == n and isinstance(d.count, int)
    assert close(d.mean, np.mean(x)) and close(d.median, np.median(x))
    assert close(d.var, np.var(x, ddof=ddof))
    assert close(d.std, np.std(x, ddof=ddof))
    assert d.min == np.min(x) and d.max == np.max(x)
    assert close(d.q1, np.quantile(x, 0.25))
    assert close(d.q3, np.quantile(x, 0.75))
    names = d.keys()
    assert all(type(d[k]) is float for k in names if k != "count")


def test_quartiles_interpolate_like_numpy_on_ties_and_integers():
    for x in ([1, 1, 1, 2], [5, 1, 4, 2, 3], [0, 10], list(range(12))):
        d = describe(x)
        assert_allclose(
            [d.q1, d.median, d.q3],
            np.quantile(np.asarray(x, float), [0.25, 0.5, 0.75]),
            **DIRECT,
        )


def test_describe_default_is_the_unbiased_variance_of_scipy():
    x = [2.0, 4.0, 4.0, 5.0, 6.0, 9.0]
    ref = stats.describe(x)
    d = describe(x)
    assert close(d.var, ref.variance) and close(d.mean, ref.mean)
    assert (d.min, d.max) == tuple(ref.minmax)


def test_description_reads_like_a_mapping_and_is_frozen():
    d = describe([1.0, 2.0, 4.0])
    assert d.keys() == (
        "count",
        "mean",
        "median",
        "var",
        "std",
        "min",
        "max",
        "q1",
        "q3",
    )
    assert d["mean"] == d.mean and d["q3"] == d.q3
    assert dict(d) == dataclasses.asdict(d)
    with pytest.raises(KeyError, match="'mode' is not a statistic"):
        d["mode"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.mean = 0.0
    assert isinstance(d, Description)


def test_a_single_value_has_zero_spread_with_ddof_0():
    d = describe([3.5], ddof=0)
    assert (d.count, d.mean, d.median, d.var, d.std) == (1, 3.5, 3.5, 0, 0)


@pytest.mark.parametrize("n", [1, 2, 5, 50])
def test_mle_normal_is_mean_and_std_ddof0(rng, n):
    x = rng.normal(-1.0, 0.5, size=n)
    mu, sigma = mle_normal(x)
    assert type(mu) is float and type(sigma) is float
    assert close(mu, np.mean(x)) and close(sigma, np.std(x))


def test_mle_normal_matches_scipy_fit_and_maximizes_the_likelihood(rng):
    x = rng.normal(10.0, 3.0, size=200)
    mu, sigma = mle_normal(x)
    assert_allclose((mu, sigma), stats.norm.fit(x), **DIRECT)

    def loglik(m, s):
        return stats.norm.logpdf(x, m, s).sum()

    best = loglik(mu, sigma)
    for dm, ds in [(0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)]:
        assert loglik(mu + dm, sigma + ds) < best


def test_mle_sigma_is_biased_low_by_n_minus_1_over_n(rng):
    x = rng.normal(size=7)
    assert close(mle_normal(x)[1] ** 2, describe(x).var * 6 / 7)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: describe([]), "x must not be empty"),
        (lambda: describe([[1.0, 2.0]]), "x must be a 1-D vector"),
        (lambda: describe([1.0, np.nan]), "x must contain only finite"),
        (lambda: describe(["a", "b"]), "x must be an array of numbers"),
        (lambda: describe([1.0, 2.0], ddof=-1), "ddof must be >= 0"),
        (lambda: describe([1.0, 2.0], ddof=2), "ddof must be at most n - 1"),
        (lambda: describe([1.0]), "ddof must be at most n - 1 = 0"),
        (lambda: describe([1.0, 2.0], ddof=0.5), "ddof must be an integer"),
        (lambda: mle_normal([]), "x must not be empty"),
        (lambda: mle_normal([1.0, np.inf]), "x must contain only finite"),
        (lambda: mle_normal(None), "x must be an array of numbers"),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
