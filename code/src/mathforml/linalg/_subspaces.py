"""Rank, kernel and conditioning of a matrix (chapter 1)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_scalar
from mathforml.linalg._common import EPS

__all__ = ["condition_number", "null_space", "rank"]


def _singular_values(A: np.ndarray) -> np.ndarray:
    """Singular values of ``A`` in decreasing order, from ``numpy.linalg.svd`` for now."""
    return np.linalg.svd(A, compute_uv=False)


def _rank_tol(A: np.ndarray, S: np.ndarray, tol: float | None) -> float:
    """The default ``max(m, n) * eps * S_max`` of ``numpy.linalg.matrix_rank``, or ``tol``."""
    if tol is None:
        return max(A.shape) * EPS * float(S[0])
    return check_scalar(tol, name="tol", low=0)


def rank(A: ArrayLike, *, tol: float | None = None) -> int:
    r"""The rank of a matrix: the number of singular values above a tolerance.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.
    tol : float, optional
        Singular values at most ``tol`` count as zero. Default ``max(m, n) * eps * S_max``,
        as in ``numpy.linalg.matrix_rank``.

    Returns
    -------
    int
        :math:`\operatorname{rk}(A)`, the number of linearly independent columns (and rows).

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``tol`` is negative.

    Notes
    -----
    In exact arithmetic the rank is the number of pivots of the row echelon form
    (``len(row_reduce(A).pivots)``, :ref:`sec-vector-spaces`) and the number of nonzero
    singular values :math:`S_1 \ge S_2 \ge \dots`:

    .. math:: \operatorname{rk}(A) = \#\{ i : S_i > \text{tol} \}, \qquad
        \operatorname{rk}(A) + \dim \ker(A) = n.

    In floating point, rounding leaves tiny nonzero pivots that elimination cannot tell
    from real ones, while singular values separate them reliably; so this function counts
    singular values. They come from ``numpy.linalg.svd``; chapter 3 builds its own.

    Examples
    --------
    >>> rank([[1.0, 2.0], [2.0, 4.0]])
    1
    >>> rank(np.eye(3))
    3
    """
    A = as_matrix(A, name="A")
    S = _singular_values(A)
    return int(np.sum(_rank_tol(A, S, tol) < S))


def null_space(A: ArrayLike, *, tol: float | None = None) -> np.ndarray:
    r"""An orthonormal basis of the kernel :math:`\{x : A x = 0\}`, as columns.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.
    tol : float, optional
        Singular values at most ``tol`` count as zero, as in :func:`rank`.

    Returns
    -------
    N : ndarray, shape (n, n - rank(A, tol))
        Orthonormal columns (:math:`N^\top N = I`) with :math:`A N \approx 0`; no columns
        when the kernel is :math:`\{0\}`.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``tol`` is negative.

    Notes
    -----
    With the full SVD :math:`A = U S V^\top` and rank :math:`r`, the last :math:`n - r`
    right singular vectors are orthonormal and :math:`A v_i = S_i u_i = 0` for them:

    .. math:: \ker(A) = \operatorname{span}\{v_{r+1}, \dots, v_n\}.

    :ref:`sec-vector-spaces` finds the same subspace from the free columns of
    :func:`row_reduce` (special solutions); the SVD gives an orthonormal basis directly and
    decides the rank reliably. The SVD comes from ``numpy.linalg.svd``; chapter 3 builds its
    own.

    Examples
    --------
    >>> N = null_space([[1.0, 1.0]])
    >>> N.shape
    (2, 1)
    >>> bool(np.allclose([[1.0, 1.0]] @ N, 0.0))
    True
    """
    A = as_matrix(A, name="A")
    _, S, Vt = np.linalg.svd(A, full_matrices=True)
    r = int(np.sum(_rank_tol(A, S, tol) < S))
    return Vt[r:].T.copy()


def condition_number(A: ArrayLike) -> float:
    r"""The 2-norm condition number :math:`\kappa(A) = S_{\max} / S_{\min}`.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.

    Returns
    -------
    float
        :math:`\kappa(A) \ge 1`, or ``inf`` when the smallest singular value is at most
        ``max(m, n) * eps`` times the largest (singular to working precision).

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite.

    Notes
    -----
    With singular values :math:`S_1 \ge \dots \ge S_{\min(m,n)}`,

    .. math:: \kappa(A) = S_1 / S_{\min(m,n)}.

    When :math:`A` has full rank this equals :math:`\lVert A \rVert_2 \, \lVert A^{+}
    \rVert_2`. When it does not, the two part ways: :math:`\lVert A^{+} \rVert_2 = 1/S_r`
    (:math:`S_r` the smallest *nonzero* singular value) stays finite, while
    :math:`\kappa = \infty` says that :math:`A x = b` has no unique solution.

    Solving :math:`A x = b` can lose about :math:`\log_{10} \kappa(A)` of the 16 digits of a
    double. The singular values come from ``numpy.linalg.svd``; chapter 3 builds its own.
    :ref:`sec-determinant-inverse` explains conditioning.

    Examples
    --------
    >>> condition_number([[2.0, 0.0], [0.0, 0.5]])
    4.0
    >>> condition_number([[1.0, 2.0], [2.0, 4.0]])
    inf
    """
    A = as_matrix(A, name="A")
    S = _singular_values(A)
    if S[-1] <= _rank_tol(A, S, None):
        return float("inf")
    return float(S[0] / S[-1])
