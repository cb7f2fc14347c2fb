"""The one-sample and Welch t-tests against scipy.stats, for every alternative."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy import stats

from mathforml.stats import TTestResult, ttest_1samp, ttest_welch
from tolerances import DIRECT

ALTERNATIVES = ["two-sided", "less", "greater"]


def close(a, b):
    return a == pytest.approx(b, rel=DIRECT["rtol"], abs=DIRECT["atol"])


@pytest.mark.parametrize("alternative", ALTERNATIVES)
@pytest.mark.parametrize(
    ("n", "shift"), [(2, 0.0), (5, 0.3), (12, -0.8), (40, 0.05), (300, 0.2)]
)
def test_ttest_1samp_matches_scipy(rng, n, shift, alternative):
    x = rng.normal(shift, 1.0, size=n)
    ours = ttest_1samp(x, 0.0, alternative=alternative)
    ref = stats.ttest_1samp(x, 0.0, alternative=alternative)
    assert isinstance(ours, TTestResult)
    assert close(ours.statistic, ref.statistic)
    assert close(ours.pvalue, ref.pvalue)
    assert ours.df == n - 1 == ref.df
    assert all(type(v) is float for v in dataclasses.astuple(ours))


@pytest.mark.parametrize("alternative", ALTERNATIVES)
@pytest.mark.parametrize(
    ("nx", "ny", "sx", "sy"),
    [(2, 2, 1.0, 1.0), (5, 9, 1.0, 3.0), (30, 8, 0.2, 2.0), (50, 60, 1, 1)],
)
def test_ttest_welch_matches_scipy(rng, nx, ny, sx, sy, alternative):
    x = rng.normal(0.0, sx, size=nx)
    y = rng.normal(0.5, sy, size=ny)
    ours = ttest_welch(x, y, alternative=alternative)
    ref = stats.ttest_ind(x, y, equal_var=False, alternative=alternative)
    assert close(ours.statistic, ref.statistic)
    assert close(ours.pvalue, ref.pvalue)
    assert close(ours.df, ref.df)


def test_welch_df_lies_between_the_smaller_sample_and_the_pooled_df(rng):
    for _ in range(20):
        nx, ny = rng.integers(2, 30, size=2)
        x = rng.normal(size=nx) * rng.uniform(0.1, 10)
        y = rng.normal(size=ny) * rng.uniform(0.1, 10)
        df = ttest_welch(x, y).df
        assert min(nx, ny) - 1 - 1e-9 <= df <= nx + ny - 2 + 1e-9


def test_welch_with_one_constant_sample_uses_the_other_samples_df():
    r = ttest_welch([0.1] * 5, [2.0, 3.0, 4.0])
    # by hand: the standard error is that of y's mean, sqrt(1 / 3)
    assert close(r.df, 2.0) and close(r.statistic, (0.1 - 3.0) / 3**-0.5)
    assert close(r.pvalue, 2 * stats.t.sf(abs(r.statistic), 2))


def test_one_sided_pvalues_add_to_one_and_halve_the_two_sided(rng):
    x = rng.normal(0.4, 1.0, size=9)
    two = ttest_1samp(x, 0.0).pvalue
    less = ttest_1samp(x, 0.0, alternative="less").pvalue
    greater = ttest_1samp(x, 0.0, alternative="greater").pvalue
    assert close(less + greater, 1.0)
    assert close(two, 2 * min(less, greater))


def test_a_sample_at_its_null_mean_has_t_0_and_p_1():
    r = ttest_1samp([1.0, 2.0, 3.0], 2.0)
    assert r.statistic == 0.0 and r.pvalue == 1.0


def test_under_the_null_p_values_reject_about_5_percent(rng):
    x = rng.normal(size=(1000, 8))
    p = np.array([ttest_1samp(row, 0.0).pvalue for row in x])
    assert np.mean(p < 0.05) == pytest.approx(0.05, abs=0.02)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: ttest_1samp([1.0], 0.0), "x must hold at least 2 samples"),
        (lambda: ttest_1samp([2.0, 2.0, 2.0], 0.0), "x must not be constant"),
        (lambda: ttest_1samp([1.0, 2.0], "0"), "mu0 must be a real number"),
        (lambda: ttest_1samp([1.0, 2.0], np.nan), "mu0 must be finite"),
        (
            lambda: ttest_1samp([1.0, 2.0], 0.0, alternative="two_sided"),
            "alternative must be one of",
        ),
        (
            lambda: ttest_1samp([1.0, 2.0], 0.0, alternative=None),
            "alternative must be a string",
        ),
        (lambda: ttest_welch([1.0, 2.0], [3.0]), "y must hold at least 2"),
        (lambda: ttest_welch([1.0], [3.0, 4.0]), "x must hold at least 2"),
        (
            lambda: ttest_welch([1.0, 1.0], [3.0, 3.0]),
            "x and y must not both be constant",
        ),
        (lambda: ttest_welch([1.0, 2.0], [[3.0, 4.0]]), "y must be a 1-D"),
        (
            lambda: ttest_welch([1.0, 2.0], [3.0, 4.0], alternative="more"),
            "alternative must be one of",
        ),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
