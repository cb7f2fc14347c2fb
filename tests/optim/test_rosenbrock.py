"""Rosenbrock's function of two variables against SciPy's rosen, rosen_der, rosen_hess."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import rosen, rosen_der, rosen_hess

from mathforml.optim import (
    minimize,
    rosenbrock,
    rosenbrock_grad,
    rosenbrock_hess,
)


@pytest.fixture
def points():
    rng = np.random.default_rng(7)
    return np.vstack([[[1.0, 1.0], [-1.5, 2.0], [0.0, 0.0]],
                      rng.uniform(-3, 3, size=(20, 2)),
                      rng.uniform(-1e3, 1e3, size=(5, 2))])


def test_agrees_with_scipy(points):
    for p in points:
        assert rosenbrock(p) == pytest.approx(rosen(p), rel=1e-13, abs=1e-13)
        np.testing.assert_allclose(rosenbrock_grad(p), rosen_der(p), rtol=1e-13, atol=1e-12)
        np.testing.assert_allclose(rosenbrock_hess(p), rosen_hess(p), rtol=1e-13, atol=1e-12)


def test_derivatives_match_finite_differences(points):
    h = 1e-6
    eye = np.eye(2)
    for p in points[:23]:  # moderate points: central differences are accurate there
        fd_grad = [(rosenbrock(p + h * e) - rosenbrock(p - h * e)) / (2 * h) for e in eye]
        fd_hess = np.column_stack(
            [(rosenbrock_grad(p + h * e) - rosenbrock_grad(p - h * e)) / (2 * h)
             for e in eye])
        np.testing.assert_allclose(rosenbrock_grad(p), fd_grad, rtol=1e-6, atol=1e-5)
        np.testing.assert_allclose(rosenbrock_hess(p), fd_hess, rtol=1e-6, atol=1e-4)


def test_the_minimum():
    assert rosenbrock([1.0, 1.0]) == 0.0
    np.testing.assert_array_equal(rosenbrock_grad([1.0, 1.0]), [0.0, 0.0])
    assert np.all(np.linalg.eigvalsh(rosenbrock_hess([1.0, 1.0])) > 0)
    res = minimize(rosenbrock, rosenbrock_grad, [-1.2, 1.0], method="newton",
                   hess=rosenbrock_hess, tol=1e-12)
    np.testing.assert_allclose(res.x, [1.0, 1.0], atol=1e-8)


def test_a_grid_is_evaluated_point_by_point(points):
    xs, ys = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5))
    grid = rosenbrock(np.stack([xs, ys]))
    assert grid.shape == (5, 7)
    expected = [[rosen([x, y]) for x, y in zip(row_x, row_y)] for row_x, row_y in zip(xs, ys)]
    np.testing.assert_allclose(grid, expected, rtol=1e-13)
    np.testing.assert_allclose(rosenbrock(points.T), [rosen(p) for p in points], rtol=1e-13)
    assert isinstance(rosenbrock([0.5, 0.5]), float)


def test_a_diverged_point_gives_inf_or_nan_not_an_error():
    assert rosenbrock([np.inf, 0.0]) == np.inf
    assert np.isnan(rosenbrock_grad([np.nan, 1.0])).all()


@pytest.mark.parametrize("f", [rosenbrock, rosenbrock_grad, rosenbrock_hess])
@pytest.mark.parametrize(
    ("x", "error", "match"),
    [([1.0, 2.0, 3.0], ValueError, r"x must have shape \(2,\)"),
     (1.0, ValueError, r"x must have shape \(2,\)"),
     ([1.0 + 1j, 2.0], TypeError, "x must be real"),
     ("ab", TypeError, "x must be an array of numbers"),
     ([], ValueError, "x must not be empty")],
)
def test_bad_input_is_refused(f, x, error, match):
    with pytest.raises(error, match=match):
        f(x)


@pytest.mark.parametrize("f", [rosenbrock_grad, rosenbrock_hess])
def test_grad_and_hess_take_one_point(f):
    with pytest.raises(ValueError, match=r"x must have shape \(2,\):"):
        f(np.zeros((2, 3)))
