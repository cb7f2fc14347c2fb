"""Eigenvalues and Cholesky (chapter 3): power iteration, Jacobi, Gershgorin discs, Cholesky."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import (
    as_matrix,
    as_vector,
    check_int,
    check_rng,
    check_scalar,
)
from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg._common import EighResult, scale_of

__all__ = [
    "PowerIterationResult",
    "characteristic_polynomial",
    "cholesky",
    "eig_sym",
    "gershgorin_discs",
    "power_iteration",
]

#: ``A`` counts as symmetric when ``max|A - A.T| <= SYMMETRY_RTOL * max|A|``.
SYMMETRY_RTOL = 1e-10


def characteristic_polynomial(A: ArrayLike) -> np.ndarray:
    r"""Coefficients of :math:`p(\lambda) = \det(\lambda I - A)`, highest power first.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Square matrix; meant for the small (2×2, 3×3) examples worked by hand.

    Returns
    -------
    ndarray, shape (n + 1,)
        ``[1, c_1, ..., c_n]`` with :math:`p(\lambda) = \lambda^n + c_1 \lambda^{n-1} + \dots
        + c_n`, the same order as ``numpy.poly(A)`` and ``numpy.roots``.

    Raises
    ------
    ValueError
        If ``A`` is not square, is empty or not finite.

    Notes
    -----
    The eigenvalues are the roots of :math:`p`. The Faddeev–LeVerrier recursion finds the
    coefficients from traces alone (:math:`M_0 = 0`, :math:`c_0 = 1`):

    .. math::
        M_k = A M_{k-1} + c_{k-1} I, \qquad c_k = -\tfrac{1}{k} \operatorname{tr}(A M_k),

    so :math:`c_1 = -\operatorname{tr}(A)` and :math:`c_n = (-1)^n \det(A)`. It teaches
    *what* eigenvalues are, not how to compute them: the roots of a polynomial move wildly
    under tiny changes of its coefficients (Wilkinson's polynomial), so numerical libraries
    never go through :math:`p`. ``numpy.poly`` even goes the other way, from eigenvalues to
    coefficients. Use :func:`eig_sym` or ``numpy.linalg.eigvals`` for eigenvalues.
    Taught in :ref:`sec-eigenvalues`.

    Examples
    --------
    >>> characteristic_polynomial([[2.0, 1.0], [1.0, 2.0]])  # (λ - 1)(λ - 3)
    array([ 1., -4.,  3.])
    """
    A = as_matrix(A, name="A", square=True)
    n = A.shape[0]
    coeffs, M = np.ones(n + 1), np.zeros_like(A)
    for k in range(1, n + 1):
        M = A @ M + coeffs[k - 1] * np.eye(n)
        coeffs[k] = -np.trace(A @ M) / k
    return coeffs


@dataclass(frozen=True)
class PowerIterationResult:
    r"""What :func:`power_iteration` found, and the path it took.

    Attributes
    ----------
    eigenvalue : float
        The last Rayleigh quotient :math:`x^\top A x`: the estimate of the dominant eigenvalue.
    eigenvector : ndarray, shape (n,)
        Unit-length estimate of its eigenvector; its largest-magnitude entry is positive.
    n_iter : int
        Number of matrix-vector products :math:`A x` computed.
    converged : bool
        Whether the residual test met ``tol`` within ``max_iter`` iterations.
    history : ndarray, shape (n_iter,)
        The eigenvalue estimate after each iteration, to plot the convergence.

    Notes
    -----
    :ref:`sec-power-iteration` reads its path of estimates to show the convergence rate.
    """

    eigenvalue: float
    eigenvector: np.ndarray
    n_iter: int
    converged: bool
    history: np.ndarray


def power_iteration(
    A: ArrayLike,
    *,
    x0: ArrayLike | None = None,
    max_iter: int = 1000,
    tol: float = 1e-10,
    rng=None,
) -> PowerIterationResult:
    r"""Dominant eigenvalue and eigenvector of ``A`` by repeated multiplication.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Square matrix whose eigenvalue of largest magnitude is real, and not matched in
        magnitude by a different eigenvalue (such as its negative); a repeated one is fine.
    x0 : array_like, shape (n,), optional
        Nonzero starting vector. Default: a standard normal draw from ``rng``.
    max_iter : int, default 1000
        Maximum number of iterations (products :math:`A x`).
    tol : float, default 1e-10
        Stop when :math:`\lVert A x - \lambda x \rVert \le \mathrm{tol}\, \lVert A \rVert_F`.
    rng : None, int or numpy.random.Generator, optional
        Source of the random starting vector (ignored when ``x0`` is given).

    Returns
    -------
    PowerIterationResult
        ``eigenvalue``, ``eigenvector``, ``n_iter``, ``converged`` and ``history``.

    Raises
    ------
    ValueError
        If ``A`` is not square, an input is empty or not finite, ``x0`` has the wrong length
        or is zero, or ``max_iter`` or ``tol`` is out of range.
    TypeError
        If an argument has the wrong type.

    Warns
    -----
    ConvergenceWarning
        If ``tol`` is not met within ``max_iter`` iterations; then ``converged=False``.

    Notes
    -----
    Normalize after each product and estimate the eigenvalue by the Rayleigh quotient:

    .. math::
        x_{k+1} = \frac{A x_k}{\lVert A x_k \rVert}, \qquad \lambda^{(k)} = x_k^\top A x_k .

    If :math:`A` is diagonalizable with :math:`|\lambda_1| > |\lambda_2| \ge \dots` and
    :math:`x_0` has a component along :math:`v_1`, the other components shrink by the factor
    :math:`|\lambda_2 / \lambda_1|` at every step, and so does the eigenvalue error; for
    symmetric :math:`A` the eigenvalue error shrinks by :math:`|\lambda_2 / \lambda_1|^2`.
    The stopping test is a backward error: with unit :math:`x` and
    :math:`r = A x - \lambda x`, the pair :math:`(\lambda, x)` is exact for the matrix
    :math:`A - r x^\top`, which is within :math:`\lVert r \rVert` of :math:`A`.
    Taught in :ref:`sec-power-iteration`.

    Examples
    --------
    >>> result = power_iteration([[2.0, 1.0], [1.0, 2.0]], rng=0)
    >>> round(result.eigenvalue, 8), result.converged
    (3.0, True)
    >>> np.round(result.eigenvector, 4)
    array([0.7071, 0.7071])
    """
    A = as_matrix(A, name="A", square=True)
    max_iter = check_int(max_iter, name="max_iter", minimum=1)
    tol = check_scalar(tol, name="tol", low=0, low_inclusive=False)
    x = _start_vector(x0, A.shape[0], rng)
    s = scale_of(
        A
    )  # iterate on A / s: no overflow or underflow at extreme scales
    result = _power_iteration(A / s, x, max_iter, tol)
    result = replace(
        result, eigenvalue=result.eigenvalue * s, history=result.history * s
    )
    if not result.converged:
        warnings.warn(
            f"power_iteration did not converge in {max_iter} iterations. The "
            "eigenvalue of largest magnitude may not be unique (a pair +-lambda or "
            "a complex pair), or it is close to the next one; raise max_iter or "
            "loosen tol.",
            ConvergenceWarning,
            stacklevel=2,
        )
    return result


def _power_iteration(A, x, max_iter, tol) -> PowerIterationResult:
    """Multiply by A and normalize until A x = lambda x up to tol * ||A||."""
    history, converged, scale = [], False, tol * np.linalg.norm(A)
    while len(history) < max_iter and not converged:
        y = A @ x
        lam = x @ y  # Rayleigh quotient; x has unit length
        history.append(lam)
        converged = np.linalg.norm(y - lam * x) <= scale
        if not converged:
            x = y / np.linalg.norm(y)  # y != 0, else the residual would be 0
    x = x * _signs(x[:, None])  # a deterministic sign
    return PowerIterationResult(
        float(lam), x, len(history), bool(converged), np.array(history)
    )


def _start_vector(x0, n: int, rng) -> np.ndarray:
    """Validate ``x0`` (or draw it from ``rng``) and scale it to unit length."""
    x = (
        check_rng(rng).standard_normal(n)
        if x0 is None
        else as_vector(x0, name="x0", size=n)
    )
    if not np.any(x):
        raise ValueError(
            "x0 must be a nonzero vector; got all zeros. Pass x0=None to start "
            "from a random vector."
        )
    return x / np.linalg.norm(x)


def eig_sym(
    A: ArrayLike, *, tol: float = 1e-12, max_sweeps: int = 50
) -> EighResult:
    r"""Eigenvalues and eigenvectors of a symmetric matrix by Jacobi rotations.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric matrix.
    tol : float, default 1e-12
        Stop when the off-diagonal part is small:
        :math:`\lVert \operatorname{off}(D) \rVert_F \le \mathrm{tol}\, \lVert A \rVert_F`.
    max_sweeps : int, default 50
        Maximum number of sweeps (one rotation for every pair of indices).

    Returns
    -------
    w : ndarray, shape (n,)
        Eigenvalues in ascending order (as ``numpy.linalg.eigh``).
    V : ndarray, shape (n, n)
        Orthonormal eigenvectors as columns, :math:`A V = V \operatorname{diag}(w)`; the
        largest-magnitude entry of each column is positive.

    The pair comes as an ``EighResult``: it unpacks as ``w, V``, and its attributes
    ``n_sweeps`` and ``converged`` say how many sweeps the rotations took.

    Raises
    ------
    ValueError
        If ``A`` is not square and symmetric, is empty or not finite, or ``tol`` or
        ``max_sweeps`` is out of range.

    Warns
    -----
    ConvergenceWarning
        If ``tol`` is not met within ``max_sweeps`` sweeps.

    Notes
    -----
    A rotation :math:`J` in the plane of coordinates :math:`p, q` sets
    :math:`D_{pq}` to zero in :math:`D \leftarrow J^\top D J`, with
    :math:`J_{pp} = J_{qq} = c`, :math:`J_{pq} = -J_{qp} = s` and

    .. math::
        \zeta = \frac{D_{qq} - D_{pp}}{2 D_{pq}}, \qquad
        t = \frac{\operatorname{sign}(\zeta)}{|\zeta| + \sqrt{1 + \zeta^2}}, \qquad
        c = \frac{1}{\sqrt{1 + t^2}}, \quad s = t c .

    Later rotations fill some zeros in again, but each one removes :math:`2 D_{pq}^2` from
    the off-diagonal sum of squares, so sweeping over all pairs drives :math:`D` to the
    diagonal :math:`\Lambda` (quadratically, near the end) and the product of the rotations
    to :math:`V`: the spectral theorem :math:`A = V \Lambda V^\top`, built one plane at a
    time. A sweep visits the :math:`n(n-1)/2` pairs in :math:`n - 1` rounds of disjoint pairs
    (the round-robin order of Brent and Luk); rotations in disjoint planes commute, so
    NumPy applies a whole round at once. This is a teaching algorithm: LAPACK's ``eigh``
    (tridiagonalization, then QR or divide and conquer) is a few hundred times faster.
    Taught in :ref:`sec-eigendecomposition`.

    Examples
    --------
    >>> w, V = eig_sym([[5.0, 2.0], [2.0, 2.0]])
    >>> w
    array([1., 6.])
    >>> # the columns are (-1, 2) / sqrt(5) and (2, 1) / sqrt(5)
    >>> np.round(V * np.sqrt(5), 6)
    array([[-1.,  2.],
           [ 2.,  1.]])
    """
    A = _as_symmetric(A, name="A")
    tol = check_scalar(tol, name="tol", low=0, low_inclusive=False)
    max_sweeps = check_int(max_sweeps, name="max_sweeps", minimum=1)
    s = scale_of(A)  # rotate A / s: no overflow or underflow at extreme scales
    w, V, converged, n_sweeps = _jacobi_eigen(A / s, tol, max_sweeps)
    w = w * s
    if not converged:
        warnings.warn(
            f"eig_sym did not converge in {max_sweeps} sweeps; raise max_sweeps "
            "or loosen tol.",
            ConvergenceWarning,
            stacklevel=2,
        )
    return EighResult((w, V), n_sweeps=n_sweeps, converged=converged)


def _jacobi_eigen(A: np.ndarray, tol: float, max_sweeps: int):
    """Jacobi sweeps until the off-diagonal part is negligible."""
    D, V, n_sweeps = A.copy(), np.eye(A.shape[0]), 0
    goal = tol * np.linalg.norm(A)
    while _off_diagonal(D) > goal and n_sweeps < max_sweeps:
        _jacobi_sweep(D, V, skip=goal / A.shape[0])
        n_sweeps += 1
    w = np.diag(D)
    order = np.argsort(w, kind="stable")  # ascending, as numpy.linalg.eigh
    V = V[:, order] * _signs(V[:, order])  # deterministic signs
    return w[order], V, _off_diagonal(D) <= goal, n_sweeps


def _off_diagonal(D: np.ndarray) -> float:
    return float(np.linalg.norm(D - np.diag(np.diag(D))))


def _jacobi_sweep(D: np.ndarray, V: np.ndarray, *, skip: float) -> None:
    """One sweep of Jacobi rotations, in place: ``D <- J^T D J`` and ``V <- V J``.

    Pairs whose ``|D[p, q]| <= skip`` are already zero to working accuracy and left alone.
    """
    for P, Q in _round_robin(D.shape[0]):
        keep = np.abs(D[P, Q]) > skip
        P, Q = P[keep], Q[keep]
        c, s = _jacobi_rotation(D[P, P], D[Q, Q], D[P, Q])
        _rotate(D, P, Q, c, s)  # columns p, q: D J
        _rotate(D.T, P, Q, c, s)  # rows p, q: J^T D (D.T is a view)
        _rotate(V, P, Q, c, s)


def _round_robin(n: int):
    """Yield ``n - 1`` (``n`` if odd) rounds ``(P, Q)`` of disjoint pairs ``p < q``.

    Every pair of ``0..n-1`` appears in exactly one round: the circle method of a
    round-robin tournament. For odd ``n`` a dummy player ``n`` sits out one pair per round.
    """
    m = n + n % 2
    players = np.arange(m)
    for _ in range(m - 1):
        P, Q = players[: m // 2], players[m // 2 :][::-1]
        real = np.maximum(P, Q) < n  # drop the pair with the dummy player
        yield np.minimum(P, Q)[real], np.maximum(P, Q)[real]
        players = np.concatenate((players[:1], players[-1:], players[1:-1]))


def _jacobi_rotation(a_pp, a_qq, a_pq) -> tuple[np.ndarray, np.ndarray]:
    """Cosines and sines of the rotations that diagonalize ``[[a_pp, a_pq], [a_pq, a_qq]]``.

    Elementwise over arrays; ``a_pq`` must be nonzero. ``t`` is the smaller root of
    ``t**2 + 2 zeta t - 1 = 0``, so the rotation angle is at most 45 degrees.
    """
    zeta = (a_qq - a_pp) / (2.0 * a_pq)
    t = np.where(zeta >= 0, 1.0, -1.0) / (np.abs(zeta) + np.hypot(1.0, zeta))
    c = 1.0 / np.hypot(1.0, t)
    return c, t * c


def _rotate(M: np.ndarray, P, Q, c, s) -> None:
    """In place, for every pair at once: ``[m_p, m_q] <- [c m_p - s m_q, s m_p + c m_q]``."""
    Mp, Mq = M[:, P], M[:, Q]
    M[:, P] = c * Mp - s * Mq
    M[:, Q] = s * Mp + c * Mq


def _signs(U: np.ndarray) -> np.ndarray:
    """+1 or -1 per column, making its largest-magnitude entry positive (as ``svd_flip``)."""
    rows = np.argmax(np.abs(U), axis=0)
    return np.where(U[rows, np.arange(U.shape[1])] < 0, -1.0, 1.0)


def _as_symmetric(
    A, *, name: str, error: type[Exception] = ValueError
) -> np.ndarray:
    """Validate a square, symmetric matrix and return its exactly symmetric part."""
    A = as_matrix(A, name=name, square=True)
    gap = float(np.max(np.abs(A - A.T)))
    if gap > SYMMETRY_RTOL * np.max(np.abs(A)):
        raise error(
            f"{name} must be symmetric; got max|{name} - {name}.T| = {gap:.3g}. If the "
            f"asymmetry is rounding error, pass ({name} + {name}.T) / 2."
        )
    return (A + A.T) / 2


def cholesky(A: ArrayLike) -> np.ndarray:
    r"""Cholesky factor: the lower-triangular :math:`L` with :math:`A = L L^\top`.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric positive definite matrix.

    Returns
    -------
    L : ndarray, shape (n, n)
        Lower triangular with a positive diagonal (as ``numpy.linalg.cholesky``).

    Raises
    ------
    ValueError
        If ``A`` is not square, is empty or not finite.
    numpy.linalg.LinAlgError
        If ``A`` is not symmetric, or not positive definite (a pivot is :math:`\le 0`).
        ``LinAlgError`` is a subclass of ``ValueError``.

    Notes
    -----
    Compare column :math:`j` of :math:`A = L L^\top` on and below the diagonal and solve for
    column :math:`j` of :math:`L`, left to right:

    .. math::
        L_{jj} = \sqrt{A_{jj} - \textstyle\sum_{k<j} L_{jk}^2}, \qquad
        L_{ij} = \frac{1}{L_{jj}} \Bigl(A_{ij} - \textstyle\sum_{k<j} L_{ik} L_{jk}\Bigr)
        \quad (i > j).

    The number under the square root is positive for every :math:`j` exactly when
    :math:`A` is positive definite, so the algorithm doubles as the cheapest test of
    definiteness. It costs :math:`n^3/3` flops, half of LU, needs no pivoting, and is how
    Gaussian samples :math:`\mu + L z` and Gaussian-process posteriors are computed.
    Taught in :ref:`sec-cholesky`.

    Examples
    --------
    >>> cholesky([[4.0, 2.0], [2.0, 5.0]])
    array([[2., 0.],
           [1., 2.]])
    """
    A = _as_symmetric(A, name="A", error=np.linalg.LinAlgError)
    n = A.shape[0]
    L = np.zeros_like(A)
    for j in range(n):
        pivot = A[j, j] - L[j, :j] @ L[j, :j]
        if not pivot > 0:
            raise _not_positive_definite(j, pivot)
        L[j, j] = np.sqrt(pivot)
        L[j + 1 :, j] = (A[j + 1 :, j] - L[j + 1 :, :j] @ L[j, :j]) / L[j, j]
    return L


def _not_positive_definite(j: int, pivot: float) -> np.linalg.LinAlgError:
    return np.linalg.LinAlgError(
        f"A must be symmetric positive definite; the pivot of column {j} is "
        f"{pivot:.3g} <= 0. For a covariance or kernel matrix that is only "
        "positive semidefinite, add a small jitter: A + 1e-8 * I."
    )


def gershgorin_discs(A: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Centers and radii of the Gershgorin discs of ``A``; every eigenvalue lies in one.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Square matrix.

    Returns
    -------
    centers : ndarray, shape (n,)
        The diagonal entries :math:`A_{ii}`.
    radii : ndarray, shape (n,)
        The off-diagonal row sums :math:`R_i = \sum_{j \ne i} |A_{ij}|`.

    Raises
    ------
    ValueError
        If ``A`` is not square, is empty or not finite.

    Notes
    -----
    If :math:`A v = \lambda v` and :math:`|v_i|` is the largest entry of :math:`v`, row
    :math:`i` gives :math:`(\lambda - A_{ii}) v_i = \sum_{j \ne i} A_{ij} v_j`, hence

    .. math:: |\lambda - A_{ii}| \le \sum_{j \ne i} |A_{ij}| = R_i .

    So every (possibly complex) eigenvalue lies in the union of the discs; a union of
    :math:`k` discs disjoint from the others holds exactly :math:`k` eigenvalues. Discs
    of :math:`A^\top` (column sums) give a second bound. A nearly diagonal matrix has small
    discs: its eigenvalues are close to its diagonal. Taught in :ref:`sec-which-decomposition`.

    Examples
    --------
    >>> A = [[4.0, 1.0, 0.0], [1.0, -2.0, 0.5], [0.0, 0.5, 1.0]]
    >>> centers, radii = gershgorin_discs(A)
    >>> centers, radii
    (array([ 4., -2.,  1.]), array([1. , 1.5, 0.5]))
    """
    A = as_matrix(A, name="A", square=True)
    off = np.abs(A)
    np.fill_diagonal(off, 0.0)
    return np.diag(A).copy(), off.sum(axis=1)
