import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from linalg_strategies import orthonormal, square
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg import (
    characteristic_polynomial,
    eig_sym,
    gershgorin_discs,
)
from tolerances import DIRECT, ITERATIVE

#: Enough examples to find a bug in small matrices, few enough for a fast suite.
PROPERTY = settings(max_examples=40, deadline=None)


@st.composite
def symmetric(draw, max_n=6):
    """Q diag(w) Q^T with orthonormal Q and eigenvalues in [-10, 10], repeats allowed."""
    n = draw(st.integers(1, max_n))
    Q = draw(orthonormal(n, n))
    w = draw(
        arrays(
            np.float64,
            (n,),
            elements=st.sampled_from([-10.0, -1.0, 0.0, 2.0, 7.5])
            | st.floats(-10.0, 10.0),
        )
    )
    return (Q * w) @ Q.T


def assert_eigendecomposition(A, w, V):
    n = A.shape[0]
    scale = max(1.0, np.linalg.norm(A))
    assert w.shape == (n,) and V.shape == (n, n)
    assert np.all(np.diff(w) >= 0)
    assert_allclose(
        w,
        np.linalg.eigvalsh(A),
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale,
    )
    assert_allclose(
        A @ V, V * w, rtol=DIRECT["rtol"], atol=DIRECT["atol"] * scale
    )
    assert_allclose(V.T @ V, np.eye(n), **DIRECT)


@PROPERTY
@given(symmetric())
def test_eig_sym_is_an_orthonormal_eigendecomposition(A):
    w, V = eig_sym(A)
    assert_eigendecomposition(A, w, V)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 30])
def test_eig_sym_on_random_symmetric_matrices(rng, n):
    X = rng.standard_normal((n, n))
    A = X + X.T
    w, V = eig_sym(A)
    assert_eigendecomposition(A, w, V)


