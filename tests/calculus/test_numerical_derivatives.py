"""derivative, gradient, jacobian, hessian: accuracy, error orders, and validation."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import rosen, rosen_der, rosen_hess

from mathforml.calculus import derivative, gradient, hessian, jacobian
from tolerances import FINITE_DIFF

# (function, its derivative, its third derivative is bounded on the test points)
FUNCTIONS = [
    (np.sin, np.cos),
    (np.exp, np.exp),
    (lambda x: x**3 - 2 * x, lambda x: 3 * x**2 - 2),
    (lambda x: 1 / (1 + x**2), lambda x: -2 * x / (1 + x**2) ** 2),
]


def log_log_slope(steps, errors):
    """Slope of log(error) against log(step): the order of the method."""
    return np.polyfit(np.log(steps), np.log(errors), 1)[0]


@pytest.mark.parametrize("f, df", FUNCTIONS)
@pytest.mark.parametrize("method", ["central", "forward", "backward"])
@pytest.mark.parametrize("x", [-2.0, 0.3, 1.0, 25.0])
def test_derivative_matches_analytic(f, df, method, x):
    assert_allclose(derivative(f, x, method=method), df(x), **FINITE_DIFF)


@pytest.mark.parametrize(
    "method, order, exponents",
    [
        ("forward", 1, (-4, -1)),
        ("backward", 1, (-4, -1)),
        ("central", 2, (-3, -1)),
    ],
)
def test_derivative_error_order(method, order, exponents):
    # Steps large enough that truncation, not rounding, dominates the error.
    steps = np.logspace(*exponents, 10)
    errors = [
        abs(derivative(np.exp, 0.5, h=h, method=method) - np.exp(0.5))
        for h in steps
    ]
    assert abs(log_log_slope(steps, errors) - order) < 0.3


@pytest.mark.parametrize("method", ["central", "forward"])
def test_default_step_beats_tiny_and_large_steps(method):
    # The default balances truncation (large h) against rounding (tiny h).
    def error(h):
        return abs(derivative(np.sin, 1.0, h=h, method=method) - np.cos(1.0))

    assert error(None) < error(1e-13)
    assert error(None) < error(1e-2)


def test_gradient_matches_rosen_der(rng):
    for _ in range(5):
        x = rng.uniform(-2, 2, size=6)
        assert_allclose(gradient(rosen, x), rosen_der(x), **FINITE_DIFF)


def test_gradient_keeps_the_shape_of_a_matrix_argument(rng):
    A = rng.standard_normal((3, 4))
    G = gradient(lambda X: np.sum(X**2) + np.sum(A * X), np.ones((3, 4)))
    assert G.shape == (3, 4)
    assert_allclose(G, 2 + A, **FINITE_DIFF)


def test_gradient_with_fixed_step():
    assert_allclose(
        gradient(lambda x: x @ x, [1.0, -1.0], h=1e-4),
        [2.0, -2.0],
        **FINITE_DIFF,
    )


def test_jacobian_matches_analytic(rng):
    A = rng.standard_normal((3, 4))
    x = rng.standard_normal(4)
    J = jacobian(lambda x: A @ x + np.sin(x[0]) * np.ones(3), x)
    expected = A.copy()
    expected[:, 0] += np.cos(x[0])
    assert J.shape == (3, 4)
    assert_allclose(J, expected, **FINITE_DIFF)


def test_jacobian_of_scalar_function_is_a_row_of_the_gradient(rng):
    x = rng.uniform(-1, 1, size=4)
    assert_allclose(jacobian(rosen, x), rosen_der(x)[None, :], **FINITE_DIFF)


def test_hessian_matches_rosen_hess(rng):
    for _ in range(3):
        x = rng.uniform(-1.5, 1.5, size=5)
        H, expected = hessian(rosen, x), rosen_hess(x)
        assert_allclose(H, H.T, rtol=0, atol=0)
        # Second differences keep about half the digits of f: entries that are zero in
        # theory come out near rtol * |H|_max, so atol is scaled by the matrix's size.
        scale = np.abs(expected).max()
        assert_allclose(
            H,
            expected,
            rtol=FINITE_DIFF["rtol"],
            atol=FINITE_DIFF["rtol"] * scale,
        )


def test_hessian_of_quadratic_form(rng):
    A = rng.standard_normal((4, 4))
    x = rng.standard_normal(4)
    assert_allclose(hessian(lambda x: x @ A @ x, x), A + A.T, **FINITE_DIFF)


@pytest.mark.parametrize("func", [derivative, gradient, jacobian, hessian])
def test_non_callable_f_is_a_type_error(func):
    with pytest.raises(TypeError, match="f must be a callable"):
        func("sin", 1.0 if func is derivative else [1.0, 2.0])


def test_derivative_validation():
    with pytest.raises(ValueError, match="method must be one of"):
        derivative(np.sin, 1.0, method="centered")
    with pytest.raises(ValueError, match=r"h must be > 0; got -0\.1"):
        derivative(np.sin, 1.0, h=-0.1)
    with pytest.raises(TypeError, match="x must be a real number"):
        derivative(np.sin, [1.0, 2.0])
    with pytest.raises(
        ValueError,
        match=r"f must return a scalar; got an output of shape \(2,\)",
    ):
        derivative(lambda x: np.array([x, x]), 1.0)


def test_vector_function_validation():
    with pytest.raises(ValueError, match="f must return a scalar"):
        gradient(lambda x: x, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"f must return a 1-D vector \(m,\)"):
        jacobian(lambda x: np.outer(x, x), [1.0, 2.0])
    with pytest.raises(ValueError, match="x must be a 1-D vector"):
        hessian(rosen, np.ones((2, 2)))
    with pytest.raises(ValueError, match="x must contain only finite numbers"):
        gradient(rosen, [1.0, np.nan])
    with pytest.raises(ValueError, match="h must be > 0"):
        hessian(rosen, [1.0, 2.0], h=0.0)
