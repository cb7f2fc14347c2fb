"""Gaussian elimination: solving systems, row echelon form, determinant and inverse (chapter 1)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_scalar
from mathforml.linalg._common import EPS, as_rhs, default_tol

__all__ = ["RowEchelonForm", "det", "gauss_solve", "inv", "row_reduce"]


def _eliminate(M: np.ndarray) -> tuple[np.ndarray, int]:
    """Forward elimination with partial pivoting on the first ``n`` columns of ``M`` (n × ≥n).

    Returns the upper-triangular result (entries below the diagonal are left as rounding
    noise and never read) and the number of row swaps.
    """
    M = M.copy()
    n = M.shape[0]
    n_swaps = 0
    for k in range(n - 1):
        # partial pivoting: bring up the row with the largest entry in column k
        p = k + int(np.argmax(np.abs(M[k:, k])))
        if p != k:
            M[[k, p]] = M[[p, k]]
            n_swaps += 1
        if M[k, k] != 0:
            multipliers = M[k + 1 :, k] / M[k, k]
            M[k + 1 :, k:] -= np.outer(multipliers, M[k, k:])
    return M, n_swaps


def _back_substitute(U: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Solve ``U x = c`` for upper-triangular ``U`` (n × n), from the last row up.

    No validation: a private building block of :func:`gauss_solve` and :func:`lstsq`.
    """
    x = np.zeros_like(c, dtype=float)
    for i in range(U.shape[0] - 1, -1, -1):
        x[i] = (c[i] - U[i, i + 1 :] @ x[i + 1 :]) / U[i, i]
    return x


def gauss_solve(A: ArrayLike, b: ArrayLike) -> np.ndarray:
    r"""Solve the square system :math:`A x = b` by Gaussian elimination with partial pivoting.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Coefficient matrix; must be nonsingular.
    b : array_like, shape (n,) or (n, k)
        Right-hand side, or ``k`` right-hand sides as columns.

    Returns
    -------
    x : ndarray, shape (n,) or (n, k)
        The solution, with the shape of ``b``.

    Raises
    ------
    ValueError
        If ``A`` is not square, shapes do not match, or an input is empty or not finite.
    numpy.linalg.LinAlgError
        If a pivot is at most ``n * eps * max|A_ij|``: ``A`` is singular to working precision.

    Notes
    -----
    Elimination turns the augmented matrix :math:`[A \mid b]` into :math:`[U \mid c]` with
    :math:`U` upper triangular; back substitution then solves :math:`U x = c` from the last row:

    .. math:: x_i = \frac{1}{U_{ii}} \Big( c_i - \sum_{j > i} U_{ij} x_j \Big).

    Each step swaps in the row with the largest entry in the pivot column (partial
    pivoting), so no multiplier exceeds 1 in size and rounding errors stay small. A nearly
    singular ``A`` can pass the pivot test and give an answer with few correct digits:
    :func:`condition_number` tells how many to expect. :ref:`sec-linear-systems` explains the
    method.

    Examples
    --------
    >>> gauss_solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
    array([0.8, 1.4])
    >>> gauss_solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    numpy.linalg.LinAlgError: A is singular to working precision: ...
    """
    A = as_matrix(A, name="A", square=True)
    b = as_rhs(b, A)
    x = _gauss_solve(A, b.reshape(len(b), -1))
    return x[:, 0] if b.ndim == 1 else x