def test_eig_sym_eigenvectors_match_numpy_up_to_sign(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
    A = (
        Q * [-3.0, -1.0, 0.5, 2.0, 4.0]
    ) @ Q.T  # distinct eigenvalues: vectors unique up to sign
    _, V = eig_sym(A)
    _, V_np = np.linalg.eigh(A)
    assert_allclose(V, V_np * np.sign(np.sum(V * V_np, axis=0)), **DIRECT)


def test_eig_sym_signs_are_deterministic(rng):
    X = rng.standard_normal((6, 6))
    w, V = eig_sym(X + X.T)
    biggest = V[np.argmax(np.abs(V), axis=0), np.arange(6)]
    assert np.all(biggest > 0)
    w2, V2 = eig_sym(X + X.T)
    assert_array_equal(w, w2)
    assert_array_equal(V, V2)


def test_eig_sym_repeated_and_diagonal_inputs():
    w, V = eig_sym(np.eye(4))
    assert_array_equal(w, np.ones(4))
    assert_array_equal(V, np.eye(4))
    w, V = eig_sym(np.diag([3.0, -1.0, 2.0]))
    assert_array_equal(w, [-1.0, 2.0, 3.0])
    assert_array_equal(np.abs(V), np.eye(3)[:, [1, 2, 0]])
    assert_eigendecomposition(
        np.ones((4, 4)), *eig_sym(np.ones((4, 4)))
    )  # eigenvalues 0,0,0,4
    assert_eigendecomposition(np.zeros((3, 3)), *eig_sym(np.zeros((3, 3))))


def test_eig_sym_accepts_rounding_asymmetry(rng):
    X = rng.standard_normal((5, 3))
    A = X @ X.T
    A[0, 1] += 1e-14
    assert_eigendecomposition((A + A.T) / 2, *eig_sym(A))


def test_eig_sym_warns_when_sweeps_run_out(rng):
    X = rng.standard_normal((8, 8))
    with pytest.warns(
        ConvergenceWarning, match="eig_sym did not converge in 1 sweeps"
    ):
        _, V = eig_sym(X + X.T, max_sweeps=1)
    assert_allclose(
        V.T @ V, np.eye(8), **DIRECT
    )  # still a rotation, just not finished


def test_eig_sym_does_not_warn_by_default(rng):
    X = rng.standard_normal((40, 40))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        eig_sym(X + X.T)


@pytest.mark.parametrize(
    "bad, kind, match",
    [
        (
            np.array([[1.0, 2.0], [0.0, 1.0]]),
            ValueError,
            r"A must be symmetric; got max\|A - A.T\|",
        ),
        (np.ones((2, 3)), ValueError, r"A must be square; got shape \(2, 3\)"),
        (np.ones(3), ValueError, "A must be 2-D"),
        (np.empty((0, 0)), ValueError, "A must not be empty"),
        (
            [[1.0, np.nan], [np.nan, 1.0]],
            ValueError,
            "A must contain only finite numbers",
        ),
        ("A", TypeError, "A must be an array of numbers"),
    ],
)
def test_eig_sym_rejects_bad_matrices(bad, kind, match):
    with pytest.raises(kind, match=match):
        eig_sym(bad)


@pytest.mark.parametrize(
    "kwargs, kind, match",
    [
        ({"tol": 0.0}, ValueError, "tol must be > 0"),
        ({"tol": "small"}, TypeError, "tol must be a real number"),
        ({"max_sweeps": 0}, ValueError, "max_sweeps must be >= 1"),
        ({"max_sweeps": 2.5}, TypeError, "max_sweeps must be an integer"),
    ],
)
def test_eig_sym_rejects_bad_options(kwargs, kind, match):
    with pytest.raises(kind, match=match):
        eig_sym(np.eye(2), **kwargs)


@PROPERTY
@given(square(max_n=5))
def test_every_eigenvalue_lies_in_a_gershgorin_disc(A):
    centers, radii = gershgorin_discs(A)
    assert_array_equal(centers, np.diag(A))
    assert np.all(radii >= 0)
    for lam in np.linalg.eigvals(A):
        distance = np.abs(lam - centers) - radii
        assert np.min(distance) <= DIRECT["atol"] + DIRECT["rtol"] * np.abs(
            lam
        )


def test_gershgorin_discs_of_a_small_matrix():
    centers, radii = gershgorin_discs(
        [[4.0, -1.0, 0.0], [2.0, -2.0, -0.5], [0.0, 0.5, 1.0]]
    )
    assert_array_equal(centers, [4.0, -2.0, 1.0])
    assert_array_equal(radii, [1.0, 2.5, 0.5])


@pytest.mark.parametrize(
    "bad, kind, match",
    [
        (np.ones((3, 2)), ValueError, "A must be square"),
        ([[np.inf]], ValueError, "A must contain only finite numbers"),
        (None, TypeError, "A must be an array of numbers"),
    ],
)
def test_gershgorin_discs_rejects_bad_input(bad, kind, match):
    with pytest.raises(kind, match=match):
        gershgorin_discs(bad)


@PROPERTY
@given(square(max_n=4))
def test_characteristic_polynomial_matches_numpy_poly(A):
    coeffs = characteristic_polynomial(A)
    scale = max(1.0, np.linalg.norm(A)) ** A.shape[0]
    assert_allclose(
        coeffs, np.poly(A), rtol=DIRECT["rtol"], atol=DIRECT["atol"] * scale
    )


@pytest.mark.parametrize("n", [1, 2, 3])
def test_characteristic_polynomial_trace_determinant_and_roots(rng, n):
    A = rng.standard_normal((n, n))
    coeffs = characteristic_polynomial(A)
    assert coeffs[0] == 1.0
    assert_allclose(coeffs[1], -np.trace(A), **DIRECT)
    assert_allclose(coeffs[-1], (-1) ** n * np.linalg.det(A), **DIRECT)
    roots = np.sort_complex(
        np.roots(coeffs)
    )  # roots are ill-conditioned: a looser tolerance
    assert_allclose(roots, np.sort_complex(np.linalg.eigvals(A)), **ITERATIVE)


def test_characteristic_polynomial_of_integer_matrix_is_exact():
    assert_array_equal(
        characteristic_polynomial([[2, 1], [1, 2]]), [1.0, -4.0, 3.0]
    )
    assert_array_equal(
        characteristic_polynomial(np.diag([1.0, 2.0, 3.0])),
        [1.0, -6.0, 11.0, -6.0],
    )


@pytest.mark.parametrize(
    "bad, kind, match",
    [
        (np.ones((1, 2)), ValueError, "A must be square"),
        ([], ValueError, "A must not be empty"),
        ([["a"]], TypeError, "A must be an array of numbers"),
    ],
)
def test_characteristic_polynomial_rejects_bad_input(bad, kind, match):
    with pytest.raises(kind, match=match):
        characteristic_polynomial(bad)
