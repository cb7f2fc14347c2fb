"""The ``Tensor`` class: NumPy arrays that remember how they were computed.

Every primitive operation returns a new ``Tensor`` holding its value, its parents and one
vector-Jacobian product (VJP) per parent: a function that maps the gradient of the output
to the gradient of that parent. ``backward`` walks the graph once, in reverse topological
order, and applies the chain rule. The primitives are ``+``, ``*``, ``@``, ``**`` with a
number or base, ``sum``, ``reshape``, ``.T``, indexing (here) and ``exp``, ``log``, ``tanh``,
``relu``, ``sigmoid`` (in ``_functions.py``); everything else is built from them.
"""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_array, check_scalar

__all__ = ["Tensor"]


class Tensor:
    r"""An array with a gradient: the node of a reverse-mode automatic differentiation graph.

    Parameters
    ----------
    data : array_like
        The value, copied into a new float64 array (as ``torch.tensor`` copies).
    requires_grad : bool, default False
        Whether ``backward`` should compute the gradient with respect to this tensor. Results
        of operations require a gradient when any input does.

    Attributes
    ----------
    data : ndarray
        The value.
    grad : ndarray or None
        The gradient of the last ``backward`` call's output with respect to this tensor, of
        the shape of ``data``. Set on leaf tensors (created by the user) only.

    Notes
    -----
    :ref:`sec-backpropagation`. Operators ``+ - * / ** @`` and unary ``-`` work with tensors,
    arrays and numbers on either side, with NumPy broadcasting; ``sum``, ``mean``,
    ``reshape``, ``.T`` and indexing ``t[rows, cols]`` are differentiable too. A gradient
    flowing into a broadcast operand is summed back to the operand's shape.

    ``backward`` *adds* to ``grad``, as in PyTorch, so gradients of several losses (or of
    several calls) accumulate; call ``zero_grad()`` on each parameter before each training
    step. Intermediate results keep ``grad = None``.

    Examples
    --------
    >>> x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    >>> y = (x * x).sum()          # y = x . x
    >>> y.backward()
    >>> x.grad                     # dy/dx = 2 x
    array([2., 4., 6.])
    """

    __array_ufunc__ = (
        None  # `array + tensor` calls Tensor.__radd__ instead of NumPy's add
    )

    def __init__(
        self, data, requires_grad: bool = False, *, _parents=(), _vjps=()
    ):
        if not isinstance(requires_grad, bool):
            raise TypeError(
                f"requires_grad must be True or False; got {requires_grad!r}."
            )
        if isinstance(data, Tensor):
            raise TypeError(
                "data is already a Tensor. Use it as it is, or t.detach() for a "
                "copy cut from the graph."
            )
        data = as_array(data, name="data", allow_empty=True, finite=False)
        # copied, as torch.tensor does: updating t.data in place must not change the
        # caller's array (results of operations skip this: see _node)
        self.data = data.copy()
        self.requires_grad = requires_grad
        self.grad = None
        self._parents, self._vjps = _parents, _vjps

    shape = property(
        lambda self: self.data.shape, doc="The shape of ``data``."
    )
    ndim = property(
        lambda self: self.data.ndim,
        doc="The number of dimensions of ``data``.",
    )
    size = property(
        lambda self: self.data.size, doc="The number of entries of ``data``."
    )

    def __repr__(self) -> str:
        flag = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({np.array2string(self.data, separator=', ')}{flag})"

    def item(self) -> float:
        """The value of a one-element tensor as a Python float."""
        return float(self.data.reshape(()))

    def detach(self) -> Tensor:
        """A tensor with the same data, cut from the graph (no gradient flows through it)."""
        return Tensor(self.data)

    def zero_grad(self) -> None:
        """Forget the accumulated gradient (``grad = None``) before the next ``backward``."""
        self.grad = None

    # ---- primitives: each gives its value and one VJP per parent -------------------------
    def __add__(self, other) -> Tensor:
        other = as_tensor(other)
        return _node(
            self.data + other.data, (self, other), (lambda g: g, lambda g: g)
        )

    def __mul__(self, other) -> Tensor:
        other = as_tensor(other)
        return _node(
            self.data * other.data,
            (self, other),
            (lambda g: g * other.data, lambda g: g * self.data),
        )

    def __matmul__(self, other) -> Tensor:
        other = as_tensor(other)
        _check_matmul(self.data, other.data)
        A, B = self.data, other.data
        A2 = A.reshape(-1, A.shape[-1])  # vectors as matrices
        B2 = B.reshape(B.shape[0], -1)
        shape_2d = (A2.shape[0], B2.shape[1])  # the output as a matrix
        return _node(
            A @ B,
            (self, other),
            (  # Z = A B: the adjoints are Z̄ Bᵀ and Aᵀ Z̄
                lambda g: (g.reshape(shape_2d) @ B2.T).reshape(A.shape),
                lambda g: (A2.T @ g.reshape(shape_2d)).reshape(B.shape),
            ),
        )

    def __pow__(self, p) -> Tensor:
        if isinstance(p, Tensor):
            raise TypeError(
                "the exponent must be a number; for a tensor exponent use "
                "exp(p * log(x))."
            )
        p = check_scalar(p, name="exponent")
        if p == 0:  # x**0 = 1 everywhere, with derivative 0 (also at x = 0)
            return _node(np.ones(self.shape), (self,), (np.zeros_like,))
        return _node(
            self.data**p, (self,), (lambda g: g * p * self.data ** (p - 1),)
        )

    def __rpow__(self, base) -> Tensor:
        base = check_scalar(base, name="base", low=0, low_inclusive=False)
        out = base**self.data
        return _node(out, (self,), (lambda g: g * out * np.log(base),))

    def sum(self, axis=None, keepdims: bool = False) -> Tensor:
        r"""Sum of the entries over ``axis``, as ``ndarray.sum``.

        Parameters
        ----------
        axis : int, tuple of int or None, default None
            The axes to sum over; None sums everything.
        keepdims : bool, default False
            Keep the summed axes with length one.

        Returns
        -------
        Tensor
            The sums; a 0-d tensor for ``axis=None``.

        Notes
        -----
        Each entry feeds its sum with weight one, so the VJP copies the output gradient back
        along the summed axes: :math:`\bar{x}_{ij} = \bar{y}_i` for :math:`y_i = \sum_j x_{ij}`.

        Examples
        --------
        >>> x = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        >>> x.sum(axis=1).data
        array([3., 7.])
        """

        def vjp(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            return np.broadcast_to(g, self.shape)

        return _node(
            self.data.sum(axis=axis, keepdims=keepdims), (self,), (vjp,)
        )

    def reshape(self, *shape) -> Tensor:
        """The same entries in a new shape: ``t.reshape(2, 3)`` or ``t.reshape((2, 3))``."""
        return _node(
            self.data.reshape(*shape),
            (self,),
            (lambda g: g.reshape(self.shape),),
        )

    @property
    def T(self) -> Tensor:
        """The transpose (axes reversed)."""
        return _node(self.data.T, (self,), (lambda g: g.T,))

    def __getitem__(self, index) -> Tensor:
        def vjp(g):
            out = np.zeros(self.shape)
            np.add.at(out, index, g)  # repeated indices add up
            return out

        return _node(self.data[index], (self,), (vjp,))

    # ---- derived operations --------------------------------------------------------------
    def __neg__(self) -> Tensor:
        return self * -1.0

    def __sub__(self, other) -> Tensor:
        return self + (-as_tensor(other))

    def __rsub__(self, other) -> Tensor:
        return as_tensor(other) + (-self)

    def __truediv__(self, other) -> Tensor:
        return self * as_tensor(other) ** -1

    def __rtruediv__(self, other) -> Tensor:
        return as_tensor(other) * self**-1

    def __rmatmul__(self, other) -> Tensor:
        return as_tensor(other) @ self

    __radd__, __rmul__ = __add__, __mul__

    def mean(self, axis=None, keepdims: bool = False) -> Tensor:
        """Mean over ``axis`` (same arguments as :meth:`sum`): the sum over the count.

        Examples
        --------
        >>> Tensor([[1.0, 2.0], [3.0, 4.0]]).mean(axis=0).data
        array([2., 3.])
        """
        count = (
            self.size / self.data.sum(axis=axis).size
        )  # entries per output entry
        return self.sum(axis=axis, keepdims=keepdims) / count

    # ---- reverse mode ----------------------------------------------------------------------
    def backward(self, grad=None) -> None:
        r"""Add the gradient of this tensor to the ``grad`` of every leaf it depends on.

        Parameters
        ----------
        grad : array_like, optional
            The seed :math:`\bar{y} = \partial L / \partial y`, of the shape of this tensor.
            May be omitted for a one-element tensor (seed 1).

        Raises
        ------
        ValueError
            If this tensor does not require a gradient, has more than one entry and no
            ``grad`` is given, or ``grad`` has the wrong shape.

        Notes
        -----
        Each node's gradient is the sum over its children of the children's VJPs, so a
        node used twice receives both contributions:

        .. math::

            \bar{v} = \sum_{c \,\in\, \text{children}(v)} \bar{c}^\top
            \frac{\partial c}{\partial v}.

        Nodes are visited in reverse topological order (every child before its parents).
        """
        if not self.requires_grad:
            raise ValueError(
                "backward() needs a tensor that depends on an input with "
                "requires_grad=True; this one does not."
            )
        if grad is None and self.size != 1:
            raise ValueError(
                f"backward() without grad needs a one-element tensor; got shape "
                f"{self.shape}. Reduce it first (y.sum().backward()) or pass "
                f"grad= with shape {self.shape}."
            )
        grad = (
            np.ones(self.shape)
            if grad is None
            else as_array(grad, name="grad")
        )
        if grad.shape != self.shape:
            raise ValueError(
                f"grad must have the shape of the tensor, {self.shape}; got "
                f"{grad.shape}."
            )
        _backpropagate(self, grad)


def _backpropagate(root: Tensor, grad: np.ndarray) -> None:
    """Reverse mode: visit the graph children-first, pushing each node's gradient
    to its parents through their vector-Jacobian products."""
    grads = {id(root): grad}
    for node in reversed(_topological_order(root)):
        g = grads.pop(id(node))
        if not node._parents:  # a leaf: accumulate, never alias
            node.grad = np.array(g) if node.grad is None else node.grad + g
        for parent, vjp in zip(node._parents, node._vjps):
            if parent.requires_grad:
                g_parent = _unbroadcast(vjp(g), parent.shape)
                key = id(parent)
                grads[key] = (
                    grads[key] + g_parent if key in grads else g_parent
                )


def as_tensor(x) -> Tensor:
    """Return ``x`` if it is a ``Tensor``, else a constant ``Tensor(x)`` (no gradient).

    Notes
    -----
    :ref:`sec-backpropagation` explains the tensors and the graph they record.

    Examples
    --------
    >>> as_tensor([1, 2])
    Tensor([1., 2.])
    """
    return x if isinstance(x, Tensor) else Tensor(x)


def _node(data, parents: tuple, vjps: tuple) -> Tensor:
    """The result of a primitive; the graph is recorded only if a parent needs a gradient."""
    if not _GRAD[0] or not any(p.requires_grad for p in parents):
        parents, vjps = (), ()  # a constant: nothing to record
    out = Tensor.__new__(Tensor)  # a fresh result: no validation, no copy
    out.data, out.grad = np.asarray(data, dtype=float), None
    out.requires_grad, out._parents, out._vjps = bool(parents), parents, vjps
    return out


_GRAD = [True]  # switched off inside `with no_grad():`


class no_grad:
    """A context in which operations record no graph, as ``torch.no_grad``.

    Use it for updates of parameters and for evaluation, where no gradient is needed.

    Notes
    -----
    :ref:`sec-backpropagation` explains the switch this block turns off.

    Examples
    --------
    >>> w = Tensor([1.0, 2.0], requires_grad=True)
    >>> with no_grad():
    ...     v = w * 2.0
    >>> v.requires_grad
    False
    """

    def __enter__(self) -> no_grad:
        self._before = _GRAD[0]
        _GRAD[0] = False
        return self

    def __exit__(self, *exc) -> None:
        _GRAD[0] = self._before


def _unbroadcast(g: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum ``g`` over the axes that broadcasting added or stretched, to get back ``shape``."""
    if g.shape == shape:
        return g
    g = g.sum(axis=tuple(range(g.ndim - len(shape))))  # axes added in front
    stretched = tuple(
        i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1
    )
    return g.sum(axis=stretched, keepdims=True).reshape(shape)


def _check_matmul(A: np.ndarray, B: np.ndarray) -> None:
    if (
        not (1 <= A.ndim <= 2 and 1 <= B.ndim <= 2)
        or A.shape[-1] != B.shape[0]
    ):
        raise ValueError(
            f"cannot multiply shapes {A.shape} @ {B.shape}: both must be 1-D "
            "or 2-D and the inner dimensions must agree."
        )


def _topological_order(root: Tensor) -> list[Tensor]:
    """Nodes needing a gradient, parents before children (iterative depth-first)."""
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node._parents if p.requires_grad)
    return order
