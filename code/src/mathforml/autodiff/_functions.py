"""Differentiable functions of tensors: five primitives and the functions built from them."""

from __future__ import annotations

import numpy as np

from mathforml.autodiff._tensor import Tensor, _node, as_tensor

__all__ = [
    "exp",
    "log",
    "log_softmax",
    "logsumexp",
    "relu",
    "sigmoid",
    "softmax",
    "tanh",
]


def exp(x) -> Tensor:
    r"""Elementwise exponential :math:`e^x`.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.

    Returns
    -------
    Tensor
        The shape of ``x``.

    Notes
    -----
    :ref:`sec-backpropagation`. A primitive with the vector-Jacobian product

    .. math::

        \bar{x} = \bar{y} \odot e^{x}.

    Examples
    --------
    >>> exp(Tensor([0.0, 1.0])).data.round(4)
    array([1.    , 2.7183])
    """
    x = as_tensor(x)
    out = np.exp(x.data)
    return _node(out, (x,), (lambda g: g * out,))


def log(x) -> Tensor:
    r"""Elementwise natural logarithm (``x > 0``).

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.

    Returns
    -------
    Tensor
        The shape of ``x``.

    Notes
    -----
    :ref:`sec-backpropagation`. A primitive with the vector-Jacobian product

    .. math::

        \bar{x} = \bar{y} / x.

    Examples
    --------
    >>> log(Tensor([1.0, np.e])).data
    array([0., 1.])
    """
    x = as_tensor(x)
    return _node(np.log(x.data), (x,), (lambda g: g / x.data,))


def tanh(x) -> Tensor:
    r"""Elementwise hyperbolic tangent :math:`\tanh x`.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.

    Returns
    -------
    Tensor
        The shape of ``x``.

    Notes
    -----
    :ref:`sec-backpropagation`. A primitive with the vector-Jacobian product

    .. math::

        \bar{x} = \bar{y} \odot (1 - \tanh^2 x).

    Examples
    --------
    >>> tanh(Tensor([0.0])).data
    array([0.])
    """
    x = as_tensor(x)
    out = np.tanh(x.data)
    return _node(out, (x,), (lambda g: g * (1 - out**2),))


def relu(x) -> Tensor:
    r"""Elementwise rectified linear unit :math:`\max(x, 0)`.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.

    Returns
    -------
    Tensor
        The shape of ``x``.

    Notes
    -----
    :ref:`sec-backpropagation`. A primitive with the vector-Jacobian product

    .. math::

        \bar{x} = \bar{y} \odot \mathbb{1}[x > 0],

    choosing the subgradient 0 at the kink :math:`x = 0`, as PyTorch does.

    Examples
    --------
    >>> relu(Tensor([-1.0, 2.0])).data
    array([0., 2.])
    """
    x = as_tensor(x)
    return _node(np.maximum(x.data, 0), (x,), (lambda g: g * (x.data > 0),))


def sigmoid(x) -> Tensor:
    r"""Elementwise logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})`.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.

    Returns
    -------
    Tensor
        The shape of ``x``, entries in :math:`[0, 1]`.

    Notes
    -----
    :ref:`sec-backpropagation`. A primitive, written without overflow as

    .. math::

        \sigma(x) = \exp\left(-\log(1 + e^{-x})\right), \qquad
        \bar{x} = \bar{y} \odot \sigma(x)\, \sigma(-x),

    with ``np.logaddexp(0, -x)`` for :math:`\log(1 + e^{-x})`. The derivative uses
    :math:`\sigma(-x)` rather than :math:`1 - \sigma(x)`, which cancels to 0 for
    :math:`x \gtrsim 37` although the true slope there is about :math:`e^{-x} > 0`. Two
    compositions of the other primitives fall short: ``1 / (1 + exp(-x))`` overflows at
    ``x = -1000`` and its chain rule meets ``inf * 0 = nan``; ``(1 + tanh(x / 2)) / 2``
    rounds :math:`\sigma(-40) \approx 4 \cdot 10^{-18}` to 0, so ``log(sigmoid(x))`` would
    be ``-inf``.

    Examples
    --------
    >>> sigmoid(Tensor([-1000.0, 0.0, 1000.0])).data
    array([0. , 0.5, 1. ])
    """
    x = as_tensor(x)
    out = np.exp(-np.logaddexp(0.0, -x.data))
    flip = np.exp(-np.logaddexp(0.0, x.data))  # sigma(-x) = 1 - sigma(x), no cancellation
    return _node(out, (x,), (lambda g: g * out * flip,))