def _gauss_solve(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Solve A X = B: eliminate on [A | B], refuse a zero pivot, back-substitute."""
    n = A.shape[0]
    M, _ = _eliminate(np.column_stack([A, B]))  # the augmented matrix [A | B]
    U, C = M[:, :n], M[:, n:]
    tol = default_tol(A)
    for k in range(n):
        if abs(U[k, k]) <= tol:
            raise _singular(k, U[k, k], tol)
    return _back_substitute(U, C)


def _singular(k: int, pivot: float, tol: float) -> np.linalg.LinAlgError:
    return np.linalg.LinAlgError(
        f"A is singular to working precision: pivot {k} is {pivot:.2e}, at most "
        f"the tolerance {tol:.2e}. The system has no unique solution; use row_reduce "
        "to describe all solutions, or pinv(A) @ b for the least-squares solution of "
        "smallest norm."
    )


class RowEchelonForm(NamedTuple):
    """The result of :func:`row_reduce`: unpacks as ``R, pivots = row_reduce(A)``.

    Notes
    -----
    :ref:`sec-linear-systems` teaches the elimination that produces it.
    """

    #: The reduced row echelon form, shape (m, n).
    R: np.ndarray
    #: The pivot columns, in increasing order; in exact arithmetic ``len(pivots)`` is the rank.
    pivots: tuple[int, ...]


def row_reduce(A: ArrayLike, *, tol: float | None = None) -> RowEchelonForm:
    r"""Reduce ``A`` to reduced row echelon form by Gauss–Jordan elimination.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix, for example an augmented matrix :math:`[A \mid b]`.
    tol : float, optional
        Entries at most ``tol`` in size count as zero when looking for a pivot. Default:
        a tolerance per column, ``max(m, n) * eps * max_i |A_ij|`` for column ``j``, so
        a huge right-hand side in an augmented matrix cannot hide the pivots of the
        coefficient columns.

    Returns
    -------
    RowEchelonForm
        A named tuple ``(R, pivots)``: ``R`` with shape (m, n), each pivot equal to 1 and the
        only nonzero in its column; ``pivots``, the tuple of pivot columns.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``tol`` is negative.

    Notes
    -----
    Row operations do not change the solutions of :math:`A x = b`. In reduced row echelon
    form the pivot variables are read off in terms of the free ones, which gives a
    particular solution and the general solution

    .. math:: x = x_p + \sum_{j \,\text{free}} \lambda_j x_j, \qquad A x_j = 0.

    :ref:`sec-linear-systems` uses it for particular and general solutions, and
    :ref:`sec-vector-spaces`
    for rank (the number of pivots) and the kernel.

    Examples
    --------
    >>> R, pivots = row_reduce([[1.0, 2.0, 3.0], [2.0, 4.0, 7.0]])
    >>> R
    array([[1., 2., 0.],
           [0., 0., 1.]])
    >>> pivots
    (0, 2)
    """
    A = as_matrix(A, name="A")
    if tol is None:  # one tolerance per column, from that column's own scale
        tols = max(A.shape) * EPS * np.max(np.abs(A), axis=0)
    else:
        tols = np.full(A.shape[1], check_scalar(tol, name="tol", low=0))
    R, pivots = _row_reduce(A, tols)
    return RowEchelonForm(R, pivots)


def _row_reduce(A: np.ndarray, tols: np.ndarray) -> tuple[np.ndarray, tuple]:
    """Reduced row echelon form by Gauss-Jordan elimination with partial pivoting.

    ``tols[j]`` is the size below which an entry of column ``j`` counts as zero.
    """
    R = A.copy()
    m, n = R.shape
    pivots: list[int] = []
    for j in range(n):
        r = len(pivots)  # the row where the next pivot goes
        if r == m:
            break
        p = r + int(np.argmax(np.abs(R[r:, j])))
        if abs(R[p, j]) <= tols[j]:  # no pivot: column j holds a free variable
            R[r:, j] = 0.0
            continue
        R[[r, p]] = R[[p, r]]
        others = np.arange(m) != r  # zero column j above and below the pivot
        R[others] -= np.outer(R[others, j] / R[r, j], R[r])
        R[others, j] = 0.0  # exactly, not just up to rounding
        R[r] /= R[r, j]  # the pivot becomes 1
        pivots.append(j)
    return R + 0.0, tuple(pivots)  # + 0.0 turns -0.0 into 0.0


def det(A: ArrayLike) -> float:
    r"""Determinant of a square matrix, as the signed product of the pivots of elimination.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Square matrix.

    Returns
    -------
    float
        :math:`\det(A)`; zero (or rounding noise near zero) for a singular matrix.

    Raises
    ------
    ValueError
        If ``A`` is not square, is empty or not finite.

    Notes
    -----
    Elimination with ``s`` row swaps turns :math:`A` into upper-triangular :math:`U`;
    adding a multiple of one row to another keeps the determinant and a swap flips its sign:

    .. math:: \det(A) = (-1)^{s} \prod_{i=1}^{n} U_{ii}.

    This costs :math:`O(n^3)` instead of the :math:`O(n!)` of the cofactor expansion. For
    large ``n`` the product can overflow; ``numpy.linalg.slogdet`` returns its logarithm.
    :ref:`sec-determinant-inverse` explains the determinant as a signed volume.

    Examples
    --------
    >>> det([[2.0, 1.0], [1.0, 3.0]])
    5.0
    >>> det([[0.0, 1.0], [1.0, 0.0]])  # one row swap
    -1.0
    """
    A = as_matrix(A, name="A", square=True)
    U, n_swaps = _eliminate(A)
    return float((-1) ** n_swaps * np.prod(np.diag(U)))


def inv(A: ArrayLike) -> np.ndarray:
    r"""Inverse of a square matrix by Gauss–Jordan elimination on :math:`[A \mid I]`.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Nonsingular square matrix.

    Returns
    -------
    ndarray, shape (n, n)
        :math:`A^{-1}`.

    Raises
    ------
    ValueError
        If ``A`` is not square, is empty or not finite.
    numpy.linalg.LinAlgError
        If ``A`` is singular to working precision.

    Notes
    -----
    Row-reducing the augmented matrix solves :math:`A X = I` for all columns at once:

    .. math:: [A \mid I] \;\longrightarrow\; [I \mid A^{-1}].

    To solve :math:`A x = b`, call :func:`gauss_solve` instead of forming :math:`A^{-1} b`:
    it does a third of the work and is more accurate. :ref:`sec-determinant-inverse` explains why.

    Examples
    --------
    >>> inv([[2.0, 1.0], [1.0, 1.0]])
    array([[ 1., -1.],
           [-1.,  2.]])
    """
    A = as_matrix(A, name="A", square=True)
    return _inverse(A)


def _inverse(A: np.ndarray) -> np.ndarray:
    """Row-reduce [A | I] to [I | A⁻¹]; a missing pivot means A is singular."""
    n = A.shape[0]
    tols = np.full(2 * n, default_tol(A))
    R, pivots = _row_reduce(np.hstack([A, np.eye(n)]), tols)
    if pivots != tuple(range(n)):
        rank = sum(p < n for p in pivots)
        raise np.linalg.LinAlgError(
            f"A is singular to working precision (rank {rank} < {n}), so it "
            "has no inverse. Use pinv for the Moore–Penrose pseudoinverse."
        )
    return R[:, n:]
