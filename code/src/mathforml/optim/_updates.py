r"""The update rules of the optimizers, one small pure function each.

Each rule takes the current point, the gradient there and what the method remembers
(its *state*), and returns the next point and the new state. :func:`minimize` calls
them in a loop (:ref:`sec-gradient-descent`, :ref:`sec-momentum-adam`,
:ref:`sec-second-order`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_array, check_scalar

__all__ = [
    "adam_step",
    "bfgs_update",
    "gd_step",
    "momentum_step",
    "nesterov_step",
    "newton_step",
    "rmsprop_step",
    "soft_threshold",
]


def gd_step(x, g, *, lr):
    """Gradient descent: move against the gradient, ``x - lr * g``.

    Notes
    -----
    :ref:`sec-gradient-descent` teaches the step and the choice of its learning rate.
    """
    return x - lr * g


def momentum_step(x, g, v, *, lr, beta):
    """Heavy ball: the velocity ``v`` remembers past gradients, decayed by ``beta``.

    Notes
    -----
    :ref:`sec-momentum-adam` teaches momentum; :ref:`sec-optimizer-hyperparameters` tunes it.
    """
    v = beta * v + g
    return x - lr * v, v


def nesterov_step(x, v, grad, *, lr, beta):
    """Nesterov: the gradient is taken where momentum is about to carry ``x``.

    Notes
    -----
    :ref:`sec-momentum-adam` teaches Nesterov's accelerated step.
    """
    g = grad(x - lr * beta * v)
    v = beta * v + g
    return x - lr * v, v


def rmsprop_step(x, g, s, *, lr, rho, eps):
    """RMSprop: divide each coordinate by a running root-mean-square of its gradients.

    Notes
    -----
    :ref:`sec-momentum-adam` teaches RMSprop.
    """
    s = rho * s + (1 - rho) * g**2
    return x - lr * g / (np.sqrt(s) + eps), s


def adam_step(x, g, m, s, t, *, lr, beta1, beta2, eps):
    """Adam (Kingma and Ba): momentum over RMSprop's scaling, both bias-corrected.

    ``t`` counts the steps from 1; at ``t = 1`` the step is ``lr * g / (|g| + eps)``.

    Notes
    -----
    :ref:`sec-momentum-adam` teaches Adam; :ref:`sec-optimizer-hyperparameters` tunes it.
    """
    m = beta1 * m + (1 - beta1) * g
    s = beta2 * s + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)  # undo the pull towards the zero start
    s_hat = s / (1 - beta2**t)
    return x - lr * m_hat / (np.sqrt(s_hat) + eps), m, s


def newton_step(x, g, H, *, lr):
    """Newton: jump to the minimum of the local quadratic model (``lr = 1``).

    Notes
    -----
    :ref:`sec-second-order` teaches Newton's method.
    """
    return x - lr * np.linalg.solve(H, g)


def bfgs_update(H_inv, s, y):
    r"""BFGS: update the inverse-Hessian estimate from one step ``s`` and its
    change of gradient ``y`` (Nocedal and Wright, eq. 6.17).

    .. math:: H^{-1} \leftarrow (I - \rho s y^\top) H^{-1} (I - \rho y s^\top)
              + \rho s s^\top, \qquad \rho = 1 / (y^\top s).

    Notes
    -----
    :ref:`sec-second-order` teaches the BFGS update.
    """
    rho = 1.0 / (y @ s)
    A = np.eye(s.size) - rho * np.outer(s, y)
    return A @ H_inv @ A.T + rho * np.outer(s, s)


def soft_threshold(x: ArrayLike, t: float):
    r"""Shrink every entry of ``x`` towards 0 by ``t``, and set the small ones to 0.

    Parameters
    ----------
    x : float or array_like
        The values to shrink.
    t : float
        The threshold, ``t >= 0``.

    Returns
    -------
    float or numpy.ndarray
        :math:`\operatorname{sign}(x)\max(|x| - t, 0)`, entry by entry, with the shape
        of ``x`` (a float for a number).

    Raises
    ------
    TypeError, ValueError
        If ``x`` is empty, not numeric or not finite, or ``t`` is negative or not a number.

    Notes
    -----
    It solves :math:`\min_w \tfrac12 (w - x)^2 + t|w|` (:ref:`sec-regularization`):
    the step the lasso takes on one coordinate.

    Examples
    --------
    >>> soft_threshold([3.0, -0.5, -2.0], 1.0)
    array([ 2.,  0., -1.])
    >>> soft_threshold(0.2, 1.0)
    0.0
    """
    t = check_scalar(t, name="t", low=0)
    arr = as_array(x, name="x")
    out = (
        np.sign(arr) * np.maximum(np.abs(arr) - t, 0.0) + 0.0
    )  # + 0.0: no -0.0
    return float(out) if out.ndim == 0 else out


def soft_threshold_scalar(z: float, t: float) -> float:
    """:func:`soft_threshold` for one Python float, fast enough for an inner loop."""
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0
