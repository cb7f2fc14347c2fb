"""Confidence intervals: the t interval against scipy.stats.t.interval and by
its coverage; the percentile bootstrap by its definition and reproducibility."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from mathforml.stats import bootstrap_ci, t_confidence_interval
from tolerances import DIRECT

#: A 95 % interval's coverage over 2000 samples: three standard errors.
COVERAGE_ATOL = 0.015
#: Bootstrap and t intervals for the mean of a large normal sample agree in
#: width to a few percent (the bootstrap's own Monte Carlo error).
WIDTH = dict(rtol=0.1, atol=0.0)


@pytest.mark.parametrize("n", [2, 3, 10, 200])
@pytest.mark.parametrize("level", [0.5, 0.9, 0.95, 0.999])
def test_t_interval_matches_scipy(rng, n, level):
    x = rng.normal(5.0, 2.0, size=n)
    ref = stats.t.interval(level, n - 1, loc=x.mean(), scale=stats.sem(x))
    low, high = t_confidence_interval(x, level=level)
    assert type(low) is float and type(high) is float
    assert_allclose((low, high), ref, **DIRECT)


def test_t_interval_is_centred_and_grows_with_the_level(rng):
    x = rng.normal(size=15)
    widths = []
    for level in (0.5, 0.8, 0.95, 0.99):
        low, high = t_confidence_interval(x, level=level)
        assert (low + high) / 2 == pytest.approx(x.mean(), abs=1e-12)
        widths.append(high - low)
    assert np.all(np.diff(widths) > 0)


def test_t_interval_covers_the_mean_95_percent_of_the_time(rng):
    samples = rng.normal(0.0, 1.0, size=(2000, 10))
    hits = [
        low <= 0.0 <= high for low, high in map(t_confidence_interval, samples)
    ]
    assert np.mean(hits) == pytest.approx(0.95, abs=COVERAGE_ATOL)


def test_bootstrap_is_the_percentile_interval_of_resampled_statistics():
    x = np.array([2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 4.0, 2.5, 3.9])
    n_boot, level = 500, 0.9
    gen = np.random.default_rng(7)
    idx = gen.integers(0, x.size, size=(n_boot, x.size))
    thetas = np.median(x[idx], axis=1)
    expected = np.quantile(thetas, [0.05, 0.95])
    got = bootstrap_ci(x, np.median, n_boot=n_boot, level=level, rng=7)
    assert_allclose(got, expected, **DIRECT)


def test_bootstrap_contains_the_true_mean_of_a_large_sample(rng):
    x = rng.normal(3.0, 2.0, size=1000)
    low, high = bootstrap_ci(x, np.mean, rng=rng)
    assert low < 3.0 < high
    assert low < x.mean() < high
    t_low, t_high = t_confidence_interval(x)
    assert_allclose(high - low, t_high - t_low, **WIDTH)


def test_bootstrap_is_reproducible_with_the_same_seed():
    x = np.random.default_rng(1).exponential(size=40)
    a = bootstrap_ci(x, np.median, n_boot=300, rng=5)
    assert a == bootstrap_ci(x, np.median, n_boot=300, rng=5)
    b = bootstrap_ci(x, np.median, n_boot=300, rng=np.random.default_rng(5))
    assert a == b
    assert a != bootstrap_ci(x, np.median, n_boot=300, rng=6)
    assert all(type(v) is float for v in a)


def test_bootstrap_accepts_any_real_valued_statistic(rng):
    x = rng.normal(size=30)
    for statistic in (
        np.std,
        lambda s: float(np.percentile(s, 90)),
        lambda s: np.asarray(s.max()),  # a 0-d array is a number too
        lambda s: int(s.size),
    ):
        low, high = bootstrap_ci(x, statistic, n_boot=100, rng=0)
        assert low <= high


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: t_confidence_interval([1.0]), "at least 2 samples"),
        (lambda: t_confidence_interval([]), "x must not be empty"),
        (lambda: t_confidence_interval([1, 2], level=1), "level must be < 1"),
        (lambda: t_confidence_interval([1, 2], level=0), "level must be > 0"),
        (
            lambda: t_confidence_interval([1, 2], level="95%"),
            "level must be a real number",
        ),
        (lambda: bootstrap_ci([1.0, 2.0], 3), "statistic must be a callable"),
        (
            lambda: bootstrap_ci([1.0, 2.0], lambda s: None),
            r"statistic\(x\) must be a real number; got NoneType",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], lambda s: "big"),
            r"statistic\(x\) must be a real number; got str",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], lambda s: s),
            r"statistic\(x\) must be a real number; got ndarray",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], lambda s: 1j),
            r"statistic\(x\) must be a real number; got complex",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], lambda s: np.nan),
            r"statistic\(x\) must be finite",
        ),
        (
            lambda: bootstrap_ci(
                [1.0, 2.0],
                lambda s: np.inf if s[0] == s[-1] else s.mean(),
                rng=0,
            ),
            "statistic returned NaN or inf on some resamples",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], np.mean, n_boot=0),
            "n_boot must be >= 1",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], np.mean, n_boot=10.0),
            "n_boot must be an integer",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], np.mean, level=1.5),
            "level must be < 1",
        ),
        (
            lambda: bootstrap_ci([1.0, 2.0], np.mean, rng=True),
            "rng must be None",
        ),
        (lambda: bootstrap_ci([], np.mean), "x must not be empty"),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_statistic_errors_are_type_errors():
    with pytest.raises(TypeError, match="statistic"):
        bootstrap_ci([1.0, 2.0], lambda s: [1.0, 2.0])
