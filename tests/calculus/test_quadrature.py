"""trapezoid, simpson, monte_carlo_integral: against scipy.integrate.quad, orders, validation."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy.integrate import quad

from mathforml.calculus import (
    MonteCarloResult,
    monte_carlo_integral,
    simpson,
    trapezoid,
)
from tolerances import FINITE_DIFF, MONTE_CARLO

INTEGRANDS = [
    (np.exp, 0.0, 1.0),
    (np.sin, 0.0, np.pi),
    (lambda x: 1 / (1 + x**2), -2.0, 3.0),
    (lambda x: np.exp(-(x**2) / 2), -1.0, 2.5),
    (lambda x: x**5 - x, 1.0, -1.5),  # reversed limits: the negative integral
]


def log_log_slope(n, errors):
    return np.polyfit(np.log(n), np.log(errors), 1)[0]


@pytest.mark.parametrize("f, a, b", INTEGRANDS)
def test_trapezoid_and_simpson_match_quad(f, a, b):
    expected = quad(f, a, b)[0]
    assert_allclose(trapezoid(f, a, b, 2000), expected, **FINITE_DIFF)
    assert_allclose(simpson(f, a, b, 200), expected, **FINITE_DIFF)


@pytest.mark.parametrize(
    "rule, order, n",
    [
        (trapezoid, 2, 2 ** np.arange(2, 9)),
        (simpson, 4, 2 ** np.arange(1, 7)),
    ],
)
def test_error_order(rule, order, n):
    errors = [abs(rule(np.exp, 0.0, 1.0, int(k)) - (np.e - 1)) for k in n]
    assert abs(log_log_slope(n, errors) + order) < 0.3


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.floats(-5, 5), min_size=4, max_size=4),
    st.floats(-3, 0),
    st.floats(0.5, 3),
)
def test_exact_for_low_degree_polynomials(c, a, b):
    line = np.polynomial.Polynomial(c[:2])
    cubic = np.polynomial.Polynomial(c)

    def exact(p):
        return p.integ()(b) - p.integ()(a)

    assert_allclose(
        trapezoid(line, a, b, 3), exact(line), rtol=1e-12, atol=1e-12
    )
    assert_allclose(
        simpson(cubic, a, b, 2), exact(cubic), rtol=1e-12, atol=1e-11
    )


def test_monte_carlo_within_four_standard_errors():
    result = monte_carlo_integral(np.exp, 0.0, 1.0, 20_000, rng=1)
    assert isinstance(result, MonteCarloResult) and result.n == 20_000
    assert abs(result.estimate - (np.e - 1)) < 4 * result.std_error


def test_monte_carlo_box_in_three_dimensions():
    # Volume of the unit ball: the indicator of |x| <= 1 over the cube [-1, 1]^3.
    def inside(X):
        return (np.sum(X**2, axis=1) <= 1).astype(float)

    result = monte_carlo_integral(
        inside, [-1, -1, -1], [1, 1, 1], 40_000, rng=2
    )
    assert abs(result.estimate - 4 / 3 * np.pi) < 4 * result.std_error
    assert_allclose(result.estimate, 4 / 3 * np.pi, **MONTE_CARLO)


def test_monte_carlo_rectangle_uses_its_area():
    result = monte_carlo_integral(
        lambda X: X[:, 0] * X[:, 1], [0, 0], [1, 2], 20_000, rng=3
    )
    assert abs(result.estimate - 1.0) < 4 * result.std_error


def test_monte_carlo_standard_error_shrinks_like_one_over_sqrt_n():
    small = monte_carlo_integral(np.sin, 0, np.pi, 10_000, rng=4).std_error
    large = monte_carlo_integral(np.sin, 0, np.pi, 40_000, rng=4).std_error
    assert_allclose(small / large, 2.0, **MONTE_CARLO)


def test_monte_carlo_same_seed_same_result():
    first = monte_carlo_integral(np.cos, 0, 1, 100, rng=5)
    assert first == monte_carlo_integral(np.cos, 0, 1, 100, rng=5)
    assert first != monte_carlo_integral(np.cos, 0, 1, 100, rng=6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.estimate = 0.0


def test_simpson_rejects_odd_n():
    with pytest.raises(
        ValueError, match="n must be even for Simpson's rule; got n=5"
    ):
        simpson(np.sin, 0, 1, 5)


@pytest.mark.parametrize("rule", [trapezoid, simpson])
def test_quadrature_validation(rule):
    with pytest.raises(TypeError, match="f must be a callable"):
        rule([1, 2, 3], 0, 1, 4)
    with pytest.raises(ValueError, match="n must be >= "):
        rule(np.sin, 0, 1, 0)
    with pytest.raises(TypeError, match="n must be an integer"):
        rule(np.sin, 0, 1, 4.0)
    with pytest.raises(TypeError, match="a must be a real number"):
        rule(np.sin, "0", 1, 4)
    with pytest.raises(
        ValueError, match=r"f must be vectorized .*np.vectorize"
    ):
        rule(lambda x: 1.0, 0, 1, 4)


def test_monte_carlo_validation():
    with pytest.raises(TypeError, match="f must be a callable"):
        monte_carlo_integral(None, 0, 1, 10)
    with pytest.raises(
        ValueError, match="low must be < high in every coordinate"
    ):
        monte_carlo_integral(np.sin, [0, 1], [1, 1], 10)
    with pytest.raises(
        ValueError, match=r"low and high must be .* got \(2,\) and \(3,\)"
    ):
        monte_carlo_integral(np.sin, [0, 0], [1, 1, 1], 10)
    with pytest.raises(ValueError, match="n must be >= 2; got 1"):
        monte_carlo_integral(np.sin, 0, 1, 1)
    expected = r"one value per point, shape \(10,\); got shape \(10, 2\)"
    with pytest.raises(ValueError, match=expected):
        monte_carlo_integral(lambda X: X, [0, 0], [1, 1], 10)
