import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linalg_strategies import any_shape, low_rank, matrices
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg import _svd, svd
from tolerances import DIRECT

#: Enough examples to find a bug in small matrices, few enough for a fast suite.
PROPERTY = settings(max_examples=40, deadline=None)


def assert_thin_svd(A, U, s, Vt):
    m, n = A.shape
    k = min(m, n)
    scale = max(1.0, np.linalg.norm(A))
    assert U.shape == (m, k) and s.shape == (k,) and Vt.shape == (k, n)
    assert np.all(s >= 0) and np.all(np.diff(s) <= 0)
    assert_allclose(U.T @ U, np.eye(k), **DIRECT)
    assert_allclose(Vt @ Vt.T, np.eye(k), **DIRECT)
    assert_allclose(
        (U * s) @ Vt, A, rtol=DIRECT["rtol"], atol=DIRECT["atol"] * scale
    )
    assert_allclose(
        s,
        np.linalg.svd(A, compute_uv=False),
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale,
    )


@PROPERTY
@given(any_shape())
def test_svd_is_a_thin_svd_for_every_shape(A):
    assert_thin_svd(A, *svd(A))


@PROPERTY
@given(low_rank())
def test_svd_of_rank_deficient_matrices_keeps_u_orthonormal(A_and_rank):
    A, rank = A_and_rank
    U, s, Vt = svd(A)
    assert_thin_svd(A, U, s, Vt)
    assert_allclose(
        s[rank:], 0.0, rtol=0.0, atol=DIRECT["atol"] * max(1.0, s[0])
    )


@pytest.mark.parametrize(
    "shape", [(1, 1), (1, 5), (5, 1), (3, 3), (12, 7), (7, 12), (40, 30)]
)
def test_svd_on_random_matrices(rng, shape):
    A = rng.standard_normal(shape)
    assert_thin_svd(A, *svd(A))


@pytest.mark.parametrize(
    "A",
    [
        np.zeros((4, 3)),
        np.zeros((2, 5)),
        np.ones((6, 4)),  # rank 1
        np.outer(
            [1.0, 2.0, 3.0], [1.0, -1.0]
        ),  # rank 1, wide after transposing
        np.eye(5),  # a repeated singular value
        np.diag([1.0, 1e-20, 0.0]),
        np.array(
            [[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
        ),  # a zero column and a zero row
    ],
)
def test_svd_of_special_matrices(A):
    assert_thin_svd(A, *svd(A))


def test_svd_factors_match_numpy_up_to_sign(rng):
    Q1, _ = np.linalg.qr(rng.standard_normal((6, 4)))
    Q2, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    A = (
        Q1 * [5.0, 3.0, 2.0, 0.5]
    ) @ Q2.T  # distinct singular values: vectors unique up to sign
    U, s, Vt = svd(A)
    U_np, s_np, Vt_np = np.linalg.svd(A, full_matrices=False)
    signs = np.sign(np.sum(U * U_np, axis=0))
    assert_allclose(s, s_np, **DIRECT)
    assert_allclose(U, U_np * signs, **DIRECT)
    assert_allclose(Vt, Vt_np * signs[:, None], **DIRECT)


def test_svd_is_more_accurate_than_eigenvalues_of_gram_matrix(rng):
    # Small singular values survive one-sided Jacobi; the route through A^T A loses them.
    Q1, _ = np.linalg.qr(rng.standard_normal((8, 4)))
    Q2, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    s_true = np.array([1.0, 1e-3, 1e-6, 1e-9])
    A = (Q1 * s_true) @ Q2.T
    s_gram = np.sqrt(np.abs(np.linalg.eigvalsh(A.T @ A)))[::-1]
    assert_allclose(svd(A)[1], s_true, rtol=1e-6, atol=0.0)
    assert np.abs(s_gram[-1] - s_true[-1]) > 1e-3 * s_true[-1]


def test_svd_signs_are_deterministic(rng):
    A = rng.standard_normal((7, 4))
    U, s, Vt = svd(A)
    biggest = U[np.argmax(np.abs(U), axis=0), np.arange(4)]
    assert np.all(biggest > 0)
    for got, again in zip((U, s, Vt), svd(A)):
        assert_array_equal(got, again)


def test_svd_sign_convention_holds_for_wide_matrices(rng):
    U, _, _ = svd(rng.standard_normal((3, 8)))
    assert np.all(U[np.argmax(np.abs(U), axis=0), np.arange(3)] > 0)


@PROPERTY
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_svd_of_transpose_swaps_the_factors(m, n, data):
    A = data.draw(matrices(m, n))
    _, s, _ = svd(A)
    _, s_t, _ = svd(A.T)
    assert_allclose(s, s_t, **DIRECT)


def test_svd_does_not_warn_on_a_large_matrix(rng):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_thin_svd(A := rng.standard_normal((60, 50)), *svd(A))


def test_svd_warns_when_sweeps_run_out(rng, monkeypatch):
    monkeypatch.setattr(_svd, "MAX_SWEEPS", 1)
    with pytest.warns(
        ConvergenceWarning, match="svd: one-sided Jacobi did not converge in 1"
    ):
        svd(rng.standard_normal((6, 6)))


@pytest.mark.parametrize(
    "bad, kind, match",
    [
        (np.ones(3), ValueError, r"A must be 2-D .*Use A.reshape\(-1, 1\)"),
        (np.ones((2, 2, 2)), ValueError, "A must be 2-D"),
        (np.empty((0, 3)), ValueError, "A must not be empty"),
        ([[1.0, np.nan]], ValueError, "A must contain only finite numbers"),
        ([[np.inf, 1.0]], ValueError, "A must contain only finite numbers"),
        ("matrix", TypeError, "A must be an array of numbers"),
        (None, TypeError, "A must be an array of numbers"),
    ],
)
def test_svd_rejects_bad_input(bad, kind, match):
    with pytest.raises(kind, match=match):
        svd(bad)
