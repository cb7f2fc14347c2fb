"""Orthogonality: Gram–Schmidt and QR, projections, least squares, the pseudoinverse (chapter 2)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_scalar
from mathforml.linalg._common import EPS, as_rhs, scale_of
from mathforml.linalg._elimination import _back_substitute

__all__ = ["gram_schmidt", "lstsq", "pinv", "project"]


def gram_schmidt(A: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Thin QR factorization :math:`A = QR` by modified Gram–Schmidt.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Matrix with linearly independent columns (so :math:`n \le m`).

    Returns
    -------
    Q : ndarray, shape (m, n)
        Orthonormal columns (:math:`Q^\top Q = I`) spanning the column space of ``A``.
    R : ndarray, shape (n, n)
        Upper triangular with a positive diagonal.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite.
    numpy.linalg.LinAlgError
        If ``A`` has more columns than rows, or a column is (to working precision) a
        combination of the columns before it.

    Notes
    -----
    Column :math:`j` loses its components along the earlier directions one at a time, and
    what is left, normalized, is the next direction:

    .. math::
        v \leftarrow v - (q_i^\top v)\, q_i \quad (i = 1, \dots, j-1), \qquad
        R_{jj} = \lVert v \rVert, \quad q_j = v / R_{jj}.

    Projecting the updated :math:`v` (modified Gram–Schmidt) rather than the original column
    (classical) keeps :math:`\lVert Q^\top Q - I \rVert` of order
    :math:`\varepsilon\,\kappa(A)`. A column counts as dependent when
    :math:`R_{jj} \le m n \varepsilon \lVert a_j \rVert`, a bound on the rounding error of
    :math:`n` projections in :math:`\mathbb{R}^m`; nearly dependent
    columns can pass this test and give a :math:`Q` far from orthonormal, so check
    :func:`condition_number` first, and use Householder QR (``numpy.linalg.qr``) for badly
    conditioned matrices.
    :ref:`sec-gram-schmidt` derives the method.

    Examples
    --------
    >>> Q, R = gram_schmidt([[3.0, 1.0], [4.0, 2.0]])
    >>> R
    array([[5. , 2.2],
           [0. , 0.4]])
    >>> bool(np.allclose(Q @ R, [[3.0, 1.0], [4.0, 2.0]]))
    True
    """
    A = as_matrix(A, name="A")
    m, n = A.shape
    if n > m:
        raise _dependent(
            f"{n} vectors in R^{m} are always dependent (more columns than rows)"
        )
    c = scale_of(A)  # orthogonalize A / c: norms square the entries
    Q, R = _gram_schmidt(A / c)
    return Q, R * c


