"""Gradient checking: compare a gradient function with central differences."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mathforml._validation import as_array, check_int, check_rng
from mathforml.calculus._checks import (
    check_callable,
    scalar_output,
    step_sizes,
)

__all__ = ["check_grad"]


def check_grad(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], np.ndarray],
    x,
    *,
    n_directions: int = 10,
    coordinates: bool = False,
    h: float | None = None,
    rng=None,
) -> float:
    r"""Worst relative error of ``grad_f`` against central differences of ``f``.

    Parameters
    ----------
    f : callable
        A scalar function of an array of the shape of ``x``.
    grad_f : callable
        The gradient to test: returns an array of the shape of ``x``.
    x : array_like, any shape
        The point. Pick a generic point: at a stationary point the gradient is zero and
        the relative error means nothing.
    n_directions : int, default 10
        Number of random unit directions, ``>= 0``.
    coordinates : bool, default False
        Also check every coordinate direction :math:`e_i` (``x.size`` more checks); meant for
        tiny inputs, where it pinpoints a wrong entry.
    h : float, optional
        The step along each direction. Default: ``cbrt(eps) * max(1, max |x_i|)``.
    rng : None, int or numpy.random.Generator, optional
        Source of the random directions.

    Returns
    -------
    float
        The largest relative error over the directions; about ``1e-8`` or less for a correct
        gradient of a smooth function in float64.

    Raises
    ------
    TypeError
        If ``f`` or ``grad_f`` is not callable, or ``x`` is not numeric.
    ValueError
        If ``grad_f(x)`` does not have the shape of ``x``, no direction is requested or ``f``
        does not return a scalar.

    Notes
    -----
    :ref:`sec-backpropagation`. As JAX's ``check_grads``, the test compares the directional
    derivative :math:`\nabla f(x)^\top u` with a central difference along unit directions
    :math:`u`, each check costing two evaluations of ``f`` whatever the size of ``x``:

    .. math::

        \text{err}(u) = \frac{\left| \frac{f(x + hu) - f(x - hu)}{2h} - \nabla f(x)^\top u
        \right|}{\max\left(\|\nabla f(x)\|,\ \left|\frac{f(x + hu) - f(x - hu)}{2h}\right|
        \right)}.

    The denominator is the size of the largest directional derivative, so a direction
    almost orthogonal to the gradient does not inflate the error.

    Examples
    --------
    >>> import numpy as np
    >>> f, grad_f = lambda x: np.sum(x**3), lambda x: 3 * x**2
    >>> bool(check_grad(f, grad_f, [1.0, -2.0, 0.5], rng=0) < 1e-8)
    True
    >>> wrong = lambda x: 3 * x
    >>> bool(check_grad(f, wrong, [1.0, -2.0, 0.5], coordinates=True) > 0.1)
    True
    """
    check_callable(f, name="f")
    check_callable(grad_f, name="grad_f")
    x = as_array(x, name="x")
    n_directions = check_int(n_directions, name="n_directions", minimum=0)
    if n_directions == 0 and not coordinates:
        raise ValueError(
            "n_directions must be >= 1 when coordinates=False; got 0."
        )
    g = np.asarray(grad_f(x), dtype=float)
    if g.shape != x.shape:
        raise ValueError(
            f"grad_f(x) must have the shape of x, {x.shape}; got {g.shape}."
        )
    U = check_rng(rng).standard_normal((n_directions, x.size))
    U /= np.linalg.norm(U, axis=1, keepdims=True)  # one unit direction per row
    if coordinates:
        U = np.vstack([U, np.eye(x.size)])
    h = float(step_sizes(np.max(np.abs(x)), h, power=1 / 3))
    return _check_grad(f, g, x, U.reshape(-1, *x.shape), h)


def _check_grad(f, g, x, directions, h: float) -> float:
    """Largest relative gap between (f(x+hu) - f(x-hu)) / 2h and g . u."""
    errors = []
    for u in directions:
        f_plus = scalar_output(f(x + h * u))
        f_minus = scalar_output(f(x - h * u))
        numeric = (f_plus - f_minus) / (2 * h)
        scale = max(np.linalg.norm(g), abs(numeric), np.finfo(float).tiny)
        errors.append(abs(numeric - np.sum(g * u)) / scale)
    return float(np.max(errors))  # np.max, not max: a NaN must show
