r"""The conjugate-gradient method for symmetric positive definite systems
(:ref:`sec-second-order`)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, as_vector, check_int, check_scalar
from mathforml.exceptions import ConvergenceWarning

__all__ = ["CGResult", "conjugate_gradient"]


@dataclass(frozen=True)
class CGResult:
    """What :func:`conjugate_gradient` returns: the solution ``x``, the number of steps
    ``n_iter``, ``converged``, the iterates ``path`` (shape ``(n_iter + 1, n)``) and the
    residual norms ``residuals`` (one per row of ``path``).

    Notes
    -----
    :ref:`sec-second-order` teaches conjugate gradients.
    """

    x: np.ndarray
    n_iter: int
    converged: bool
    path: np.ndarray
    residuals: np.ndarray


def conjugate_gradient(
    A: ArrayLike,
    b: ArrayLike,
    x0: ArrayLike | None = None,
    *,
    tol: float = 1e-10,
    max_iter: int | None = None,
) -> CGResult:
    r"""Solve :math:`Ax = b` for symmetric positive definite :math:`A` by conjugate
    gradients: minimize :math:`\tfrac12 x^\top A x - b^\top x` along directions that are
    conjugate (:math:`p_i^\top A p_j = 0`).

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric positive definite.
    b : array_like, shape (n,)
    x0 : array_like, shape (n,), optional
        The starting point (default zeros).
    tol : float, default 1e-10
        Stop when :math:`\|b - Ax\| \le` ``tol`` :math:`\cdot \|b\|` (``tol`` alone when
        :math:`b = 0`).
    max_iter : int, optional
        Default ``10 * n``; in exact arithmetic CG needs at most ``n`` steps.

    Returns
    -------
    CGResult

    Raises
    ------
    ValueError
        If ``A`` is not square and symmetric, is not positive definite (a direction with
        :math:`p^\top A p \le 0` appears), or shapes disagree.

    Notes
    -----
    :ref:`sec-second-order` teaches conjugate gradients.

    Examples
    --------
    >>> res = conjugate_gradient([[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0])
    >>> res.n_iter, res.x.round(6)
    (2, array([0.090909, 0.636364]))
    """
    A = as_matrix(A, name="A", square=True)
    n = A.shape[0]
    b = as_vector(b, name="b", size=n)
    x = np.zeros(n) if x0 is None else as_vector(x0, name="x0", size=n)
    tol = check_scalar(tol, name="tol", low=0)
    max_iter = (
        10 * n
        if max_iter is None
        else check_int(max_iter, name="max_iter", minimum=0)
    )
    scale = np.max(np.abs(A))
    if np.max(np.abs(A - A.T)) > 1e-10 * scale:
        raise ValueError(
            "A must be symmetric; got max |A - A.T| = "
            f"{np.max(np.abs(A - A.T)):.3g}. CG needs a symmetric positive "
            "definite matrix; for least squares use A.T @ A."
        )
    threshold = tol * (np.linalg.norm(b) if np.any(b) else 1.0)
    x, path, residuals = _cg(A, b, x, threshold, max_iter)
    converged = residuals[-1] <= threshold
    if not converged:
        warnings.warn(
            f"conjugate_gradient stopped at max_iter={max_iter} with residual "
            f"{residuals[-1]:.3g} > {threshold:.3g}.",
            ConvergenceWarning,
            stacklevel=2,
        )
    return CGResult(
        x=x,
        n_iter=len(path) - 1,
        converged=bool(converged),
        path=np.array(path),
        residuals=np.array(residuals),
    )


def _cg(A, b, x, threshold, max_iter):
    """The iteration itself (Hestenes and Stiefel)."""
    r = b - A @ x  # residual = minus the gradient
    p = r.copy()  # first direction: steepest descent
    path, residuals = [x], [np.linalg.norm(r)]
    for _ in range(max_iter):
        if residuals[-1] <= threshold:
            break
        Ap = A @ p
        step = (r @ r) / _curvature(p, Ap)  # exact line search along p
        x = x + step * p
        r_new = r - step * Ap
        beta = (r_new @ r_new) / (r @ r)
        p, r = r_new + beta * p, r_new  # next direction: A-conjugate to p
        path.append(x)
        residuals.append(np.linalg.norm(r))
    return x, path, residuals


def _curvature(p, Ap):
    """``p @ A @ p``, which must be positive for a positive definite ``A``."""
    curvature = p @ Ap
    if curvature <= 0:
        raise ValueError(
            f"A must be positive definite; found a direction p with "
            f"p @ A @ p = {curvature:.3g} <= 0."
        )
    return curvature
