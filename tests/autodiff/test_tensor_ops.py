"""Every Tensor operation: values against NumPy, gradients against central differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from mathforml.autodiff import Tensor
from tolerances import DIRECT, FINITE_DIFF

GRAD_TOL = FINITE_DIFF["rtol"]
A = np.arange(12.0).reshape(3, 4) / 7 - 0.8  # a fixed constant operand

# name -> (operation on tensors, shapes of its inputs, inputs must be positive)
OPS = {
    "add": (lambda a, b: a + b, [(3, 4), (3, 4)], False),
    "add broadcast row": (lambda a, b: a + b, [(3, 4), (4,)], False),
    "add broadcast outer": (lambda a, b: a + b, [(3, 1), (1, 4)], False),
    "add 0-d": (lambda a, b: a + b, [(), (2, 3)], False),
    "radd number": (lambda a: 2.5 + a, [(3,)], False),
    "add array": (lambda a: a + A, [(3, 4)], False),
    "radd array": (lambda a: A + a, [(1, 4)], False),
    "sub": (lambda a, b: a - b, [(2, 3), (3,)], False),
    "rsub number": (lambda a: 1.0 - a, [(2, 3)], False),
    "rsub array": (lambda a: A - a, [(3, 4)], False),
    "neg": (lambda a: -a, [(2, 3)], False),
    "mul": (lambda a, b: a * b, [(2, 3), (2, 3)], False),
    "mul broadcast": (lambda a, b: a * b, [(4, 1, 3), (2, 1)], False),
    "rmul number": (lambda a: 3.0 * a, [(4,)], False),
    "div": (lambda a, b: a / b, [(2, 3), (3,)], True),
    "div number": (lambda a: a / 4.0, [(2, 3)], False),
    "rdiv number": (lambda a: 2.0 / a, [(2, 3)], True),
    "pow 2": (lambda a: a**2, [(2, 3)], False),
    "pow 3": (lambda a: a**3, [(5,)], False),
    "pow -1": (lambda a: a**-1, [(5,)], True),
    "pow 0.5": (lambda a: a**0.5, [(5,)], True),
    "rpow": (lambda a: 2.0**a, [(2, 3)], False),
    "matmul": (lambda a, b: a @ b, [(3, 4), (4, 2)], False),
    "matmul vector left": (lambda a, b: a @ b, [(4,), (4, 2)], False),
    "matmul vector right": (lambda a, b: a @ b, [(3, 4), (4,)], False),
    "matmul dot": (lambda a, b: a @ b, [(4,), (4,)], False),
    "rmatmul array": (lambda a: A @ a, [(4, 2)], False),
    "sum all": (lambda a: a.sum(), [(3, 4)], False),
    "sum axis 0": (lambda a: a.sum(axis=0), [(3, 4)], False),
    "sum axis -1 keepdims": (
        lambda a: a.sum(axis=-1, keepdims=True),
        [(3, 4)],
        False,
    ),
    "sum two axes": (lambda a: a.sum(axis=(0, 2)), [(2, 3, 4)], False),
    "mean all": (lambda a: a.mean(), [(3, 4)], False),
    "mean axis 1": (lambda a: a.mean(axis=1), [(3, 4)], False),
    "mean two axes keepdims": (
        lambda a: a.mean(axis=(0, 1), keepdims=True),
        [(2, 3, 4)],
        False,
    ),
    "reshape": (lambda a: a.reshape(4, 3), [(3, 4)], False),
    "reshape tuple": (lambda a: a.reshape((2, -1)), [(3, 4)], False),
    "transpose": (lambda a: a.T, [(3, 4)], False),
    "index slice": (lambda a: a[1:, ::2], [(3, 4)], False),
    "index repeated rows": (lambda a: a[[0, 2, 0, 0]], [(3, 4)], False),
    "index pairs": (lambda a: a[np.arange(3), [1, 1, 3]], [(3, 4)], False),
    "used twice": (lambda a: a * a + a, [(3,)], False),
    "shared subexpression": (
        lambda a, b: (a @ b) * (a @ b) - (a @ b),
        [(2, 3), (3, 2)],
        False,
    ),
    "long chain": (
        lambda a, b: ((a + b) * b - a / (b * b + 1)).sum(axis=0) ** 2,
        [(3, 4), (4,)],
        False,
    ),
}


def random_inputs(shapes, positive, rng):
    inputs = [rng.standard_normal(shape) for shape in shapes]
    return [np.abs(x) + 0.5 for x in inputs] if positive else inputs


@pytest.mark.parametrize("name", OPS)
def test_gradient_matches_central_differences(name, rng, grad_error):
    op, shapes, positive = OPS[name]
    assert (
        grad_error(op, *random_inputs(shapes, positive, rng), rng=rng)
        < GRAD_TOL
    )


@pytest.mark.parametrize("name", OPS)
def test_value_matches_numpy(name, rng):
    op, shapes, positive = OPS[name]
    inputs = random_inputs(shapes, positive, rng)
    out = op(*[Tensor(x, requires_grad=True) for x in inputs])
    assert isinstance(out, Tensor) and out.requires_grad
    assert_allclose(out.data, op(*inputs), **DIRECT)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.data())
def test_broadcast_gradients_are_summed_back(shape, data):
    # b's shape: a's shape with some axes set to 1 and some leading axes dropped.
    ones = data.draw(
        st.lists(st.booleans(), min_size=len(shape), max_size=len(shape))
    )
    drop = data.draw(st.integers(0, len(shape)))
    b_shape = tuple(1 if one else n for n, one in zip(shape, ones))[drop:]
    a = Tensor(np.ones(shape), requires_grad=True)
    b = Tensor(np.ones(b_shape), requires_grad=True)
    (a * b).sum().backward()
    assert b.grad.shape == b_shape
    assert_allclose(
        b.grad,
        np.full(b_shape, np.prod(shape) / max(np.prod(b_shape), 1)),
        **DIRECT,
    )


def test_node_used_twice_accumulates():
    x = Tensor([3.0], requires_grad=True)
    y = x * x  # dy/dx = 2x
    z = y + y + x  # dz/dx = 4x + 1
    z.backward()
    assert_allclose(x.grad, [13.0], **DIRECT)


def test_grads_accumulate_until_zero_grad():
    x = Tensor([1.0, 2.0], requires_grad=True)
    for _ in range(2):
        (x * 3.0).sum().backward()
    assert_allclose(x.grad, [6.0, 6.0], **DIRECT)
    x.zero_grad()
    assert x.grad is None
    (x**2).sum().backward()
    assert_allclose(x.grad, [2.0, 4.0], **DIRECT)


def test_only_leaves_requiring_grad_get_grad():
    x = Tensor([1.0, 2.0], requires_grad=True)
    c = Tensor([5.0, 7.0])
    hidden = x * c
    hidden.sum().backward()
    assert c.grad is None and hidden.grad is None
    assert not (c * 2.0).requires_grad
    assert_allclose(x.grad, [5.0, 7.0], **DIRECT)


def test_leaf_grad_is_a_copy_of_the_seed():
    x = Tensor(np.zeros(3), requires_grad=True)
    seed = np.ones(3)
    x.backward(seed)
    x.grad += 1
    assert_allclose(seed, np.ones(3), **DIRECT)


def test_deep_graph_needs_no_recursion():
    x = Tensor(1.0, requires_grad=True)
    y = x
    for _ in range(
        5000
    ):  # far beyond Python's default recursion limit of 1000
        y = y * 1.0001
    y.backward()
    assert_allclose(x.grad, 1.0001**5000, **DIRECT)


def test_detach_item_repr_and_shape():
    x = Tensor([[1.0, 2.0]], requires_grad=True)
    assert x.shape == (1, 2) and x.ndim == 2 and x.size == 2
    assert not x.detach().requires_grad
    assert x.sum().item() == 3.0
    assert repr(x) == "Tensor([[1., 2.]], requires_grad=True)"
    assert Tensor([1, 2]).data.dtype == np.float64


def test_backward_needs_a_seed_for_non_scalars():
    y = Tensor(np.ones((3, 2)), requires_grad=True) * 2
    with pytest.raises(
        ValueError, match=r"one-element tensor; got shape \(3, 2\).*y.sum\(\)"
    ):
        y.backward()
    with pytest.raises(
        ValueError, match=r"grad must have the shape of the tensor, \(3, 2\)"
    ):
        y.backward(np.ones(3))


def test_backward_needs_requires_grad():
    with pytest.raises(ValueError, match="requires_grad=True"):
        (Tensor([1.0]) * 2).backward()


def test_matmul_shape_mismatch_names_both_shapes():
    a = Tensor(np.ones((2, 3)), requires_grad=True)
    with pytest.raises(
        ValueError, match=r"cannot multiply shapes \(2, 3\) @ \(4, 2\)"
    ):
        a @ np.ones((4, 2))
    with pytest.raises(ValueError, match=r"shapes \(2, 2, 2\) @ \(2,\)"):
        Tensor(np.ones((2, 2, 2))) @ np.ones(2)


def test_bad_constructor_and_exponent_arguments():
    with pytest.raises(TypeError, match="data must be an array of numbers"):
        Tensor("abc")
    with pytest.raises(TypeError, match="requires_grad must be True or False"):
        Tensor([1.0], requires_grad=1)
    with pytest.raises(TypeError, match="the exponent must be a number"):
        Tensor([1.0]) ** Tensor([2.0])
    with pytest.raises(ValueError, match="base must be > 0"):
        (-2.0) ** Tensor([1.0])
    with pytest.raises(TypeError, match="does not support ufuncs"):
        np.exp(Tensor([1.0]))  # use mathforml.autodiff.exp
