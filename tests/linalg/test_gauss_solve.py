import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import (
    EPS,
    PROPERTY,
    STABLE,
    ill_conditioned,
    relative_residual,
    square,
    vectors,
    with_copied_row,
)
from numpy.testing import assert_allclose

from mathforml.linalg import gauss_solve
from tolerances import DIRECT


@PROPERTY
@given(st.data())
def test_matches_numpy_solve(data):
    A = data.draw(square())
    b = data.draw(vectors(A.shape[0]))
    assert_allclose(gauss_solve(A, b), np.linalg.solve(A, b), **DIRECT)


@PROPERTY
@given(st.data())
def test_several_right_hand_sides_solve_column_by_column(data):
    A = data.draw(square())
    k = data.draw(st.integers(1, 3))
    B = np.column_stack([data.draw(vectors(A.shape[0])) for _ in range(k)])
    X = gauss_solve(A, B)
    assert X.shape == B.shape
    assert_allclose(X, np.linalg.solve(A, B), **DIRECT)
    assert_allclose(X[:, 0], gauss_solve(A, B[:, 0]), **DIRECT)


@pytest.mark.parametrize("cond", [1e4, 1e8, 1e12])
@pytest.mark.parametrize("n", [3, 8, 20])
def test_backward_stable_on_ill_conditioned_matrices(rng, n, cond):
    A = ill_conditioned(rng, n, n, cond)
    b = rng.standard_normal(n)
    x = gauss_solve(A, b)
    assert relative_residual(A, x, b) <= STABLE * n * EPS
    x_np = np.linalg.solve(A, b)
    assert np.linalg.norm(
        x - x_np
    ) <= STABLE * n * EPS * cond * np.linalg.norm(x_np)


def test_partial_pivoting_avoids_a_tiny_pivot():
    # Without a row swap the multiplier 1e20 wipes out the second equation: x = (0, 1).
    A = np.array([[1e-20, 1.0], [1.0, 1.0]])
    assert_allclose(gauss_solve(A, [1.0, 2.0]), [1.0, 1.0], **DIRECT)


def test_does_not_modify_its_inputs(rng):
    A, b = rng.standard_normal((4, 4)), rng.standard_normal(4)
    A0, b0 = A.copy(), b.copy()
    gauss_solve(A, b)
    np.testing.assert_array_equal(A, A0)
    np.testing.assert_array_equal(b, b0)


@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0], [2.0, 4.0]],
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
        np.zeros((3, 3)),
        [[0.0]],
    ],
)
def test_singular_examples_raise(A):
    with pytest.raises(
        np.linalg.LinAlgError, match="A is singular to working precision"
    ):
        gauss_solve(A, np.ones(len(A)))


@PROPERTY
@given(with_copied_row())
def test_matrix_with_a_copied_row_raises(A):
    with pytest.raises(np.linalg.LinAlgError, match=r"A is singular.*pinv"):
        gauss_solve(A, np.ones(A.shape[0]))


@pytest.mark.parametrize(
    "A, b, kind, message",
    [
        (
            np.ones((2, 3)),
            [1.0, 2.0],
            ValueError,
            r"A must be square; got shape \(2, 3\)",
        ),
        (
            [1.0, 2.0],
            [1.0],
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        (
            [[1.0, np.nan], [0.0, 1.0]],
            [1.0, 2.0],
            ValueError,
            "A must contain only finite numbers",
        ),
        (np.zeros((0, 0)), np.zeros(0), ValueError, "A must not be empty"),
        ("A", [1.0], TypeError, "A must be an array of numbers; got str"),
        (
            np.eye(2),
            [1.0, np.inf],
            ValueError,
            "b must contain only finite numbers",
        ),
        (
            np.eye(2),
            [1.0, 2.0, 3.0],
            ValueError,
            r"b must have 2 rows to match A with shape \(2, 2\)",
        ),
        (
            np.eye(2),
            np.ones((2, 1, 1)),
            ValueError,
            r"b must be 1-D \(m,\) or 2-D \(m, k\)",
        ),
        (
            np.eye(2),
            None,
            TypeError,
            "b must be an array of numbers; got NoneType",
        ),
    ],
)
def test_validation(A, b, kind, message):
    with pytest.raises(kind, match=message):
        gauss_solve(A, b)
