"""More differentiable operations, and the PyTorch-style method forms of every function.

``t.exp()``, ``t.relu()``, ``t.max(axis=0)``, ``abs(t)``, ``t.clip(0, 1)``: the methods call
the functions of this package, so each has one implementation and one gradient test.
"""

from __future__ import annotations

import numpy as np

from mathforml._validation import check_scalar
from mathforml.autodiff import _functions as F
from mathforml.autodiff._tensor import Tensor, _node, as_tensor

__all__ = ["absolute", "amax", "amin", "clip", "maximum", "minimum"]


def absolute(x) -> Tensor:
    r"""Elementwise :math:`|x|`, with the subgradient 0 at 0 (as PyTorch).

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> x = Tensor([-2.0, 0.0, 3.0], requires_grad=True)
    >>> absolute(x).sum().backward()
    >>> x.grad
    array([-1.,  0.,  1.])
    """
    x = as_tensor(x)
    sign = np.sign(x.data)
    return _node(np.abs(x.data), (x,), (lambda g: g * sign,))


def maximum(a, b) -> Tensor:
    r"""Elementwise maximum of ``a`` and ``b`` (with broadcasting).

    The gradient goes to the larger input; where the two are equal it is split half and
    half, the average of the two one-sided derivatives.

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> maximum(Tensor([1.0, 5.0]), 2.0).data
    array([2., 5.])
    """
    a, b = as_tensor(a), as_tensor(b)
    to_a = (a.data > b.data) + 0.5 * (a.data == b.data)
    return _node(
        np.maximum(a.data, b.data),
        (a, b),
        (lambda g: g * to_a, lambda g: g * (1.0 - to_a)),
    )


def minimum(a, b) -> Tensor:
    """Elementwise minimum, ``-maximum(-a, -b)``.

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> minimum(Tensor([1.0, 5.0]), 2.0).data
    array([1., 2.])
    """
    return -maximum(-as_tensor(a), -as_tensor(b))


def clip(x, low=None, high=None) -> Tensor:
    r"""Limit ``x`` to ``[low, high]`` (either may be None), as ``np.clip``.

    The gradient is 1 where ``low <= x <= high`` and 0 where the value was cut.

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> x = Tensor([-1.0, 0.5, 3.0], requires_grad=True)
    >>> clip(x, 0.0, 1.0).sum().backward()
    >>> x.grad
    array([0., 1., 0.])
    """
    x = as_tensor(x)
    lo = -np.inf if low is None else check_scalar(low, name="low")
    hi = np.inf if high is None else check_scalar(high, name="high")
    if lo > hi:
        raise ValueError(f"low must be <= high; got low={lo}, high={hi}.")
    inside = (x.data >= lo) & (x.data <= hi)
    return _node(np.clip(x.data, lo, hi), (x,), (lambda g: g * inside,))


def amax(x, *, axis=None, keepdims: bool = False) -> Tensor:
    r"""The largest entry along ``axis`` (all entries for None), as ``np.max``.

    The gradient goes to the arg-max; ties share it equally (as ``torch.amax``).

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> x = Tensor([[1.0, 4.0], [3.0, 2.0]], requires_grad=True)
    >>> amax(x, axis=1).sum().backward()
    >>> x.grad
    array([[0., 1.],
           [1., 0.]])
    """
    x = as_tensor(x)
    m = np.max(x.data, axis=axis, keepdims=True)
    hits = (x.data == m).astype(float)
    share = hits / hits.sum(axis=axis, keepdims=True)

    def vjp(g):
        if axis is not None and not keepdims:
            g = np.expand_dims(g, axis)
        return g * share

    out = m if keepdims else np.max(x.data, axis=axis)
    return _node(out, (x,), (vjp,))


def amin(x, *, axis=None, keepdims: bool = False) -> Tensor:
    """The smallest entry along ``axis``: ``-amax(-x)``.

    Notes
    -----
    :ref:`sec-backpropagation` builds the engine this operation extends.

    Examples
    --------
    >>> amin(Tensor([[1.0, 4.0], [3.0, 2.0]]), axis=0).data
    array([1., 2.])
    """
    return -amax(-as_tensor(x), axis=axis, keepdims=keepdims)


# ---- method forms, as in PyTorch: t.exp(), t.max(axis=0), abs(t), len(t), float(t) --------
def _method(function, name: str):
    def method(self, *args, **kwargs):
        return function(self, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"``t.{name}(...)`` is ``{function.__name__}(t, ...)``."
    return method


for _name, _function in {
    "exp": F.exp,
    "log": F.log,
    "tanh": F.tanh,
    "sigmoid": F.sigmoid,
    "relu": F.relu,
    "softmax": F.softmax,
    "log_softmax": F.log_softmax,
    "logsumexp": F.logsumexp,
    "abs": absolute,
    "max": amax,
    "min": amin,
    "maximum": maximum,
    "minimum": minimum,
    "clip": clip,
}.items():
    setattr(Tensor, _name, _method(_function, _name))

Tensor.__abs__ = Tensor.abs


def _numpy(self) -> np.ndarray:
    """The value as a NumPy array (a copy), like ``torch.Tensor.numpy()``."""
    return self.data.copy()


def _array(self, dtype=None, copy=None) -> np.ndarray:
    return self.data if dtype is None else self.data.astype(dtype)


def _len(self) -> int:
    if self.ndim == 0:
        raise TypeError("len() of a 0-d tensor: it has no first axis.")
    return self.shape[0]


def _compare(op):
    def compare(self, other):
        other = other.data if isinstance(other, Tensor) else other
        return op(self.data, other)  # a plain boolean array: no gradient

    return compare


Tensor.numpy = _numpy
Tensor.__array__ = _array  # np.asarray(t) is the data, not an object array
Tensor.__len__ = _len
Tensor.__float__ = lambda self: self.item()
Tensor.__lt__ = _compare(np.less)
Tensor.__le__ = _compare(np.less_equal)
Tensor.__gt__ = _compare(np.greater)
Tensor.__ge__ = _compare(np.greater_equal)