def logsumexp(x, *, axis: int = -1, keepdims: bool = False) -> Tensor:
    r"""The log-sum-exp :math:`\log \sum_i e^{x_i}` along ``axis``, without overflow.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape.
    axis : int, default -1
        The axis to reduce.
    keepdims : bool, default False
        Keep the reduced axis with length one.

    Returns
    -------
    Tensor
        The shape of ``x`` without ``axis`` (or with length one there if ``keepdims``).

    Notes
    -----
    :ref:`sec-jacobians`. For any constant :math:`m`,

    .. math::

        \log \sum_i e^{x_i} = m + \log \sum_i e^{x_i - m}.

    With :math:`m = \max_i x_i` every exponent is :math:`\le 0`, so nothing overflows and the
    largest term is 1, so the logarithm's argument is at least 1. Because the identity holds
    for every :math:`m`, treating :math:`m` as a constant gives the exact gradient,
    :math:`\operatorname{softmax}(x)`.

    Examples
    --------
    >>> big = Tensor([1000.0, 1000.0])
    >>> round(logsumexp(big).item() - 1000, 6)  # log 2, not inf
    0.693147
    """
    x = as_tensor(x)
    m = np.max(x.data, axis=axis, keepdims=True)
    m = np.where(
        np.isfinite(m), m, 0.0
    )  # an all -inf row: LSE = -inf, not NaN
    with np.errstate(divide="ignore"):  # log 0 = -inf for such a row
        out = log(exp(x - m).sum(axis=axis, keepdims=True)) + m
    return out if keepdims else out.reshape(np.squeeze(m, axis=axis).shape)


def log_softmax(x, *, axis: int = -1) -> Tensor:
    r"""The logarithm of ``softmax(x, axis=axis)``, computed as :math:`x - \operatorname{LSE}(x)`.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape, e.g. logits of shape (n_samples, n_classes).
    axis : int, default -1
        The axis along which the probabilities sum to one.

    Returns
    -------
    Tensor
        The shape of ``x``: log-probabilities, all :math:`\le 0`.

    Notes
    -----
    :ref:`sec-jacobians`: :math:`\log \operatorname{softmax}(x)_i = x_i - \log \sum_j
    e^{x_j}`, stable by the max subtraction inside :func:`logsumexp`.

    Examples
    --------
    >>> log_softmax(Tensor([0.0, -1000.0])).data
    array([    0., -1000.])
    """
    x = as_tensor(x)
    return x - logsumexp(x, axis=axis, keepdims=True)


def softmax(x, *, axis: int = -1) -> Tensor:
    r"""Softmax :math:`e^{x_i} / \sum_j e^{x_j}` along ``axis``, stable for large inputs.

    Parameters
    ----------
    x : Tensor or array_like
        Any shape, e.g. logits of shape (n_samples, n_classes).
    axis : int, default -1
        The axis along which the output sums to one.

    Returns
    -------
    Tensor
        The shape of ``x``: positive entries summing to one along ``axis``.

    Notes
    -----
    :ref:`sec-jacobians`. Computed as :math:`\exp(\operatorname{log\_softmax}(x))`, so
    every exponent is :math:`\le 0`.

    Examples
    --------
    >>> softmax(Tensor([1000.0, 1000.0])).data
    array([0.5, 0.5])
    """
    return exp(log_softmax(x, axis=axis))
