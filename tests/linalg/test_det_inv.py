import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import (
    EPS,
    PROPERTY,
    STABLE,
    ill_conditioned,
    square,
    with_copied_row,
)
from numpy.testing import assert_allclose

from mathforml.linalg import det, inv
from tolerances import DIRECT

# --- det ------------------------------------------------------------------------------------


@PROPERTY
@given(square())
def test_det_matches_numpy(A):
    assert_allclose(det(A), np.linalg.det(A), **DIRECT)


@PROPERTY
@given(st.data())
def test_det_is_multiplicative(data):
    A = data.draw(square())
    B = data.draw(square(min_n=A.shape[0], max_n=A.shape[0]))
    assert_allclose(det(A @ B), det(A) * det(B), **DIRECT)


@PROPERTY
@given(square(), st.floats(-3.0, 3.0).filter(lambda c: abs(c) > 0.1))
def test_det_of_transpose_and_of_multiple(A, c):
    n = A.shape[0]
    assert_allclose(det(A.T), det(A), **DIRECT)
    assert_allclose(det(c * A), c**n * det(A), **DIRECT)


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_det_of_permutation_matrix_is_its_sign(n):
    for perm in itertools.permutations(range(n)):
        P = np.eye(n)[list(perm)]
        inversions = sum(
            perm[i] > perm[j] for i in range(n) for j in range(i + 1, n)
        )
        assert det(P) == (-1.0) ** inversions


def test_det_of_triangular_matrix_is_product_of_diagonal(rng):
    U = np.triu(rng.standard_normal((5, 5)))
    assert_allclose(det(U), np.prod(np.diag(U)), **DIRECT)
    assert_allclose(det(U.T), np.prod(np.diag(U)), **DIRECT)


@PROPERTY
@given(with_copied_row())
def test_det_of_matrix_with_copied_row_is_zero(A):
    assert det(A) == 0.0


def test_det_of_textbook_examples():
    assert det([[2.0, 1.0], [1.0, 3.0]]) == 5.0
    assert det([[0.0, 1.0], [1.0, 0.0]]) == -1.0
    assert det(np.zeros((3, 3))) == 0.0
    assert isinstance(det(np.eye(2)), float)


# --- inv ------------------------------------------------------------------------------------


@PROPERTY
@given(square())
def test_inv_matches_numpy_and_inverts(A):
    A_inv = inv(A)
    n = A.shape[0]
    assert_allclose(A_inv, np.linalg.inv(A), **DIRECT)
    assert_allclose(A @ A_inv, np.eye(n), **DIRECT)
    assert_allclose(A_inv @ A, np.eye(n), **DIRECT)
    assert_allclose(inv(A_inv), A, **DIRECT)


@pytest.mark.parametrize("cond", [1e4, 1e8, 1e12])
@pytest.mark.parametrize("n", [3, 8, 20])
def test_inv_error_grows_at_most_with_the_condition_number(rng, n, cond):
    A = ill_conditioned(rng, n, n, cond)
    residual = np.linalg.norm(A @ inv(A) - np.eye(n), 2)
    assert residual <= STABLE * n * EPS * cond


@PROPERTY
@given(with_copied_row())
def test_inv_of_singular_matrix_raises(A):
    with pytest.raises(
        np.linalg.LinAlgError, match=r"A is singular .*rank \d < \d.*pinv"
    ):
        inv(A)


@pytest.mark.parametrize(
    "A", [[[1.0, 2.0], [2.0, 4.0]], np.zeros((2, 2)), [[0.0]]]
)
def test_inv_of_singular_examples_raises(A):
    with pytest.raises(
        np.linalg.LinAlgError, match="A is singular to working precision"
    ):
        inv(A)


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize("function", [det, inv])
@pytest.mark.parametrize(
    "A, kind, message",
    [
        (np.ones((2, 3)), ValueError, r"A must be square; got shape \(2, 3\)"),
        (
            [1.0, 2.0],
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        ([[np.nan]], ValueError, "A must contain only finite numbers"),
        (np.zeros((0, 0)), ValueError, "A must not be empty"),
        (None, TypeError, "A must be an array of numbers; got NoneType"),
    ],
)
def test_validation(function, A, kind, message):
    with pytest.raises(kind, match=message):
        function(A)
