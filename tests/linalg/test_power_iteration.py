import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from linalg_strategies import orthonormal
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg import PowerIterationResult, power_iteration
from tolerances import DIRECT, ITERATIVE

#: Enough examples to find a bug in small matrices, few enough for a fast suite.
PROPERTY = settings(max_examples=40, deadline=None)


def with_spectrum(rng, eigenvalues, *, symmetric, eigenvectors=False):
    """A diagonalizable matrix A = S diag(eigenvalues) S^-1 (and S, the eigenvectors)."""
    n = len(eigenvalues)
    if symmetric:
        S, _ = np.linalg.qr(rng.standard_normal((n, n)))
    else:
        S = np.eye(n) + 0.3 * rng.standard_normal(
            (n, n)
        )  # well conditioned, not orthogonal
    A = (S * eigenvalues) @ np.linalg.inv(S)
    return (A, S) if eigenvectors else A


@st.composite
def dominant_symmetric(draw, max_n=5):
    """Symmetric, with |lambda_2 / lambda_1| <= 0.8 so that 1000 iterations are plenty."""
    n = draw(st.integers(1, max_n))
    Q = draw(orthonormal(n, n))
    lam1 = draw(st.sampled_from([-1.0, 1.0])) * draw(st.floats(1.0, 10.0))
    rest = draw(
        arrays(np.float64, (n - 1,), elements=st.floats(-0.8, 0.8))
    ) * abs(lam1)
    return (Q * np.concatenate(([lam1], rest))) @ Q.T, lam1


@PROPERTY
@given(dominant_symmetric())
def test_power_iteration_finds_the_dominant_eigenpair(A_and_lam1):
    A, lam1 = A_and_lam1
    result = power_iteration(A, rng=0)
    assert result.converged
    assert_allclose(result.eigenvalue, lam1, **ITERATIVE)
    v = result.eigenvector
    assert_allclose(np.linalg.norm(v), 1.0, **DIRECT)
    assert_allclose(
        A @ v, result.eigenvalue * v, rtol=0.0, atol=1e-9 * np.linalg.norm(A)
    )


@pytest.mark.parametrize("symmetric", [True, False])
def test_power_iteration_matches_numpy_on_diagonalizable_matrices(
    rng, symmetric
):
    A = with_spectrum(rng, [-5.0, 3.0, 1.0, 0.5, -0.2], symmetric=symmetric)
    result = power_iteration(A, rng=rng)
    eigenvalues, eigenvectors = np.linalg.eig(A)
    i = np.argmax(np.abs(eigenvalues))
    v_np = np.real(eigenvectors[:, i]) / np.linalg.norm(eigenvectors[:, i])
    assert_allclose(result.eigenvalue, np.real(eigenvalues[i]), **ITERATIVE)
    assert_allclose(
        np.abs(result.eigenvector @ v_np), 1.0, **ITERATIVE
    )  # same line


def error_ratios(history, lam1):
    """Ratios e_{k+1} / e_k of the eigenvalue error, where e_k is above rounding level."""
    errors = np.abs(np.asarray(history) - lam1)
    clean = (errors[:-1] < 1e-2) & (
        errors[1:] > 1e-11
    )  # past the transient, above rounding
    assert np.count_nonzero(clean) >= 5
    return errors[1:][clean] / errors[:-1][clean]


@pytest.mark.parametrize(
    "symmetric, rate", [(False, 2.0 / 4.0), (True, (2.0 / 4.0) ** 2)]
)
def test_error_shrinks_by_lambda2_over_lambda1_per_step(rng, symmetric, rate):
    # Non-symmetric: the eigenvalue error shrinks like |l2/l1|; symmetric: like |l2/l1|**2.
    A, S = with_spectrum(
        rng, [4.0, 2.0, 1.0, 0.5, 0.25], symmetric=symmetric, eigenvectors=True
    )
    result = power_iteration(
        A, x0=S.sum(axis=1)
    )  # equal parts of every eigenvector
    assert_allclose(
        np.median(error_ratios(result.history, 4.0)), rate, rtol=0.02, atol=0.0
    )


def test_negative_dominant_eigenvalue_and_sign_convention(rng):
    A = with_spectrum(rng, [-3.0, 1.0, 0.5], symmetric=True)
    result = power_iteration(A, rng=rng)
    assert result.converged
    assert_allclose(result.eigenvalue, -3.0, **ITERATIVE)
    assert result.eigenvector[np.argmax(np.abs(result.eigenvector))] > 0