def _gram_schmidt(A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Modified Gram-Schmidt: column j minus its parts along q_0..q_{j-1}."""
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        R[:j, j], v = _remove_components(Q[:, :j], A[:, j])
        R[j, j] = np.linalg.norm(v)
        tol = m * n * EPS * np.linalg.norm(A[:, j])  # rounding-error bound
        if R[j, j] <= tol:
            raise _dependent(_which_column(j))
        Q[:, j] = v / R[j, j]
    return Q, R


def _which_column(j: int) -> str:
    if j == 0:
        return "column 0 is zero"
    return (
        f"column {j} is (to working precision) a combination of "
        f"columns 0..{j - 1}"
    )


def _remove_components(
    Q: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Subtract from ``b`` its components along the columns of ``Q``, one at a time.

    Returns the coefficients ``c`` (equal to ``Q.T @ b`` in exact arithmetic) and the
    remainder ``b - Q @ c``; ``b`` may be (m,) or (m, k).
    """
    c = np.zeros((Q.shape[1], *b.shape[1:]))
    r = b.copy()
    for i in range(Q.shape[1]):
        c[i] = Q[:, i] @ r  # the component along q_i of what is left, not of b
        r -= np.multiply.outer(Q[:, i], c[i])
    return c, r


def _dependent(detail: str) -> np.linalg.LinAlgError:
    return np.linalg.LinAlgError(
        f"A must have linearly independent columns; {detail}. Drop the dependent columns, "
        "or use pinv(A) for rank-deficient problems."
    )


def project(b: ArrayLike, A: ArrayLike) -> np.ndarray:
    r"""Orthogonal projection of ``b`` onto the column space of ``A``.

    Parameters
    ----------
    b : array_like, shape (m,) or (m, k)
        The vector to project, or ``k`` vectors as columns.
    A : array_like, shape (m, n)
        Matrix with linearly independent columns spanning the subspace.

    Returns
    -------
    ndarray, shape (m,) or (m, k)
        The point of the column space closest to ``b``; ``b`` minus it is orthogonal to
        every column of ``A``.

    Raises
    ------
    ValueError
        If shapes do not match, or an input is empty or not finite.
    numpy.linalg.LinAlgError
        If the columns of ``A`` are linearly dependent.

    Notes
    -----
    With the thin QR factorization :math:`A = QR` from :func:`gram_schmidt`,

    .. math:: P = A (A^\top A)^{-1} A^\top = Q Q^\top, \qquad \pi(b) = Q (Q^\top b).

    The code never forms :math:`(A^\top A)^{-1}`: inverting squares the condition number.
    It removes from :math:`b` its component along each :math:`q_i` in turn, as
    :func:`gram_schmidt` does with a new column, and returns :math:`\pi(b) = b - r` with
    :math:`r` what is left. Removing the components one at a time makes :math:`r` exactly
    orthogonal (up to rounding) only to the last :math:`q_i`; what it does guarantee is
    that the computed residual is accurate, the residual of a slightly perturbed problem
    (backward stability), even when the :math:`q_i` have lost some orthogonality.
    :ref:`sec-projections` explains projections.

    Examples
    --------
    >>> project([1.0, 2.0, 3.0], [[1.0], [0.0], [0.0]])
    array([1., 0., 0.])
    """
    A = as_matrix(A, name="A")
    b = as_rhs(b, A)
    Q, _ = gram_schmidt(A)
    t = scale_of(b)  # project b / t, then scale back
    _, r = _remove_components(
        Q, b / t
    )  # r = b - Q Q^T b, orthogonal to every q_i
    return b - r * t


def lstsq(A: ArrayLike, b: ArrayLike) -> np.ndarray:
    r"""Least-squares solution of :math:`A x \approx b` through the QR factorization.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Matrix with full column rank (linearly independent columns, :math:`n \le m`).
    b : array_like, shape (m,) or (m, k)
        Right-hand side, or ``k`` right-hand sides as columns.

    Returns
    -------
    x : ndarray, shape (n,) or (n, k)
        The minimizer of :math:`\lVert A x - b \rVert_2`.

    Raises
    ------
    ValueError
        If shapes do not match, or an input is empty or not finite.
    numpy.linalg.LinAlgError
        If ``A`` does not have full column rank; :func:`pinv` handles that case.

    Notes
    -----
    The minimizer solves the normal equations :math:`A^\top A x = A^\top b`. With
    :math:`A = QR` they become a triangular system, solved by back substitution:

    .. math:: R x = Q^\top b.

    This avoids forming :math:`A^\top A`, whose condition number is :math:`\kappa(A)^2`.
    :math:`Q^\top b` is computed one component at a time, as :func:`gram_schmidt` treats a
    new column; with modified Gram–Schmidt this keeps the error of order
    :math:`\varepsilon\,\kappa(A)` for a consistent system (Björck), where the plain
    product ``Q.T @ b`` can lose :math:`\varepsilon\,\kappa(A)^2`.
    :ref:`sec-projections` derives it, and :ref:`sec-lab-least-squares` compares it
    with NumPy's SVD-based ``np.linalg.lstsq``.

    Examples
    --------
    >>> A = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]  # fit a line y = x0 + x1 t
    >>> lstsq(A, [1.0, 2.0, 2.0]).round(6) + 0.0
    array([1.166667, 0.5     ])
    """
    A = as_matrix(A, name="A")
    b = as_rhs(b, A)
    s, t = (
        scale_of(A),
        scale_of(b),
    )  # solve (A / s) y = b / t, then x = y t / s
    Q, R = gram_schmidt(A / s)
    c, _ = _remove_components(Q, b / t)  # c = Q^T b / t
    return _back_substitute(R, c) * (t / s)


def pinv(A: ArrayLike, *, rcond: float | None = None) -> np.ndarray:
    r"""Moore–Penrose pseudoinverse through the singular value decomposition.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any matrix.
    rcond : float, optional
        Singular values at most ``rcond * S.max()`` count as zero. Default
        ``max(m, n) * eps``.

    Returns
    -------
    ndarray, shape (n, m)
        :math:`A^{+}`; ``pinv(A) @ b`` is the least-squares solution of smallest norm.

    Raises
    ------
    ValueError
        If ``A`` is not 2-D, is empty or not finite, or ``rcond`` is negative.

    Notes
    -----
    With :math:`A = U S V^\top`, inverting only the nonzero singular values gives

    .. math:: A^{+} = V S^{+} U^\top, \qquad S^{+}_{ii} = 1 / S_{ii} \text{ if } S_{ii} > 0.

    It satisfies the four Penrose conditions :math:`A A^{+} A = A`,
    :math:`A^{+} A A^{+} = A^{+}`, and symmetric :math:`A A^{+}` and :math:`A^{+} A`.
    The SVD here comes from ``numpy.linalg.svd``; chapter 3 builds its own.
    :ref:`sec-pseudoinverse` explains minimum-norm solutions.

    Examples
    --------
    >>> pinv([[1.0, 1.0], [1.0, 1.0]])
    array([[0.25, 0.25],
           [0.25, 0.25]])
    """
    A = as_matrix(A, name="A")
    rcond = (
        max(A.shape) * EPS
        if rcond is None
        else check_scalar(rcond, name="rcond", low=0)
    )
    U, S, Vt = np.linalg.svd(A, full_matrices=False)
    keep = rcond * S[0] < S
    return (Vt[keep].T / S[keep]) @ U[:, keep].T
