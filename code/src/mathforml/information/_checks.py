"""Private checks shared by the information-theory modules."""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_matrix, as_vector, check_scalar

#: How far from 1 the entries of a probability array may sum.
SUM_TOL = 1e-9


def probabilities(
    p, *, name: str, ndim: int = 1, size: int | None = None
) -> np.ndarray:
    """``p`` as a float array of probabilities: non-negative, summing to 1."""
    if ndim == 1:
        p = as_vector(p, name=name, size=size)
    else:
        p = as_matrix(p, name=name)
    if np.any(p < 0):
        raise ValueError(
            f"{name} must hold probabilities, all >= 0; got {p.min():.6g}."
        )
    if abs(p.sum() - 1) > SUM_TOL:
        raise ValueError(
            f"{name} must sum to 1 (within {SUM_TOL:g}); got sum "
            f"{p.sum():.10g}. Divide counts by their total: {name} / "
            f"{name}.sum()."
        )
    return p


def check_base(base) -> float:
    """The base of the logarithm: > 0 and not 1."""
    base = check_scalar(base, name="base", low=0, low_inclusive=False)
    if base == 1:
        raise ValueError(
            "base must not be 1: log 1 = 0 gives no unit. Use 2 for bits "
            "or np.e for nats."
        )
    return base
