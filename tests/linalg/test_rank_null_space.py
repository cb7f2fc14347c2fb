import numpy as np
import pytest
import scipy.linalg
from hypothesis import given
from linalg_strategies import PROPERTY, any_shape, low_rank
from numpy.testing import assert_allclose

from mathforml.linalg import null_space, rank
from tolerances import DIRECT


@PROPERTY
@given(low_rank())
def test_rank_of_low_rank_matrix(A_k):
    A, k = A_k
    assert rank(A) == k == np.linalg.matrix_rank(A)
    assert rank(A.T) == k


@PROPERTY
@given(any_shape())
def test_rank_of_full_rank_matrix(A):
    assert rank(A) == min(A.shape)


def test_rank_tol_and_examples():
    A = np.diag([1.0, 1e-3])
    assert rank(A) == 2
    assert rank(A, tol=1e-2) == 1
    assert rank(A, tol=2.0) == 0
    assert rank([[1.0, 2.0], [2.0, 4.0]]) == 1
    assert rank(np.zeros((3, 2))) == 0
    assert isinstance(rank(np.eye(2)), int)


def assert_null_space(A, N):
    n = A.shape[1]
    assert N.shape == (n, n - rank(A))
    assert_allclose(N.T @ N, np.eye(N.shape[1]), **DIRECT)
    assert_allclose(A @ N, np.zeros((A.shape[0], N.shape[1])), **DIRECT)
    # The same subspace as SciPy's: equal orthogonal projectors onto it.
    N_sp = scipy.linalg.null_space(A)
    assert_allclose(N @ N.T, N_sp @ N_sp.T, **DIRECT)


@PROPERTY
@given(low_rank())
def test_null_space_of_low_rank_matrix(A_k):
    A, k = A_k
    N = null_space(A)
    assert N.shape[1] == A.shape[1] - k  # rank-nullity
    assert_null_space(A, N)


@PROPERTY
@given(any_shape())
def test_null_space_of_full_rank_matrix(A):
    assert_null_space(A, null_space(A))


def test_null_space_examples():
    N = null_space([[1.0, 1.0]])
    assert_allclose(np.abs(N[:, 0]), [np.sqrt(0.5), np.sqrt(0.5)], **DIRECT)
    assert null_space(np.eye(3)).shape == (3, 0)
    assert_allclose(
        null_space(np.zeros((2, 3))) @ null_space(np.zeros((2, 3))).T,
        np.eye(3),
        **DIRECT,
    )
    assert null_space(np.diag([1.0, 1e-3]), tol=1e-2).shape == (2, 1)


@pytest.mark.parametrize("function", [rank, null_space])
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
            [[1.0, np.nan]],
            None,
            ValueError,
            "A must contain only finite numbers",
        ),
        (np.zeros((2, 0)), None, ValueError, "A must not be empty"),
        ("matrix", None, TypeError, "A must be an array of numbers; got str"),
        (np.eye(2), -1e-3, ValueError, "tol must be >= 0; got -0.001"),
        (np.eye(2), [1e-3], TypeError, "tol must be a real number; got list"),
    ],
)
def test_validation(function, A, tol, kind, message):
    with pytest.raises(kind, match=message):
        function(A, tol=tol)
