"""Numerical derivatives by finite differences: derivative, gradient, Jacobian, Hessian."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mathforml._validation import (
    as_array,
    as_vector,
    check_choice,
    check_scalar,
)
from mathforml.calculus._checks import (
    check_callable,
    scalar_output,
    step_sizes,
)

__all__ = ["derivative", "gradient", "hessian", "jacobian"]

#: Power of machine epsilon in the default step of each method (see ``derivative``).
_STEP_POWER = {"forward": 1 / 2, "backward": 1 / 2, "central": 1 / 3}


def derivative(
    f: Callable[[float], float],
    x: float,
    *,
    h: float | None = None,
    method: str = "central",
) -> float:
    r"""Approximate :math:`f'(x)` by a finite difference.

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number.
    x : float
        The point at which to differentiate.
    h : float, optional
        The step, ``> 0``. Default: ``sqrt(eps) * max(1, |x|)`` for ``"forward"`` and
        ``"backward"``, ``cbrt(eps) * max(1, |x|)`` for ``"central"``, where ``eps`` is
        machine epsilon (about ``2.2e-16``). The default is a heuristic that assumes
        ``f`` changes on a scale of about ``max(1, |x|)``; it fails when ``f``
        oscillates faster (``derivative(np.sin, 1e6)`` steps over a whole period).
        Pass ``h`` when you know the scale.
    method : {"central", "forward", "backward"}, default "central"
        Which difference quotient to use.

    Returns
    -------
    float
        The difference quotient.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x``, ``h`` are not real numbers.
    ValueError
        If ``h <= 0``, ``method`` is unknown or ``f`` does not return a scalar.

    Notes
    -----
    :ref:`sec-derivatives`. Taylor's theorem gives the truncation errors

    .. math::

        \begin{aligned}
        \frac{f(x+h) - f(x)}{h} &= f'(x) + O(h), \\
        \frac{f(x+h) - f(x-h)}{2h} &= f'(x) + O(h^2).
        \end{aligned}

    Rounding adds an error of about :math:`\epsilon |f| / h`. Balancing the two gives the
    default steps :math:`h \sim \epsilon^{1/2}` (forward) and :math:`h \sim \epsilon^{1/3}`
    (central). The quotient divides by ``x_plus - x_minus``, the step the computer actually
    took, rather than by the ``h`` we asked for.

    Examples
    --------
    >>> import numpy as np
    >>> round(derivative(np.sin, 0.0), 8)
    1.0
    >>> round(derivative(lambda x: x**2, 3.0, method="forward"), 6)
    6.0
    """
    check_callable(f)
    x = check_scalar(x, name="x")
    check_choice(method, sorted(_STEP_POWER), name="method")
    h = float(step_sizes(np.float64(x), h, power=_STEP_POWER[method]))
    x_plus = x if method == "backward" else x + h
    x_minus = x if method == "forward" else x - h
    return (scalar_output(f(x_plus)) - scalar_output(f(x_minus))) / (
        x_plus - x_minus
    )


def gradient(
    f: Callable[[np.ndarray], float], x, *, h: float | None = None
) -> np.ndarray:
    r"""Approximate the gradient :math:`\nabla f(x)` by central differences.

    Parameters
    ----------
    f : callable
        A scalar function of an array of the shape of ``x``.
    x : array_like, shape (n,) or any shape
        The point. The gradient has the same shape.
    h : float, optional
        The step, ``> 0``. Default: ``cbrt(eps) * max(1, |x_i|)`` for coordinate ``i``.

    Returns
    -------
    ndarray, shape like ``x``
        :math:`\partial f / \partial x_i` in position ``i``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``x`` is empty or not finite, ``h <= 0`` or ``f`` does not return a scalar.

    Notes
    -----
    :ref:`sec-gradients`. One central difference per coordinate, with :math:`e_i` the
    :math:`i`-th unit vector; ``2 n`` evaluations of ``f`` in all:

    .. math::

        \frac{\partial f}{\partial x_i}(x) \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}.

    Examples
    --------
    >>> import numpy as np
    >>> np.round(gradient(lambda x: x[0]**2 + 3 * x[1], [1.0, 2.0]), 6)
    array([2., 3.])
    """
    check_callable(f)
    x = as_array(x, name="x")
    steps = step_sizes(x, h, power=1 / 3)
    g = np.empty_like(x)
    for i in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[i] += steps[i]
        x_minus[i] -= steps[i]
        diff = scalar_output(f(x_plus)) - scalar_output(f(x_minus))
        g[i] = diff / (x_plus[i] - x_minus[i])
    return g


def jacobian(
    f: Callable[[np.ndarray], np.ndarray], x, *, h: float | None = None
) -> np.ndarray:
    r"""Approximate the Jacobian matrix of :math:`f: \mathbb{R}^n \to \mathbb{R}^m`.

    Parameters
    ----------
    f : callable
        Maps a vector of shape (n,) to a vector of shape (m,) (a scalar counts as m = 1).
    x : array_like, shape (n,)
        The point.
    h : float, optional
        The step, ``> 0``. Default: ``cbrt(eps) * max(1, |x_j|)`` for coordinate ``j``.

    Returns
    -------
    ndarray, shape (m, n)
        :math:`J_{ij} = \partial f_i / \partial x_j`.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``x`` is not a non-empty finite vector, ``h <= 0`` or ``f`` returns an array
        that is not 1-D.

    Notes
    -----
    :ref:`sec-jacobians`. Column :math:`j` is a central difference along :math:`e_j`:

    .. math::

        J_{:, j} \approx \frac{f(x + h e_j) - f(x - h e_j)}{2h}.

    Examples
    --------
    >>> import numpy as np
    >>> f = lambda x: np.array([x[0] * x[1], np.sin(x[0])])
    >>> np.round(jacobian(f, [0.0, 2.0]), 6)
    array([[2., 0.],
           [1., 0.]])
    """
    check_callable(f)
    x = as_vector(x, name="x")
    steps = step_sizes(x, h, power=1 / 3)
    columns = []
    for j in range(x.size):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[j] += steps[j]
        x_minus[j] -= steps[j]
        diff = _vector_output(f(x_plus)) - _vector_output(f(x_minus))
        columns.append(diff / (x_plus[j] - x_minus[j]))
    return np.column_stack(columns)


def hessian(
    f: Callable[[np.ndarray], float], x, *, h: float | None = None
) -> np.ndarray:
    r"""Approximate the Hessian matrix :math:`\nabla^2 f(x)` by central differences.

    Parameters
    ----------
    f : callable
        A scalar function of a vector of shape (n,).
    x : array_like, shape (n,)
        The point.
    h : float, optional
        The step, ``> 0``. Default: ``eps**(1/4) * max(1, |x_i|)`` for coordinate ``i``.

    Returns
    -------
    ndarray, shape (n, n)
        A symmetric matrix with :math:`H_{ij} \approx \partial^2 f / \partial x_i \partial x_j`.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``x`` is not a non-empty finite vector, ``h <= 0`` or ``f`` does not return a
        scalar.

    Notes
    -----
    :ref:`sec-hessians`. Four evaluations per pair :math:`i \le j`:

    .. math::

        \begin{aligned}
        H_{ij} \approx \frac{1}{4 h_i h_j} \big(
        &f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j) \\
        &- f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)\big).
        \end{aligned}

    The truncation error is :math:`O(h^2)` and rounding costs :math:`\epsilon |f| / h^2`,
    hence the default :math:`h \sim \epsilon^{1/4}` and about half the digits of ``f``.

    Examples
    --------
    >>> import numpy as np
    >>> np.round(hessian(lambda x: x[0]**2 * x[1], [1.0, 2.0]), 5)
    array([[4., 2.],
           [2., 0.]])
    """
    check_callable(f)
    x = as_vector(x, name="x")
    E = np.diag(step_sizes(x, h, power=1 / 4))
    H = np.empty((x.size, x.size))
    for i in range(x.size):
        for j in range(i, x.size):
            ei, ej = E[i], E[j]
            fpp, fpm, fmp, fmm = (
                scalar_output(f(x + si * ei + sj * ej))
                for si in (1, -1)
                for sj in (1, -1)
            )
            H[i, j] = H[j, i] = (fpp - fpm - fmp + fmm) / (4 * ei[i] * ej[j])
    return H


def _vector_output(value) -> np.ndarray:
    y = np.atleast_1d(np.asarray(value, dtype=float))
    if y.ndim != 1:
        raise ValueError(
            f"f must return a 1-D vector (m,); got an output of shape {y.shape}."
        )
    return y
