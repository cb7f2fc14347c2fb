r"""``minimize``: one loop, seven update rules, every iterate recorded for plotting."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import (
    as_vector,
    check_choice,
    check_int,
    check_scalar,
)
from mathforml.calculus._checks import check_callable, scalar_output
from mathforml.exceptions import ConvergenceWarning
from mathforml.optim._updates import (
    adam_step,
    bfgs_update,
    gd_step,
    momentum_step,
    nesterov_step,
    newton_step,
    rmsprop_step,
)

__all__ = ["OptimizeResult", "minimize"]

# method: (default learning rate, {option: (default, low, high)})
METHODS = {
    "gd": (0.01, {}),
    "momentum": (0.01, {"beta": (0.9, 0.0, 1.0)}),
    "nesterov": (0.01, {"beta": (0.9, 0.0, 1.0)}),
    "rmsprop": (0.001, {"rho": (0.9, 0.0, 1.0), "eps": (1e-8, 0.0, None)}),
    "adam": (
        0.001,
        {
            "beta1": (0.9, 0.0, 1.0),
            "beta2": (0.999, 0.0, 1.0),
            "eps": (1e-8, 0.0, None),
        },
    ),
    "newton": (1.0, {}),
    "bfgs": (1.0, {}),
}
GROWTH_LIMIT = (
    1e10  # f above f(x0) + GROWTH_LIMIT * (1 + |f(x0)|) counts as divergence
)


@dataclass(frozen=True)
class OptimizeResult:
    """What :func:`minimize` returns.

    Attributes
    ----------
    x : numpy.ndarray, shape (d,)
        The last iterate.
    fun : float
        The objective at ``x``.
    n_iter : int
        The number of steps taken.
    converged : bool
        True when the gradient's norm reached ``tol``; False at ``max_iter`` or on
        divergence (both also warn with :class:`~mathforml.exceptions.ConvergenceWarning`).
    path : numpy.ndarray, shape (n_iter + 1, d)
        ``x0`` and every iterate.
    history : numpy.ndarray, shape (n_iter + 1,)
        The objective at each row of ``path``.
    message : str
        Why the run stopped.

    Notes
    -----
    :ref:`sec-gradient-descent` introduces it with :func:`minimize`.
    """

    x: np.ndarray
    fun: float
    n_iter: int
    converged: bool
    path: np.ndarray
    history: np.ndarray
    message: str


def minimize(
    fun: Callable,
    grad: Callable,
    x0: ArrayLike,
    *,
    method: str = "gd",
    lr: float | None = None,
    max_iter: int = 1000,
    tol: float = 1e-6,
    hess: Callable | None = None,
    **options,
) -> OptimizeResult:
    r"""Minimize ``fun`` from ``x0`` with a first- or second-order method.

    Parameters
    ----------
    fun : callable
        The objective, ``fun(x) -> float`` for ``x`` of shape ``(d,)``.
    grad : callable
        Its gradient, ``grad(x) -> array of shape (d,)``.
    x0 : array_like, shape (d,)
        The starting point.
    method : {"gd", "momentum", "nesterov", "rmsprop", "adam", "newton", "bfgs"}
        The update rule (:ref:`sec-momentum-adam`, :ref:`sec-second-order`).
    lr : float, optional
        The learning rate, > 0. Default 0.01 for gd, momentum and nesterov, 0.001 for
        rmsprop and adam, 1 for newton (the pure Newton step) and bfgs (the first step a
        backtracking line search tries).
    max_iter : int, default 1000
        The most steps to take.
    tol : float, default 1e-6
        Stop when :math:`\|\nabla f(x)\| \le` ``tol``.
    hess : callable, optional
        The Hessian, ``hess(x) -> (d, d)``; required by ``method="newton"`` and used by
        no other method.
    **options
        ``beta=0.9`` (momentum, nesterov); ``rho=0.9, eps=1e-8`` (rmsprop);
        ``beta1=0.9, beta2=0.999, eps=1e-8`` (adam).

    Returns
    -------
    OptimizeResult
        With ``x``, ``fun``, ``n_iter``, ``converged``, ``path``, ``history``.

    Raises
    ------
    ValueError
        If ``x0`` is not a finite vector, ``fun(x0)`` is not finite, ``grad`` returns the
        wrong shape, ``lr <= 0``, the method or an option is unknown or out of range.
    TypeError
        If ``fun``, ``grad`` or ``hess`` is not callable or returns non-numbers.
    numpy.linalg.LinAlgError
        If Newton meets a singular Hessian.

    Warns
    -----
    ConvergenceWarning
        At ``max_iter`` before ``tol``, or when the run diverges (a non-finite value, or
        the objective growing without bound): the run stops there with
        ``converged=False``, never with a silent NaN.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.diag([1.0, 10.0])
    >>> res = minimize(lambda x: 0.5 * x @ A @ x, lambda x: A @ x, [1.0, 1.0],
    ...                method="momentum", lr=0.05)
    >>> res.converged, bool(np.linalg.norm(res.x) < 1e-6), res.path.shape[1]
    (True, True, 2)
    """
    x0, f, g, h, lr, options = _check_minimize(
        fun, grad, x0, method, lr, hess, options
    )
    max_iter = check_int(max_iter, name="max_iter", minimum=0)
    tol = check_scalar(tol, name="tol", low=0)
    step = STEPPERS[method](f, g, h, x0, lr=lr, **options)
    return _run(
        f, g, x0, step, max_iter=max_iter, tol=tol, label=method, lr=lr
    )


def _run(fun, grad, x0, step, *, max_iter, tol, label, lr):
    """The loop every method shares, and the report of how it ended."""
    path, values = [x0], [fun(x0)]
    limit = values[0] + GROWTH_LIMIT * (1 + abs(values[0]))
    with np.errstate(over="ignore", invalid="ignore"):  # reported below
        status = _loop(
            fun, grad, step, path, values, limit, max_iter=max_iter, tol=tol
        )
    if status == "converged":
        message = "gradient norm <= tol"
    elif status == "diverged":
        message = (
            f"diverged at iteration {len(path) - 1}: the objective went from "
            f"{values[0]:.3g} to {values[-1]:.3g}; lower lr (now {lr:g})"
        )
    else:
        message = (
            f"reached max_iter={max_iter} before the gradient norm fell to "
            f"tol={tol:g}"
        )
    converged = status == "converged"
    if not converged:
        warnings.warn(
            f"minimize(method={label!r}) {message}.",
            ConvergenceWarning,
            stacklevel=3,
        )
    return OptimizeResult(
        x=path[-1],
        fun=values[-1],
        n_iter=len(path) - 1,
        converged=converged,
        path=np.array(path),
        history=np.array(values),
        message=message,
    )


def _loop(fun, grad, step, path, values, limit, *, max_iter, tol):
    """Step from ``path[-1]``, appending to ``path`` and ``values``; return
    "converged" (small gradient), "diverged" or "max_iter"."""
    x = path[-1]
    for _ in range(max_iter):
        g = grad(x)
        if np.sqrt(g @ g) <= tol:  # the gradient's Euclidean norm
            return "converged"
        x = step(x, g)
        path.append(x)
        values.append(fun(x) if np.isfinite(x).all() else np.nan)
        if not (np.isfinite(values[-1]) and values[-1] <= limit):
            return "diverged"  # NaN, inf, or growth without bound
    return "converged" if np.linalg.norm(grad(x)) <= tol else "max_iter"


# Each stepper returns step(x, g) -> next x, keeping the method's state in a closure.
def _gd(fun, grad, hess, x0, *, lr):
    return lambda x, g: gd_step(x, g, lr=lr)


def _momentum(fun, grad, hess, x0, *, lr, beta):
    v = np.zeros_like(x0)

    def step(x, g):
        nonlocal v
        x, v = momentum_step(x, g, v, lr=lr, beta=beta)
        return x

    return step


def _nesterov(fun, grad, hess, x0, *, lr, beta):
    v = np.zeros_like(x0)

    def step(x, g):
        nonlocal v
        x, v = nesterov_step(x, v, grad, lr=lr, beta=beta)
        return x

    return step


def _rmsprop(fun, grad, hess, x0, *, lr, rho, eps):
    s = np.zeros_like(x0)

    def step(x, g):
        nonlocal s
        x, s = rmsprop_step(x, g, s, lr=lr, rho=rho, eps=eps)
        return x

    return step


def _adam(fun, grad, hess, x0, *, lr, beta1, beta2, eps):
    m, s, t = np.zeros_like(x0), np.zeros_like(x0), 0

    def step(x, g):
        nonlocal m, s, t
        t += 1
        x, m, s = adam_step(
            x, g, m, s, t, lr=lr, beta1=beta1, beta2=beta2, eps=eps
        )
        return x

    return step


def _newton(fun, grad, hess, x0, *, lr):
    def step(x, g):
        H = hess(x)
        if not np.all(np.isfinite(H)):
            return np.full_like(x, np.nan)  # reported as divergence by _run
        try:
            return newton_step(x, g, H, lr=lr)
        except np.linalg.LinAlgError:
            raise np.linalg.LinAlgError(
                f"minimize(method='newton'): the Hessian at x = {np.round(x, 6)} is "
                "singular; start elsewhere or use method='bfgs'."
            ) from None

    return step


def _bfgs(fun, grad, hess, x0, *, lr):
    H_inv, last = None, None

    def step(x, g):
        nonlocal H_inv, last
        if last is not None:
            s, y = x - last[0], g - last[1]
            if y @ s > 1e-12 * np.linalg.norm(s) * np.linalg.norm(
                y
            ):  # curvature
                if H_inv is None:  # first update: scale the identity
                    H_inv = (y @ s) / (y @ y) * np.eye(x.size)
                H_inv = bfgs_update(H_inv, s, y)
        p = -g if H_inv is None else -H_inv @ g
        last = (x, g)
        return x + _backtrack(fun, x, g, p, t=lr) * p

    return step


def _backtrack(fun, x, g, p, *, t, c=1e-4, shrink=0.5, max_halvings=60):
    """Halve ``t`` until the Armijo condition f(x + t p) <= f(x) + c t g.p holds."""
    fx, slope = fun(x), g @ p
    for _ in range(max_halvings):
        if fun(x + t * p) <= fx + c * t * slope:
            return t
        t *= shrink
    return t


STEPPERS = {
    "gd": _gd,
    "momentum": _momentum,
    "nesterov": _nesterov,
    "rmsprop": _rmsprop,
    "adam": _adam,
    "newton": _newton,
    "bfgs": _bfgs,
}


def _check_minimize(fun, grad, x0, method, lr, hess, options):
    """Validate everything once, and wrap the user's callables so that a wrong return
    value is reported by name instead of failing deep inside the loop."""
    check_callable(fun, name="fun")
    check_callable(grad, name="grad")
    x0 = as_vector(x0, name="x0")
    check_choice(method, sorted(METHODS), name="method")
    default_lr, allowed = METHODS[method]
    lr = (
        default_lr
        if lr is None
        else check_scalar(lr, name="lr", low=0, low_inclusive=False)
    )
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise TypeError(
            f"method={method!r} takes the options {sorted(allowed) or 'none'}; "
            f"got unknown {unknown}."
        )
    checked = {}
    for name, (default, low, high) in allowed.items():
        checked[name] = check_scalar(
            options.get(name, default),
            name=name,
            low=low,
            high=high,
            high_inclusive=False,
            low_inclusive=name != "eps",
        )
    if method == "newton" and hess is None:
        raise ValueError(
            "method='newton' needs hess, a callable returning the (d, d) "
            "Hessian."
        )
    if method != "newton" and hess is not None:
        raise ValueError(
            f"hess is used only by method='newton'; got method={method!r}."
        )
    d = x0.size

    def f(x):
        return scalar_output(fun(x), name="fun")

    def g(x):
        out = _numeric(grad(x), "grad")
        if out.shape != (d,):
            raise ValueError(
                f"grad must return an array of shape ({d},) like x0; got "
                f"shape {out.shape}."
            )
        return out

    def h(x):
        out = _numeric(hess(x), "hess")
        if out.shape != (d, d):
            raise ValueError(
                f"hess must return an array of shape ({d}, {d}); got shape "
                f"{out.shape}."
            )
        return out

    if not np.isfinite(f(x0)):
        raise ValueError(f"fun(x0) must be finite; got {f(x0)}.")
    g(x0)
    return x0, f, g, (h if hess is not None else None), lr, checked


def _numeric(value, name):
    if type(value) is np.ndarray and value.dtype == np.float64:
        return value  # the common case, checked quickly (minimize calls this every step)
    if (
        value is None
        or isinstance(value, (str, bytes))
        or np.iscomplexobj(value)
    ):
        raise TypeError(
            f"{name} must return real numbers; it returned "
            f"{type(value).__name__} {value!r}."
        )
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must return real numbers; it returned "
            f"{type(value).__name__}."
        ) from None
