"""The singular value decomposition and low-rank approximation (chapter 3)."""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_int
from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg._common import SVDResult, scale_of
from mathforml.linalg._eigen import (
    _jacobi_rotation,
    _rotate,
    _round_robin,
    _signs,
)

__all__ = ["low_rank_approx", "svd"]

EPS = np.finfo(float).eps
#: One-sided Jacobi needs 5–10 sweeps in practice; more means something is wrong.
MAX_SWEEPS = 60


def svd(A: ArrayLike) -> SVDResult:
    r"""Thin singular value decomposition :math:`A = U \operatorname{diag}(s) V^\top`.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any real matrix; wide (:math:`m < n`) and rank-deficient matrices are fine.

    Returns
    -------
    U : ndarray, shape (m, k)
        Orthonormal left singular vectors as columns, :math:`k = \min(m, n)`.
    s : ndarray, shape (k,)
        Singular values, nonnegative and in descending order.
    Vt : ndarray, shape (k, n)
        Orthonormal right singular vectors as rows.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite.

    Warns
    -----
    ConvergenceWarning
        If the Jacobi sweeps have not made the columns orthogonal after ``MAX_SWEEPS`` sweeps.

    Notes
    -----
    One-sided Jacobi (Hestenes): rotate pairs of columns of :math:`A` until all columns are
    orthogonal. The accumulated rotations form :math:`V`, and :math:`W = A V` then has
    orthogonal columns :math:`w_j = s_j u_j`:

    .. math::
        A V = W = U \operatorname{diag}(s), \qquad s_j = \lVert w_j \rVert, \qquad
        A = U \operatorname{diag}(s) V^\top .

    It is the Jacobi method of :func:`eig_sym` applied to :math:`A^\top A` without forming
    it: columns :math:`p, q` are rotated with the angle that diagonalizes the
    :math:`2 \times 2` block :math:`\bigl[\begin{smallmatrix} w_p^\top w_p & w_p^\top w_q
    \\ w_p^\top w_q & w_q^\top w_q \end{smallmatrix}\bigr]` of :math:`W^\top W`. Calling
    ``eig_sym(A.T @ A)`` would be shorter but squares the condition number: singular values
    below :math:`\sqrt{\varepsilon}\, s_1 \approx 10^{-8} s_1` (the zeros of a
    rank-deficient matrix among them) would drown in rounding error. Wide matrices are
    handled through :math:`A^\top = V \operatorname{diag}(s) U^\top`. Columns of :math:`U`
    whose singular value is zero to working precision carry no information from :math:`A`;
    they are completed to an orthonormal set. Signs: the largest-magnitude entry of each
    column of :math:`U` is positive (as scikit-learn's ``svd_flip``), and :math:`V` follows,
    so the output is deterministic. Taught in :ref:`sec-svd`.

    Examples
    --------
    >>> U, s, Vt = svd([[3.0, 0.0], [4.0, 5.0]])
    >>> np.round(s ** 2, 10)  # eigenvalues of A^T A = [[25, 20], [20, 25]]
    array([45.,  5.])
    >>> bool(np.allclose(U * s @ Vt, [[3.0, 0.0], [4.0, 5.0]]))
    True
    """
    A = as_matrix(A, name="A")
    wide = A.shape[0] < A.shape[1]
    c = scale_of(A)  # work on A / c: inner products square the entries
    W, V, converged, n_sweeps = _one_sided_jacobi((A.T if wide else A) / c)
    s = np.linalg.norm(W, axis=0)
    order = np.argsort(-s, kind="stable")
    s, W, V = s[order], W[:, order], V[:, order]
    U = _normalize_columns(W, s)
    if wide:
        U, V = V, U
    signs = _signs(U)
    return SVDResult(
        (U * signs, s * c, (V * signs).T),
        n_sweeps=n_sweeps,
        converged=converged,
    )


