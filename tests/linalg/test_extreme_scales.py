"""The teaching routines stay exact when every entry is near 1e-200 or 1e200.

Their algorithms square entries (norms, Gram matrices, rotation angles); without scaling,
the squares overflow or underflow and the answers are silently wrong (``eig_sym(1e-200 * A)``
returned A's diagonal, ``power_iteration(1e200 * A)`` "converged" after one step).
"""

import numpy as np
import pytest

from mathforml.linalg import (
    eig_sym,
    gram_schmidt,
    low_rank_approx,
    lstsq,
    pinv,
    power_iteration,
    project,
    svd,
)

SCALES = [1e-200, 1e-100, 1.0, 1e100, 1e200]
RTOL = 1e-9


@pytest.fixture
def data():
    rng = np.random.default_rng(20)
    B = rng.normal(size=(5, 5))
    return B + B.T, rng.normal(size=(6, 4)), rng.normal(size=6)


@pytest.mark.parametrize("k", SCALES)
def test_eig_sym(data, k):
    A, _, _ = data
    w, V = eig_sym(k * A)
    np.testing.assert_allclose(w, k * np.linalg.eigvalsh(A), rtol=RTOL, atol=0)
    np.testing.assert_allclose(V.T @ V, np.eye(5), rtol=0, atol=1e-12)


@pytest.mark.parametrize("k", SCALES)
def test_power_iteration(data, k):
    _, M, _ = data
    C = M.T @ M
    result = power_iteration(k * C, rng=0)
    exact = k * np.linalg.eigvalsh(C).max()
    assert result.converged and result.n_iter > 2
    np.testing.assert_allclose(result.eigenvalue, exact, rtol=1e-8, atol=0)
    np.testing.assert_allclose(result.history[-1], exact, rtol=1e-8, atol=0)


@pytest.mark.parametrize("k", SCALES)
def test_svd_and_low_rank(data, k):
    _, M, _ = data
    U, s, Vt = svd(k * M)
    U0, s0, Vt0 = np.linalg.svd(M, full_matrices=False)
    np.testing.assert_allclose(s, k * s0, rtol=RTOL, atol=0)
    np.testing.assert_allclose((U * s) @ Vt, k * M, rtol=RTOL, atol=0)
    best2 = k * (U0[:, :2] * s0[:2]) @ Vt0[:2]
    np.testing.assert_allclose(
        low_rank_approx(k * M, 2), best2, rtol=RTOL, atol=0
    )
    np.testing.assert_allclose(
        pinv(k * M), np.linalg.pinv(M) / k, rtol=RTOL, atol=0
    )


@pytest.mark.parametrize("k", SCALES)
def test_gram_schmidt(data, k):
    _, M, _ = data
    Q, R = gram_schmidt(k * M)
    np.testing.assert_allclose(Q.T @ Q, np.eye(4), rtol=0, atol=1e-12)
    np.testing.assert_allclose(Q @ R, k * M, rtol=RTOL, atol=0)


@pytest.mark.parametrize("ka", SCALES)
@pytest.mark.parametrize("kb", SCALES)
def test_lstsq_and_project(data, ka, kb):
    _, M, b = data
    x0 = np.linalg.lstsq(M, b, rcond=None)[0]
    if np.isfinite(kb / ka) and kb / ka > 1e-300:
        np.testing.assert_allclose(
            lstsq(ka * M, kb * b), (kb / ka) * x0, rtol=RTOL, atol=0
        )
    np.testing.assert_allclose(
        project(kb * b, ka * M), kb * (M @ x0), rtol=RTOL, atol=0
    )
