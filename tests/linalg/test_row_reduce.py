import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, square, tall, vectors
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.linalg import row_reduce
from tolerances import DIRECT


def assert_reduced_echelon(R, pivots):
    """Pivots increase, each pivot is 1 and alone in its column, rows below the pivots are 0,
    and every entry left of a pivot in its row is 0."""
    r = len(pivots)
    assert list(pivots) == sorted(set(pivots))
    assert_array_equal(R[:, list(pivots)], np.eye(R.shape[0], r))
    assert_array_equal(R[r:], 0.0)
    for i, p in enumerate(pivots):
        assert_array_equal(R[i, :p], 0.0)


@PROPERTY
@given(st.data())
def test_gauss_jordan_on_augmented_matrix_solves_the_system(data):
    A = data.draw(square())
    n = A.shape[0]
    B = np.column_stack([data.draw(vectors(n)), data.draw(vectors(n))])
    R, pivots = row_reduce(np.hstack([A, B]))
    assert pivots == tuple(range(n))
    assert_array_equal(R[:, :n], np.eye(n))
    assert_allclose(R[:, n:], np.linalg.solve(A, B), **DIRECT)


@PROPERTY
@given(st.data())
def test_copied_columns_become_free_and_general_solution_solves(data):
    A = data.draw(
        tall()
    )  # full column rank: every subset of its columns is independent
    n = A.shape[1]
    # Append copies of columns, scaled by powers of two: the rank stays n.
    copies = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    powers = [2.0 ** data.draw(st.integers(-2, 2)) for _ in copies]
    A = np.column_stack([A] + [p * A[:, j] for p, j in zip(powers, copies)])
    R, pivots = row_reduce(A)
    assert_reduced_echelon(R, pivots)
    assert pivots == tuple(range(n))
    assert len(pivots) == np.linalg.matrix_rank(A)
    # A particular solution of A x = b for b = A x0, read off the reduced [A | b]. Rounding
    # puts b a little outside the column space: a looser tol treats that as zero.
    x0 = data.draw(vectors(A.shape[1]))
    b = A @ x0
    Rb, pivots_b = row_reduce(
        np.column_stack([A, b]), tol=1e-8 * np.abs(A).max()
    )
    assert pivots_b == pivots  # consistent: no pivot in the last column
    x_p = np.zeros(A.shape[1])
    x_p[list(pivots)] = Rb[:n, -1]
    scale = np.abs(A).max() * np.abs(x0).max() * A.shape[1]
    assert_allclose(
        A @ x_p, b, rtol=DIRECT["rtol"], atol=DIRECT["atol"] * max(scale, 1.0)
    )


def test_textbook_example():
    A = [[1.0, 2.0, 1.0, 3.0], [2.0, 4.0, 0.0, 2.0], [3.0, 6.0, 1.0, 5.0]]
    R, pivots = row_reduce(A)
    assert pivots == (0, 2)
    assert_array_equal(
        R, [[1.0, 2.0, 0.0, 1.0], [0.0, 0.0, 1.0, 2.0], [0.0, 0.0, 0.0, 0.0]]
    )


def test_inconsistent_system_has_a_pivot_in_the_last_column():
    A_b = [[1.0, 1.0, 1.0], [1.0, 1.0, 2.0]]  # x + y = 1 and x + y = 2
    assert row_reduce(A_b).pivots == (0, 2)


def test_result_is_a_named_tuple(rng):
    result = row_reduce(rng.standard_normal((2, 3)))
    R, pivots = result
    assert R is result.R and pivots is result.pivots


def test_tol_decides_what_counts_as_zero():
    A = np.array([[1.0, 0.0], [0.0, 1e-8]])
    assert row_reduce(A).pivots == (0, 1)
    assert row_reduce(A, tol=1e-6).pivots == (0,)
    R, pivots = row_reduce(A, tol=2.0)
    assert pivots == ()
    assert_array_equal(R, 0.0)


def test_zero_matrix_has_no_pivots():
    R, pivots = row_reduce(np.zeros((2, 3)))
    assert pivots == ()
    assert_array_equal(R, 0.0)


def test_does_not_modify_its_input(rng):
    A = rng.standard_normal((3, 4))
    A0 = A.copy()
    row_reduce(A)
    assert_array_equal(A, A0)


@pytest.mark.parametrize(
    "A, tol, kind, message",
    [
        (
            [1.0, 2.0],
            None,
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        (
            [[1.0, np.inf]],
            None,
            ValueError,
            "A must contain only finite numbers",
        ),
        (np.zeros((0, 3)), None, ValueError, "A must not be empty"),
        ([["a", "b"]], None, TypeError, "A must be an array of numbers"),
        (np.eye(2), -1.0, ValueError, "tol must be >= 0; got -1.0"),
        (np.eye(2), "small", TypeError, "tol must be a real number; got str"),
        (np.eye(2), np.nan, ValueError, "tol must be finite"),
    ],
)
def test_validation(A, tol, kind, message):
    with pytest.raises(kind, match=message):
        row_reduce(A, tol=tol)


@pytest.mark.parametrize(
    ("A", "b"),
    [
        (
            [[1.0, 1.0], [1.0, 1.001]],
            [1e13, 0.0],
        ),  # a real pivot of 0.001 under a huge b
        ([[1.0, 0.0], [0.0, 1.0]], [1e20, 0.0]),
        ([[2e-8, 1.0], [0.0, 3e-9]], [5e10, 1.0]),
    ],
)
def test_a_huge_right_hand_side_does_not_hide_the_pivots_of_A(A, b):
    A, b = np.array(A), np.array(b)
    R, pivots = row_reduce(np.column_stack([A, b]))
    assert pivots == (0, 1)  # consistent: no pivot in b's column
    x = R[:, 2]
    assert np.allclose(x, np.linalg.solve(A, b), rtol=1e-9, atol=0)


def test_a_dependent_column_stays_free_whatever_the_scale_of_b():
    A = np.array([[1.0, 2.0], [3.0, 6.0]])  # column 1 = 2 * column 0
    for scale in (1e-12, 1.0, 1e15):
        b = scale * np.array([1.0, 3.0])  # in the column space
        assert row_reduce(np.column_stack([A, b])).pivots == (0,)
        c = scale * np.array([1.0, 2.0])  # not in it: a pivot in b's column
        assert row_reduce(np.column_stack([A, c])).pivots == (0, 2)