def test_result_records_its_path():
    result = power_iteration(np.diag([3.0, 1.0]), x0=[1.0, 1.0])
    assert isinstance(result, PowerIterationResult)
    assert result.history.shape == (result.n_iter,)
    assert result.history[-1] == result.eigenvalue
    assert_allclose(
        result.history[0], 2.0, **DIRECT
    )  # Rayleigh quotient of (1, 1) / sqrt(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.n_iter = 0


def test_start_orthogonal_to_the_dominant_eigenvector_finds_another_eigenpair():
    # Why the default start is random: from x0 = e_2 the iteration never sees lambda_1 = 3.
    result = power_iteration(np.diag([3.0, 1.0]), x0=[0.0, 1.0])
    assert result.converged and result.eigenvalue == 1.0 and result.n_iter == 1


def test_same_seed_same_result(rng):
    A = with_spectrum(rng, [2.0, 1.5, 1.0], symmetric=False)
    first, second = power_iteration(A, rng=7), power_iteration(A, rng=7)
    assert_array_equal(first.history, second.history)
    assert_array_equal(first.eigenvector, second.eigenvector)
    generator = power_iteration(A, rng=np.random.default_rng(7))
    assert_array_equal(first.history, generator.history)


@pytest.mark.parametrize(
    "A",
    [
        np.diag(
            [1.0, -1.0]
        ),  # |lambda_1| = |lambda_2|: the iterate flips between two directions
        np.array(
            [[0.0, -1.0], [1.0, 0.0]]
        ),  # rotation by 90 degrees: eigenvalues +-i
    ],
)
def test_no_dominant_eigenvalue_warns_and_reports_not_converged(A):
    with pytest.warns(
        ConvergenceWarning, match="power_iteration did not converge in 50"
    ):
        result = power_iteration(A, x0=[1.0, 0.5], max_iter=50)
    assert not result.converged
    assert result.n_iter == 50 and result.history.shape == (50,)


def test_too_few_iterations_warns(rng):
    A = with_spectrum(
        rng, [1.0, 0.99, 0.5], symmetric=True
    )  # slow: ratio 0.99
    with pytest.warns(
        ConvergenceWarning, match="raise max_iter or loosen tol"
    ):
        result = power_iteration(A, max_iter=5, rng=rng)
    assert not result.converged and result.n_iter == 5


def test_zero_matrix_converges_at_once():
    result = power_iteration(np.zeros((3, 3)), rng=0)
    assert result.converged and result.eigenvalue == 0.0 and result.n_iter == 1


@pytest.mark.parametrize(
    "kwargs, kind, match",
    [
        (
            {"A": np.ones((2, 3))},
            ValueError,
            r"A must be square; got shape \(2, 3\)",
        ),
        (
            {"A": [[1.0, np.nan], [0.0, 1.0]]},
            ValueError,
            "A must contain only finite numbers",
        ),
        ({"A": np.empty((0, 0))}, ValueError, "A must not be empty"),
        ({"A": "A"}, TypeError, "A must be an array of numbers"),
        ({"x0": [0.0, 0.0]}, ValueError, "x0 must be a nonzero vector"),
        (
            {"x0": [1.0, 2.0, 3.0]},
            ValueError,
            "x0 must have length 2; got length 3",
        ),
        ({"x0": [[1.0, 2.0]]}, ValueError, "x0 must be a 1-D vector"),
        (
            {"x0": [np.inf, 1.0]},
            ValueError,
            "x0 must contain only finite numbers",
        ),
        ({"max_iter": 0}, ValueError, "max_iter must be >= 1; got 0"),
        ({"max_iter": 10.0}, TypeError, "max_iter must be an integer"),
        ({"tol": -1e-3}, ValueError, "tol must be > 0"),
        ({"tol": np.nan}, ValueError, "tol must be finite"),
        ({"rng": "seed"}, TypeError, "rng must be None, an int seed"),
    ],
)
def test_power_iteration_rejects_bad_input(kwargs, kind, match):
    arguments = {"A": np.eye(2)} | kwargs
    with pytest.raises(kind, match=match):
        power_iteration(arguments.pop("A"), **arguments)
