import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from linalg_strategies import orthonormal
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.linalg import cholesky
from tolerances import DIRECT

#: Enough examples to find a bug in small matrices, few enough for a fast suite.
PROPERTY = settings(max_examples=40, deadline=None)


@st.composite
def spd(draw, max_n=6):
    """Q diag(w) Q^T with eigenvalues w in [0.1, 10]: positive definite, condition <= 100."""
    n = draw(st.integers(1, max_n))
    Q = draw(orthonormal(n, n))
    w = draw(arrays(np.float64, (n,), elements=st.floats(0.1, 10.0)))
    A = (Q * w) @ Q.T
    return (A + A.T) / 2


@PROPERTY
@given(spd())
def test_cholesky_rebuilds_a_and_matches_numpy(A):
    L = cholesky(A)
    assert_array_equal(np.triu(L, 1), 0.0)
    assert np.all(np.diag(L) > 0)
    assert_allclose(L @ L.T, A, **DIRECT)
    assert_allclose(L, np.linalg.cholesky(A), **DIRECT)


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_cholesky_of_gram_matrices(rng, n):
    X = rng.standard_normal((n + 3, n))
    A = (
        X.T @ X
    )  # symmetric to rounding, positive definite with probability one
    L = cholesky(A)
    assert_allclose(L @ L.T, A, **DIRECT)
    assert_allclose(L, np.linalg.cholesky(A), **DIRECT)


def test_cholesky_small_example_by_hand():
    assert_array_equal(
        cholesky([[4.0, 2.0], [2.0, 5.0]]), [[2.0, 0.0], [1.0, 2.0]]
    )
    assert_array_equal(cholesky([[9.0]]), [[3.0]])


def test_cholesky_turns_standard_normals_into_a_gaussian_sample(rng):
    Sigma = np.array([[2.0, 0.8], [0.8, 1.0]])
    Z = rng.standard_normal((200_000, 2))
    X = Z @ cholesky(Sigma).T  # rows are draws of N(0, Sigma)
    assert_allclose(np.cov(X, rowvar=False), Sigma, rtol=0.0, atol=0.02)


@pytest.mark.parametrize(
    "A, column",
    [
        ([[1.0, 2.0], [2.0, 1.0]], 1),  # indefinite: eigenvalues 3 and -1
        ([[1.0, 1.0], [1.0, 1.0]], 1),  # semidefinite: singular
        ([[-1.0, 0.0], [0.0, 2.0]], 0),
        (np.zeros((3, 3)), 0),
    ],
)
def test_cholesky_rejects_matrices_that_are_not_positive_definite(A, column):
    with pytest.raises(
        np.linalg.LinAlgError,
        match=f"A must be symmetric positive definite; the pivot of column "
        f"{column} is .* <= 0",
    ):
        cholesky(A)


def test_cholesky_rejects_non_symmetric_matrices_with_linalg_error():
    with pytest.raises(
        np.linalg.LinAlgError, match=r"A must be symmetric; got max\|A - A.T\|"
    ):
        cholesky([[4.0, 1.0], [0.0, 4.0]])
    with pytest.raises(
        ValueError, match="A must be symmetric"
    ):  # LinAlgError is a ValueError
        cholesky([[4.0, 1.0], [0.0, 4.0]])


def test_cholesky_accepts_rounding_asymmetry():
    A = np.array([[4.0, 2.0], [2.0 + 1e-15, 5.0]])
    assert_allclose(cholesky(A), [[2.0, 0.0], [1.0, 2.0]], **DIRECT)


@pytest.mark.parametrize(
    "bad, kind, match",
    [
        (np.ones((2, 3)), ValueError, r"A must be square; got shape \(2, 3\)"),
        ([1.0, 2.0], ValueError, "A must be 2-D"),
        (np.empty((0, 0)), ValueError, "A must not be empty"),
        (
            [[1.0, np.nan], [np.nan, 1.0]],
            ValueError,
            "A must contain only finite numbers",
        ),
        ({"a": 1}, TypeError, "A must be an array of numbers"),
    ],
)
def test_cholesky_rejects_bad_input(bad, kind, match):
    with pytest.raises(kind, match=match):
        cholesky(bad)
