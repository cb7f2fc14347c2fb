"""Private checks shared by the calculus modules."""

from __future__ import annotations

import numpy as np

from mathforml._validation import check_scalar

EPS = np.finfo(float).eps


def check_callable(f, *, name: str = "f") -> None:
    """Raise a ``TypeError`` naming ``name`` unless ``f`` can be called."""
    if not callable(f):
        raise TypeError(
            f"{name} must be a callable such as np.sin or lambda x: x**2; got "
            f"{type(f).__name__} {f!r}."
        )


def scalar_output(value, *, name: str = "f") -> float:
    """Return ``value`` as a float, or raise if the function did not return one number."""
    if isinstance(value, float):  # a Python or NumPy float: the common case, and quick
        return float(value)
    if value is None:
        raise TypeError(
            f"{name} must return a real number; it returned None. Did it forget "
            "`return`?"
        )
    if isinstance(value, (str, bytes)) or np.iscomplexobj(value):
        raise TypeError(
            f"{name} must return a real number; it returned "
            f"{type(value).__name__} {value!r}."
        )
    arr = np.asarray(value, dtype=float)
    if arr.size != 1:
        raise ValueError(
            f"{name} must return a scalar; got an output of shape {arr.shape}."
        )
    return float(arr.reshape(()))


def step_sizes(x: np.ndarray, h, *, power: float) -> np.ndarray:
    """Steps ``eps**power * max(1, |x|)`` per coordinate, or the user's ``h`` everywhere."""
    if h is None:
        return EPS**power * np.maximum(1.0, np.abs(x))
    h = check_scalar(h, name="h", low=0, low_inclusive=False)
    return np.full(np.shape(x), h)