def _one_sided_jacobi(A: np.ndarray):
    """Rotate pairs of columns of ``A`` (m >= n) until they are orthogonal: ``W = A V``.

    A pair is done when ``|cos(angle)| <= m * eps`` or one of its columns is zero to working
    precision (norm ``<= eps * ||A||_F``); rotating rounding noise would never converge.
    """
    W, V = A.copy(), np.eye(A.shape[1])
    tol, tiny = A.shape[0] * EPS, (EPS * np.linalg.norm(A)) ** 2
    for sweep in range(1, MAX_SWEEPS + 1):
        if not _one_sided_sweep(W, V, tol, tiny):  # no pair rotated: done
            return W, V, True, sweep
    warnings.warn(
        f"svd: one-sided Jacobi did not converge in {MAX_SWEEPS} sweeps.",
        ConvergenceWarning,
        stacklevel=3,
    )
    return W, V, False, MAX_SWEEPS


def _one_sided_sweep(W, V, tol: float, tiny: float) -> bool:
    """Rotate every pair of columns of W (and V) that is not yet orthogonal."""
    rotated = False
    for P, Q in _round_robin(W.shape[1]):  # n/2 disjoint pairs at a time
        Wp, Wq = W[:, P], W[:, Q]
        a_pp = np.einsum("ij,ij->j", Wp, Wp)  # the 2x2 blocks of W^T W
        a_qq = np.einsum("ij,ij->j", Wq, Wq)
        a_pq = np.einsum("ij,ij->j", Wp, Wq)
        keep = np.abs(a_pq) > tol * np.sqrt(a_pp) * np.sqrt(a_qq)
        keep &= np.minimum(a_pp, a_qq) > tiny
        if keep.any():
            c, s = _jacobi_rotation(a_pp[keep], a_qq[keep], a_pq[keep])
            _rotate(W, P[keep], Q[keep], c, s)
            _rotate(V, P[keep], Q[keep], c, s)
            rotated = True
    return rotated


def _normalize_columns(W: np.ndarray, s: np.ndarray) -> np.ndarray:
    """``U = W / s``, with columns whose ``s`` is zero to working precision completed.

    ``s`` is in descending order. A completed column is the largest column of the projector
    ``I - U U^T`` onto the complement of the columns so far, normalized.
    """
    m, k = W.shape
    zero = s <= max(m, k) * EPS * s[0]  # the rule of numpy.linalg.matrix_rank
    U = np.zeros_like(W)
    U[:, ~zero] = W[:, ~zero] / s[~zero]
    for j in np.flatnonzero(zero):
        P = np.eye(m) - U @ U.T
        u = P[:, np.argmax(np.einsum("ij,ij->j", P, P))]
        u = u - U @ (
            U.T @ u
        )  # project a second time: Gram-Schmidt twice is enough
        U[:, j] = u / np.linalg.norm(u)
    return U


def low_rank_approx(A: ArrayLike, k: int) -> np.ndarray:
    r"""Best rank-``k`` approximation of ``A`` (Eckart–Young): keep ``k`` singular triplets.

    Parameters
    ----------
    A : array_like, shape (m, n)
        The matrix to approximate.
    k : int
        Target rank, ``1 <= k <= min(m, n)``.

    Returns
    -------
    A_k : ndarray, shape (m, n)
        :math:`A_k = \sum_{i \le k} s_i u_i v_i^\top`, of rank at most ``k``.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``k`` is out of range.
    TypeError
        If ``k`` is not an integer.

    Notes
    -----
    Truncate the SVD :math:`A = \sum_i s_i u_i v_i^\top` (from :func:`svd`) after ``k``
    terms. By the Eckart–Young theorem no matrix :math:`B` of rank at most :math:`k` is
    closer to :math:`A`, in both the spectral and the Frobenius norm:

    .. math::
        \lVert A - A_k \rVert_2 = s_{k+1}, \qquad
        \lVert A - A_k \rVert_F^2 = \sum_{i > k} s_i^2 .

    Storing :math:`A_k` takes :math:`k(m + n + 1)` numbers instead of :math:`mn`: the idea
    behind image compression, PCA and latent semantic analysis. Taught in
    :ref:`sec-low-rank-approximation`.

    Examples
    --------
    >>> A = np.diag([3.0, 2.0, 1.0])
    >>> low_rank_approx(A, 2)
    array([[3., 0., 0.],
           [0., 2., 0.],
           [0., 0., 0.]])
    """
    A = as_matrix(A, name="A")
    k = check_int(k, name="k", minimum=1, maximum=min(A.shape))
    U, s, Vt = svd(A)
    return (U[:, :k] * s[:k]) @ Vt[:k]
