"""Reverse-mode automatic differentiation on NumPy arrays (:ref:`sec-backpropagation`).

A ``Tensor`` wraps an array and records the operations that produce it; ``backward`` applies
the chain rule through them. The surface follows PyTorch: ``Tensor(data,
requires_grad=True)``, ``.data``, ``.grad``, ``.backward()``, ``.zero_grad()``.
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
from mathforml.autodiff._tensor import Tensor, as_tensor

__all__ = [
    "Tensor",
    "as_tensor",
    "exp",
    "log",
    "log_softmax",
    "logsumexp",
    "relu",
    "sigmoid",
    "softmax",
    "tanh",
]
