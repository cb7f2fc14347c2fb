r"""Mini-batch stochastic gradient descent (:ref:`sec-sgd`)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_vector, check_int, check_rng, check_scalar
from mathforml.calculus._checks import check_callable
from mathforml.exceptions import ConvergenceWarning

__all__ = ["SGDResult", "minibatch_sgd"]


@dataclass(frozen=True)
class SGDResult:
    """What :func:`minibatch_sgd` returns.

    Attributes
    ----------
    x : numpy.ndarray, shape (d,)
        The weights after the last update.
    path : numpy.ndarray, shape (n_epochs_run + 1, d)
        ``w0`` and the weights at the end of every epoch.
    n_iter : int
        The number of updates (mini-batches) taken.
    diverged : bool
        True when the weights stopped being finite (the run then stops, with a
        :class:`~mathforml.exceptions.ConvergenceWarning`).

    Notes
    -----
    :ref:`sec-sgd` teaches mini-batch stochastic gradient descent.
    """

    x: np.ndarray
    path: np.ndarray
    n_iter: int
    diverged: bool


def minibatch_sgd(
    grad_batch: Callable,
    w0: ArrayLike,
    n_samples: int,
    batch_size: int,
    lr: float | Callable,
    n_epochs: int,
    *,
    rng=None,
) -> SGDResult:
    r"""Mini-batch SGD: each epoch shuffles the samples and steps once per batch.

    Parameters
    ----------
    grad_batch : callable
        ``grad_batch(w, idx) -> (d,)``: the gradient of the loss averaged over the
        samples with indices ``idx`` (an integer array).
    w0 : array_like, shape (d,)
        The starting weights.
    n_samples : int
        How many samples there are (indices ``0 .. n_samples - 1``).
    batch_size : int
        Samples per update, between 1 (pure SGD) and ``n_samples`` (batch gradient
        descent). The last batch of an epoch holds the remainder.
    lr : float or callable
        The learning rate, > 0, or a schedule ``lr(t) -> float`` of the update count
        ``t = 0, 1, 2, ...`` (:ref:`sec-sgd`).
    n_epochs : int
        Passes over the data.
    rng : None, int or numpy.random.Generator, optional
        The source of the shuffles.

    Returns
    -------
    SGDResult
        ``x``, ``path`` (one row per epoch), ``n_iter``, ``diverged``.

    Raises
    ------
    TypeError, ValueError
        For a non-callable ``grad_batch`` or one returning the wrong shape, a
        non-finite ``w0``, sizes that are not positive integers, ``batch_size`` above
        ``n_samples``, or a learning rate that is not positive.

    Notes
    -----
    The update is :math:`w \leftarrow w - \eta_t \nabla L_B(w)` with
    :math:`B` the current batch.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(10.0)  # the mean minimizes the mean of (w - x_i)^2
    >>> res = minibatch_sgd(lambda w, idx: 2 * (w - x[idx].mean()), [0.0], 10, 5,
    ...                     lambda t: 0.5 / (1 + t), 100, rng=0)
    >>> res.path.shape, res.n_iter, round(float(res.x[0]), 6)
    ((101, 1), 200, 4.5)
    """
    check_callable(grad_batch, name="grad_batch")
    w = as_vector(w0, name="w0")
    n_samples = check_int(n_samples, name="n_samples", minimum=1)
    batch_size = check_int(
        batch_size, name="batch_size", minimum=1, maximum=n_samples
    )
    n_epochs = check_int(n_epochs, name="n_epochs", minimum=0)
    rate = (
        lr
        if callable(lr)
        else _constant(check_scalar(lr, name="lr", low=0, low_inclusive=False))
    )
    rng = check_rng(rng)
    w, path, t = _sgd(
        lambda w_, idx: _batch_gradient(grad_batch, w_, idx),
        w,
        n_samples,
        batch_size,
        rate if not callable(lr) else lambda t_: _learning_rate(rate, t_),
        n_epochs,
        rng,
    )
    diverged = not np.all(np.isfinite(w))
    if diverged:
        warnings.warn(
            f"minibatch_sgd diverged in epoch {len(path) - 1}: the weights "
            "are no longer finite; lower lr.",
            ConvergenceWarning,
            stacklevel=2,
        )
    return SGDResult(x=w, path=np.array(path), n_iter=t, diverged=diverged)


def _sgd(grad_batch, w, n_samples, batch_size, lr, n_epochs, rng):
    """Mini-batch SGD: every epoch, shuffle the samples and take one step per
    batch; ``lr(t)`` is the learning rate of step ``t``."""
    path, t = [w], 0
    for _ in range(n_epochs):
        order = rng.permutation(n_samples)  # a fresh order every epoch
        for start in range(0, n_samples, batch_size):
            idx = order[start : start + batch_size]
            w = w - lr(t) * grad_batch(w, idx)
            t += 1
        path.append(w)
        if not np.all(np.isfinite(w)):
            break  # diverged: the caller warns
    return w, path, t


def _constant(value):
    return lambda t: value


def _learning_rate(rate, t):
    value = rate(t)
    if type(value) is float and 0 < value < np.inf:  # the common case, checked quickly
        return value
    return check_scalar(value, name=f"lr({t})", low=0, low_inclusive=False)


def _batch_gradient(grad_batch, w, idx):
    out = grad_batch(w, idx)
    out = np.asarray(out, dtype=float)
    if out.shape != w.shape:
        raise ValueError(
            f"grad_batch must return an array of shape {w.shape} like w0; "
            f"got shape {out.shape}."
        )
    return out
