"""Reverse-mode automatic differentiation on NumPy arrays (:ref:`sec-backpropagation`).

A ``Tensor`` wraps an array and records the operations that produce it; ``backward`` applies
the chain rule through them. The surface follows PyTorch: ``Tensor(data,
requires_grad=True)``, ``.data``, ``.grad``, ``.backward()``, ``.zero_grad()``, method forms
such as ``t.exp()`` and ``t.max(axis=0)``, and ``with no_grad():``.
"""

from mathforml.autodiff._functions import (
    exp,
    log,
    log_softmax,
    logsumexp,
    relu,
    sigmoid,
    softmax,
    tanh,
)
from mathforml.autodiff._more import (
    absolute,
    amax,
    amin,
    clip,
    maximum,
    minimum,
)
from mathforml.autodiff._tensor import Tensor, as_tensor, no_grad

__all__ = [
    "Tensor",
    "absolute",
    "amax",
    "amin",
    "as_tensor",
    "clip",
    "exp",
    "log",
    "log_softmax",
    "logsumexp",
    "maximum",
    "minimum",
    "no_grad",
    "relu",
    "sigmoid",
    "softmax",
    "tanh",
]
