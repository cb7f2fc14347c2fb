r"""Rosenbrock's function of two variables, with its gradient and Hessian: the curved,
flat-bottomed valley on which Chapter 7 races its optimizers.

SciPy's ``rosen``, ``rosen_der`` and ``rosen_hess`` take any number of variables; these
take two and are written out, several times faster per call (an optimizer calls them at
every step). They agree with SciPy's to rounding (tests/optim/test_rosenbrock.py).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_array

__all__ = ["rosenbrock", "rosenbrock_grad", "rosenbrock_hess"]


def _two_variables(x, *, grid: bool) -> np.ndarray:
    # Not finite is allowed: an optimizer that diverged must see inf or NaN, not an error.
    arr = as_array(x, name="x", finite=False)
    if arr.ndim == 0 or arr.shape[0] != 2 or (not grid and arr.ndim != 1):
        shape = "(2,) or (2, ...)" if grid else "(2,)"
        raise ValueError(
            f"x must have shape {shape}: the function has two variables; got shape "
            f"{arr.shape}."
        )
    return arr


def rosenbrock(x: ArrayLike):
    r"""Rosenbrock's function, :math:`f(x_1, x_2) = (1 - x_1)^2 + 100\,(x_2 - x_1^2)^2`.

    Parameters
    ----------
    x : array_like of shape (2,) or (2, ...)
        The point :math:`(x_1, x_2)`; or many points at once, ``x[0]`` holding their
        :math:`x_1` and ``x[1]`` their :math:`x_2` (a grid for a contour plot).

    Returns
    -------
    float or numpy.ndarray
        :math:`f` at the point (a float), or at each point (shape ``x.shape[1:]``).
        Its minimum is :math:`f(1, 1) = 0`.

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not numeric or its first axis is not of length 2.

    See Also
    --------
    rosenbrock_grad, rosenbrock_hess

    Notes
    -----
    :ref:`sec-objective-surfaces` draws the valley; :ref:`sec-momentum-adam` and
    :ref:`sec-second-order` race the optimizers along it.

    Examples
    --------
    >>> rosenbrock([1.0, 1.0])
    0.0
    >>> rosenbrock([[0.0, 1.0], [0.0, 0.0]])  # the points (0, 0) and (1, 0)
    array([  1., 100.])
    """
    x = _two_variables(x, grid=True)
    f = (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2
    return float(f) if f.ndim == 0 else f


def rosenbrock_grad(x: ArrayLike) -> np.ndarray:
    r"""The gradient of :func:`rosenbrock`,
    :math:`\bigl(2(x_1 - 1) - 400\,x_1(x_2 - x_1^2),\; 200\,(x_2 - x_1^2)\bigr)`.

    Parameters
    ----------
    x : array_like of shape (2,)
        The point.

    Returns
    -------
    numpy.ndarray of shape (2,)

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not numeric or not of shape (2,).

    Notes
    -----
    :ref:`sec-momentum-adam` shows it and races the first-order methods with it.

    Examples
    --------
    >>> rosenbrock_grad([1.0, 1.0])      # the minimum
    array([0., 0.])
    >>> rosenbrock_grad([0.0, 0.0])
    array([-2.,  0.])
    """
    x1, x2 = _two_variables(x, grid=False)
    across = x2 - x1**2  # how far above the valley's floor, x2 = x1^2
    return np.array([2 * (x1 - 1) - 400 * x1 * across, 200 * across])


def rosenbrock_hess(x: ArrayLike) -> np.ndarray:
    r"""The Hessian of :func:`rosenbrock`,
    :math:`\begin{bmatrix} 1200x_1^2 - 400x_2 + 2 & -400x_1 \\ -400x_1 & 200
    \end{bmatrix}`.

    Parameters
    ----------
    x : array_like of shape (2,)
        The point.

    Returns
    -------
    numpy.ndarray of shape (2, 2)

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not numeric or not of shape (2,).

    Notes
    -----
    :ref:`sec-second-order` gives it to Newton's method; :ref:`sec-hessians` derives it.

    Examples
    --------
    >>> rosenbrock_hess([1.0, 1.0])
    array([[ 802., -400.],
           [-400.,  200.]])
    """
    x1, x2 = _two_variables(x, grid=False)
    return np.array([[1200 * x1**2 - 400 * x2 + 2, -400 * x1], [-400 * x1, 200.0]])
