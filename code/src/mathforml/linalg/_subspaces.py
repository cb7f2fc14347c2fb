"""Rank, kernel and conditioning of a matrix (chapter 1)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix
from mathforml.linalg._common import EPS
from mathforml.linalg._elimination import row_reduce
from mathforml.linalg._orthogonal import gram_schmidt

__all__ = ["condition_number", "null_space", "rank"]


def rank(A: ArrayLike, tol: float | None = None) -> int:
    r"""The rank of a matrix: the number of pivots in its row echelon form.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.
    tol : float, optional
        Pivot candidates at most ``tol`` in size count as zero. Default
        ``max(m, n) * eps * max|A_ij|``.

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
    Row operations keep the linear relations between columns, so the pivot columns of the
    reduced form mark a basis of the column space, and

    .. math:: \operatorname{rk}(A) + \dim \ker(A) = n.

    Counting pivots is the definition; on nearly rank-deficient matrices counting singular
    values above a threshold (``numpy.linalg.matrix_rank``, chapter 3) is more reliable.
    Section 1.5 of the book explains rank.

    Examples
    --------
    >>> rank([[1.0, 2.0], [2.0, 4.0]])
    1
    >>> rank(np.eye(3))
    3
    """
    return len(row_reduce(A, tol=tol).pivots)  # row_reduce validates A and tol


def null_space(A: ArrayLike, tol: float | None = None) -> np.ndarray:
    r"""An orthonormal basis of the kernel :math:`\{x : A x = 0\}`, as columns.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.
    tol : float, optional
        Passed to :func:`row_reduce`. Default ``max(m, n) * eps * max|A_ij|``.

    Returns
    -------
    N : ndarray, shape (n, n - rank)
        Orthonormal columns (:math:`N^\top N = I`) with :math:`A N = 0`; zero columns when
        the kernel is :math:`\{0\}`.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``tol`` is negative.

    Notes
    -----
    In reduced row echelon form :math:`R`, each free column :math:`f` gives a *special
    solution*: set :math:`x_f = 1`, the other free variables to 0, and read off the pivot
    variables,

    .. math:: x_{p_k} = -R_{k f}, \qquad A x = 0.

    The special solutions are a basis of the kernel (Section 1.5 of the book);
    :func:`gram_schmidt` then makes it orthonormal (Section 2.4). ``scipy.linalg.null_space``
    uses the SVD instead, which is more reliable on nearly rank-deficient matrices.

    Examples
    --------
    >>> N = null_space([[1.0, 1.0]])
    >>> N.shape
    (2, 1)
    >>> bool(np.allclose([[1.0, 1.0]] @ N, 0.0))
    True
    """
    R, pivots = row_reduce(A, tol=tol)  # validates A and tol
    n = R.shape[1]
    free = [j for j in range(n) if j not in pivots]
    N = np.zeros((n, len(free)))
    N[free, :] = np.eye(len(free))
    N[list(pivots), :] = -R[: len(pivots)][:, free]
    if not free:
        return N
    Q, _ = gram_schmidt(N)
    return Q


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

    .. math:: \kappa(A) = \lVert A \rVert_2 \, \lVert A^{+} \rVert_2 = S_1 / S_{\min(m,n)}.

    Solving :math:`A x = b` can lose about :math:`\log_{10} \kappa(A)` of the 16 digits of a
    double. The singular values come from ``numpy.linalg.svd``; chapter 3 builds its own.
    Section 1.6 of the book explains conditioning.

    Examples
    --------
    >>> condition_number([[2.0, 0.0], [0.0, 0.5]])
    4.0
    >>> condition_number([[1.0, 2.0], [2.0, 4.0]])
    inf
    """
    A = as_matrix(A, name="A")
    S = np.linalg.svd(A, compute_uv=False)
    if S[-1] <= max(A.shape) * EPS * S[0]:
        return float("inf")
    return float(S[0] / S[-1])
