"""Private checks shared by the statistics modules."""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_vector, check_scalar

ALTERNATIVES = ("two-sided", "less", "greater")


def sample(x, *, name: str = "x", minimum: int = 1) -> np.ndarray:
    """``x`` as a finite 1-D float array holding at least ``minimum`` values."""
    x = as_vector(x, name=name)
    if x.size < minimum:
        raise ValueError(
            f"{name} must hold at least {minimum} samples; got {x.size}."
        )
    return x


def check_level(level) -> float:
    """A confidence or credibility level strictly between 0 and 1."""
    return check_scalar(
        level,
        name="level",
        low=0,
        high=1,
        low_inclusive=False,
        high_inclusive=False,
    )


def check_alternative(alternative) -> str:
    """One of ``"two-sided"``, ``"less"``, ``"greater"`` (SciPy's words)."""
    if not isinstance(alternative, str):
        raise TypeError(
            f"alternative must be a string, one of {ALTERNATIVES}; got "
            f"{type(alternative).__name__} {alternative!r}."
        )
    if alternative not in ALTERNATIVES:
        raise ValueError(
            f"alternative must be one of {ALTERNATIVES}; got {alternative!r}."
        )
    return alternative


def check_not_constant(*samples: tuple[str, np.ndarray]) -> None:
    """Refuse samples that are all constant: their t statistic is 0/0."""
    if all(np.ptp(x) == 0 for _, x in samples):
        names = " and ".join(name for name, _ in samples)
        both = "both " if len(samples) > 1 else ""
        raise ValueError(
            f"{names} must not {both}be constant: with zero sample variance "
            "the standard error is 0 and the t statistic is undefined."
        )
