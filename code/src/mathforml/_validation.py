"""Input validation shared by every public function of :mod:`mathforml`.

Each public function starts with one line such as
``A = as_matrix(A, name="A", square=True)``. The helpers turn array-likes
into float arrays and raise a ``TypeError`` or ``ValueError`` that names the
argument, says what was expected and what arrived, and suggests the fix.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "as_array",
    "as_matrix",
    "as_vector",
    "check_int",
    "check_rng",
    "check_scalar",
]


def _kind(x) -> str:
    return type(x).__name__


def as_array(
    x,
    *,
    name: str,
    ndim: int | None = None,
    allow_empty: bool = False,
    finite: bool = True,
) -> np.ndarray:
    """Convert ``x`` to a float array, checking dimension, emptiness and finiteness."""
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be an array of numbers; got {_kind(x)}.")
    try:
        raw = np.asarray(x)
        if raw.dtype.kind == "O" and any(
            isinstance(v, complex) for v in raw.ravel()
        ):
            raw = raw.astype(complex)
        if raw.dtype.kind == "c":
            raise TypeError(
                f"{name} must be real; got complex values. The book's functions work over "
                f"the reals: pass {name}.real if the imaginary parts are meant to be zero."
            )
        if raw.dtype.kind == "O" and not all(
            isinstance(v, numbers.Real) for v in raw.ravel()
        ):
            if raw.ndim == 0:
                raise TypeError(
                    f"{name} must be an array of numbers; got {_kind(x)}."
                )
            odd = next(
                v for v in raw.ravel() if not isinstance(v, numbers.Real)
            )
            raise TypeError(
                f"{name} must be an array of numbers; it holds {_kind(odd)} "
                f"{odd!r}."
            )
        if raw.dtype.kind in "USV":
            raise TypeError(
                f"{name} must be an array of numbers; got strings ({raw.dtype})."
            )
        arr = raw.astype(float)
    except (TypeError, ValueError) as err:
        if isinstance(err, TypeError) and str(err).startswith(name + " must"):
            raise
        raise TypeError(
            f"{name} must be an array of numbers; got {_kind(x)} that NumPy cannot "
            f"convert to float ({err})."
        ) from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D; got shape {arr.shape}.")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {arr.shape}.")
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(
            f"{name} must contain only finite numbers; got NaN or inf."
        )
    return arr


def as_vector(
    x, *, name: str, size: int | None = None, **kwargs
) -> np.ndarray:
    """Convert ``x`` to a 1-D float array, optionally of a given length.

    >>> as_vector([1, 2], name="x")
    array([1., 2.])
    >>> as_vector([[1, 2]], name="x")
    Traceback (most recent call last):
    ...
    ValueError: x must be a 1-D vector; got shape (1, 2). Use x.ravel() for a flat copy.
    """
    arr = as_array(x, name=name, **kwargs)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D vector; got shape {arr.shape}. Use {name}.ravel() for a "
            "flat copy."
        )
    if size is not None and arr.shape[0] != size:
        raise ValueError(
            f"{name} must have length {size}; got length {arr.shape[0]}."
        )
    return arr


def as_matrix(A, *, name: str, square: bool = False, **kwargs) -> np.ndarray:
    """Convert ``A`` to a 2-D float array, optionally square.

    >>> as_matrix([[1, 2], [3, 4]], name="A", square=True).shape
    (2, 2)
    >>> as_matrix([1, 2, 3], name="X")
    Traceback (most recent call last):
    ...
    ValueError: X must be 2-D (rows, columns); got shape (3,). Use X.reshape(-1, 1) for a column.
    """
    arr = as_array(A, name=name, **kwargs)
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must be 2-D (rows, columns); got shape {arr.shape}. Use "
            f"{name}.reshape(-1, 1) for a column."
        )
    if square and arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be square; got shape {arr.shape}.")
    return arr


def check_int(
    n, *, name: str, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Check that ``n`` is an integer in ``[minimum, maximum]`` and return it as ``int``.

    >>> check_int(3, name="k", minimum=1)
    3
    >>> check_int(2.5, name="k")
    Traceback (most recent call last):
    ...
    TypeError: k must be an integer; got float 2.5.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {_kind(n)} {n!r}.")
    n = int(n)
    if minimum is not None and n < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {n}.")
    if maximum is not None and n > maximum:
        raise ValueError(f"{name} must be <= {maximum}; got {n}.")
    return n


def check_scalar(
    x,
    *,
    name: str,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Check that ``x`` is a finite real number in the given range and return it as ``float``.

    >>> check_scalar(0.5, name="alpha", low=0, high=1)
    0.5
    >>> check_scalar(-1, name="h", low=0, low_inclusive=False)
    Traceback (most recent call last):
    ...
    ValueError: h must be > 0; got -1.0.
    """
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be a real number; got {_kind(x)} {x!r}.")
    x = float(x)
    if not np.isfinite(x):
        raise ValueError(f"{name} must be finite; got {x}.")
    if low is not None and (x < low or (x == low and not low_inclusive)):
        raise ValueError(
            f"{name} must be {'>=' if low_inclusive else '>'} {low}; got {x}."
        )
    if high is not None and (x > high or (x == high and not high_inclusive)):
        raise ValueError(
            f"{name} must be {'<=' if high_inclusive else '<'} {high}; got {x}."
        )
    return x


def check_choice(value, options, *, name: str) -> str:
    """Check that ``value`` is one of the strings ``options`` and return it.

    >>> check_choice("full", ("full", "diag"), name="covariance_type")
    'full'
    >>> check_choice("tied", ("full", "diag"), name="covariance_type")
    Traceback (most recent call last):
    ...
    ValueError: covariance_type must be one of 'full', 'diag'; got 'tied'.
    """
    if not isinstance(value, str) or value not in options:
        listed = ", ".join(map(repr, options))
        raise ValueError(f"{name} must be one of {listed}; got {value!r}.")
    return value


def check_rng(rng) -> np.random.Generator:
    """Turn ``rng`` (None, a seed or a Generator) into a Generator (SPEC 7).

    >>> bool(check_rng(0).integers(10) == check_rng(0).integers(10))
    True
    """
    if isinstance(rng, bool) or (
        rng is not None
        and not isinstance(
            rng,
            (numbers.Integral, np.random.Generator, np.random.SeedSequence),
        )
    ):
        raise TypeError(
            f"rng must be None, an int seed or a numpy.random.Generator; got {_kind(rng)}."
        )
    return np.random.default_rng(rng)
