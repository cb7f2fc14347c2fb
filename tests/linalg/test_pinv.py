import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, any_shape, low_rank, tall, vectors
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.linalg import lstsq, pinv
from tolerances import DIRECT

some_matrices = st.one_of(any_shape(), low_rank().map(lambda A_k: A_k[0]))


@PROPERTY
@given(some_matrices)
def test_penrose_conditions_and_numpy(A):
    A_plus = pinv(A)
    assert A_plus.shape == A.shape[::-1]
    assert_allclose(A @ A_plus @ A, A, **DIRECT)
    assert_allclose(A_plus @ A @ A_plus, A_plus, **DIRECT)
    assert_allclose((A @ A_plus).T, A @ A_plus, **DIRECT)
    assert_allclose((A_plus @ A).T, A_plus @ A, **DIRECT)
    assert_allclose(A_plus, np.linalg.pinv(A), **DIRECT)


@PROPERTY
@given(st.data())
def test_full_column_rank_gives_least_squares(data):
    A = data.draw(tall())
    b = data.draw(vectors(A.shape[0]))
    assert_allclose(pinv(A) @ A, np.eye(A.shape[1]), **DIRECT)
    assert_allclose(pinv(A) @ b, lstsq(A, b), **DIRECT)


@PROPERTY
@given(st.data())
def test_minimum_norm_solution_of_wide_system(data):
    A = data.draw(tall()).T  # full row rank: infinitely many exact solutions
    b = data.draw(vectors(A.shape[0]))
    x = pinv(A) @ b
    assert_allclose(A @ x, b, **DIRECT)
    # The minimum-norm solution has no component in the kernel: it lies in the row space.
    assert_allclose(x, A.T @ np.linalg.solve(A @ A.T, b), **DIRECT)


def test_examples_and_rcond():
    assert_allclose(
        pinv([[1.0, 1.0], [1.0, 1.0]]), np.full((2, 2), 0.25), **DIRECT
    )
    assert_array_equal(pinv(np.zeros((2, 3))), np.zeros((3, 2)))
    A = np.diag([1.0, 1e-6])
    assert_allclose(pinv(A), np.diag([1.0, 1e6]), **DIRECT)
    assert_allclose(pinv(A, rcond=1e-3), np.diag([1.0, 0.0]), **DIRECT)
    assert_array_equal(pinv(A, rcond=2.0), np.zeros((2, 2)))


@pytest.mark.parametrize(
    "A, rcond, kind, message",
    [
        (
            [1.0, 2.0],
            None,
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        ([[np.nan]], None, ValueError, "A must contain only finite numbers"),
        (np.zeros((0, 2)), None, ValueError, "A must not be empty"),
        ("A", None, TypeError, "A must be an array of numbers; got str"),
        (np.eye(2), -1.0, ValueError, "rcond must be >= 0; got -1.0"),
        (np.eye(2), "1e-3", TypeError, "rcond must be a real number; got str"),
    ],
)
def test_validation(A, rcond, kind, message):
    with pytest.raises(kind, match=message):
        pinv(A, rcond=rcond)
