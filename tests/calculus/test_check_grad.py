"""check_grad: small for right gradients, large for wrong ones, reproducible, validated."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import rosen, rosen_der

from mathforml.calculus import check_grad
from tolerances import FINITE_DIFF

GRAD_TOL = FINITE_DIFF["rtol"]


def test_correct_gradient_has_tiny_error(rng):
    x = rng.uniform(-2, 2, size=8)
    assert check_grad(rosen, rosen_der, x, rng=rng) < GRAD_TOL
    assert (
        check_grad(rosen, rosen_der, x, coordinates=True, rng=rng) < GRAD_TOL
    )


def test_wrong_gradient_has_large_error(rng):
    x = rng.uniform(-2, 2, size=8)
    assert check_grad(rosen, lambda x: 1.01 * rosen_der(x), x, rng=rng) > 1e-3


def test_coordinates_find_one_wrong_entry(rng):
    x = rng.uniform(-2, 2, size=50)

    def almost_right(x):
        g = rosen_der(x)
        g[17] += 1e-2 * np.linalg.norm(g)
        return g

    assert (
        check_grad(rosen, almost_right, x, n_directions=0, coordinates=True)
        > 5e-3
    )


def test_matrix_argument(rng):
    A = rng.standard_normal((3, 2))
    X = rng.standard_normal((3, 2))
    assert (
        check_grad(
            lambda X: np.sum(np.sin(A * X)),
            lambda X: A * np.cos(A * X),
            X,
            coordinates=True,
            rng=rng,
        )
        < GRAD_TOL
    )


def test_same_seed_same_result(rng):
    x = rng.uniform(-2, 2, size=5)

    def wrong(x):
        return rosen_der(x) + 0.1

    assert check_grad(rosen, wrong, x, rng=3) == check_grad(
        rosen, wrong, x, rng=3
    )


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float64, (4, 4), elements=st.floats(-3, 3)),
    arrays(np.float64, 4, elements=st.floats(-3, 3)),
)
def test_quadratics_pass(A, x):
    # f(x) = x^T A x + sum(x): gradient (A + A^T) x + 1 is never zero at the same time as f's
    # scale, so the relative error is meaningful.
    def f(x):
        return x @ A @ x + x.sum()

    def grad_f(x):
        return (A + A.T) @ x + 1

    if np.linalg.norm(grad_f(x)) > 1e-3:
        assert check_grad(f, grad_f, x, rng=0) < GRAD_TOL


def test_validation():
    with pytest.raises(TypeError, match="grad_f must be a callable"):
        check_grad(rosen, None, [1.0, 2.0])
    with pytest.raises(TypeError, match="f must be a callable"):
        check_grad(3, rosen_der, [1.0, 2.0])
    expected = r"grad_f\(x\) must have the shape of x, \(2,\); got \(3,\)"
    with pytest.raises(ValueError, match=expected):
        check_grad(rosen, lambda x: np.ones(3), [1.0, 2.0])
    with pytest.raises(
        ValueError, match="n_directions must be >= 1 when coordinates=False"
    ):
        check_grad(rosen, rosen_der, [1.0, 2.0], n_directions=0)
    with pytest.raises(ValueError, match="n_directions must be >= 0"):
        check_grad(rosen, rosen_der, [1.0, 2.0], n_directions=-1)
    with pytest.raises(ValueError, match="f must return a scalar"):
        check_grad(lambda x: x, lambda x: x, [1.0, 2.0])
    with pytest.raises(TypeError, match="rng must be None, an int seed"):
        check_grad(rosen, rosen_der, [1.0, 2.0], rng="seed")
