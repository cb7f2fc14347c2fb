"""Private helpers shared by the modules of :mod:`mathforml.linalg`."""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_array

EPS = np.finfo(float).eps


class DecompositionResult(tuple):
    """The factors of a decomposition, unpacking like a tuple, with the work it took.

    ``w, V = eig_sym(A)`` and ``U, s, Vt = svd(A)`` work as for NumPy's named results;
    ``result.n_sweeps`` and ``result.converged`` say how the iteration went.
    """

    def __new__(cls, factors: tuple, *, n_sweeps: int, converged: bool):
        result = super().__new__(cls, factors)
        result.n_sweeps, result.converged = int(n_sweeps), bool(converged)
        return result

    __repr__ = tuple.__repr__  # prints as the plain tuple of factors, as before

class EighResult(DecompositionResult):
    """``(eigenvalues, eigenvectors)`` from :func:`eig_sym`, plus ``n_sweeps``, ``converged``."""

    eigenvalues = property(lambda self: self[0])
    eigenvectors = property(lambda self: self[1])


class SVDResult(DecompositionResult):
    """``(U, S, Vh)`` from :func:`svd` (NumPy's names), plus ``n_sweeps``, ``converged``."""

    U = property(lambda self: self[0])
    S = property(lambda self: self[1])
    Vh = property(lambda self: self[2])


def scale_of(A: np.ndarray) -> float:
    """The largest |entry| of ``A`` (1 for a zero array): divide by it before squaring.

    The teaching algorithms square entries (norms, Gram matrices, rotation angles). With
    entries near 1e200 the squares overflow, near 1e-200 they underflow, and the answer is
    silently wrong. Working on ``A / scale_of(A)`` and scaling the result back, as LAPACK
    does, keeps them exact over the whole range of doubles.
    """
    s = float(np.max(np.abs(A), initial=0.0))
    return s if s > 0 else 1.0


def default_tol(A: np.ndarray) -> float:
    r"""The tolerance below which a pivot of ``A`` counts as zero: ``max(m, n) * eps * max|A_ij|``.

    It scales with the size of the entries, so multiplying ``A`` by 1e6 does not change which
    pivots count as zero. NumPy's ``matrix_rank`` uses the same rule with singular values.
    """
    return max(A.shape) * EPS * float(np.max(np.abs(A), initial=0.0))


def as_rhs(b, A: np.ndarray, *, name: str = "b") -> np.ndarray:
    """Check a right-hand side: 1-D ``(m,)`` or 2-D ``(m, k)`` with ``m`` = rows of ``A``."""
    b = as_array(b, name=name)
    if b.ndim not in (1, 2):
        raise ValueError(
            f"{name} must be 1-D (m,) or 2-D (m, k) for k right-hand sides; got shape "
            f"{b.shape}."
        )
    if b.shape[0] != A.shape[0]:
        raise ValueError(
            f"{name} must have {A.shape[0]} rows to match A with shape {A.shape}; got shape "
            f"{b.shape}. Check that {name} has one entry per equation (row of A)."
        )
    return b
