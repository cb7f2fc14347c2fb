"""Private helpers shared by the modules of :mod:`mathforml.linalg`."""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_array

EPS = np.finfo(float).eps


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
