"""The PyTorch-shaped additions: method forms, abs/max/min/maximum/clip, no_grad, copies.

Gradients against central differences (away from kinks and ties, where the derivative
exists), values against NumPy, and the choices at kinks and ties pinned down.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.autodiff import (
    Tensor,
    absolute,
    amax,
    amin,
    clip,
    exp,
    log_softmax,
    logsumexp,
    maximum,
    minimum,
    no_grad,
    relu,
    sigmoid,
    softmax,
    tanh,
)
from tolerances import DIRECT, FINITE_DIFF

GRAD_TOL = FINITE_DIFF["rtol"]


def away_from_zero(shape, rng):
    x = rng.standard_normal(shape)
    return np.sign(x) * (
        np.abs(x) + 0.3
    )  # no kink of |x| or relu within reach


# name -> (operation, numpy reference, input shapes)
OPS = {
    "abs": (lambda a: absolute(a), np.abs, [(3, 4)]),
    "abs()": (lambda a: a.abs(), np.abs, [(3, 4)]),
    "builtin abs": (lambda a: abs(a), np.abs, [(5,)]),
    "max all": (lambda a: a.max(), np.max, [(3, 4)]),
    "max axis 0": (
        lambda a: amax(a, axis=0),
        lambda a: a.max(axis=0),
        [(3, 4)],
    ),
    "max axis 1 keepdims": (
        lambda a: a.max(axis=1, keepdims=True),
        lambda a: a.max(axis=1, keepdims=True),
        [(3, 4)],
    ),
    "min axis -1": (
        lambda a: amin(a, axis=-1),
        lambda a: a.min(axis=-1),
        [(2, 5)],
    ),
    "maximum": (lambda a, b: maximum(a, b), np.maximum, [(3, 4), (4,)]),
    "minimum()": (lambda a, b: a.minimum(b), np.minimum, [(3, 4), (3, 4)]),
    "minimum": (lambda a, b: minimum(a, b), np.minimum, [(2, 3), (3,)]),
    "clip": (
        lambda a: clip(a, -0.5, 0.5),
        lambda a: np.clip(a, -0.5, 0.5),
        [(4, 3)],
    ),
    "clip low only": (
        lambda a: a.clip(0.0),
        lambda a: np.clip(a, 0.0, None),
        [(6,)],
    ),
    "exp()": (lambda a: a.exp(), np.exp, [(2, 3)]),
    "tanh()": (lambda a: a.tanh(), np.tanh, [(2, 3)]),
    "sigmoid()": (
        lambda a: a.sigmoid(),
        lambda a: 1 / (1 + np.exp(-a)),
        [(2, 3)],
    ),
    "relu()": (lambda a: a.relu(), lambda a: np.maximum(a, 0), [(2, 3)]),
    "softmax(axis=0)": (
        lambda a: a.softmax(axis=0),
        lambda a: np.exp(a) / np.exp(a).sum(axis=0),
        [(3, 2)],
    ),
    "log_softmax()": (
        lambda a: a.log_softmax(),
        lambda a: a - np.log(np.exp(a).sum(axis=-1, keepdims=True)),
        [(2, 4)],
    ),
    "logsumexp()": (
        lambda a: a.logsumexp(axis=0),
        lambda a: np.log(np.exp(a).sum(axis=0)),
        [(3, 2)],
    ),
}


@pytest.mark.parametrize("name", OPS)
def test_value_matches_numpy(name, rng):
    op, reference, shapes = OPS[name]
    inputs = [away_from_zero(s, rng) for s in shapes]
    out = op(*[Tensor(x, requires_grad=True) for x in inputs])
    assert isinstance(out, Tensor) and out.requires_grad
    assert_allclose(out.data, reference(*inputs), **DIRECT)


@pytest.mark.parametrize("name", OPS)
def test_gradient_matches_central_differences(name, rng, grad_error):
    op, _, shapes = OPS[name]
    inputs = [away_from_zero(s, rng) for s in shapes]
    assert grad_error(op, *inputs, rng=rng) < GRAD_TOL


def test_methods_are_the_functions():
    x = Tensor([[0.5, -1.0], [2.0, 0.1]])
    for method, function in [
        ("exp", exp),
        ("tanh", tanh),
        ("sigmoid", sigmoid),
        ("relu", relu),
        ("softmax", softmax),
        ("log_softmax", log_softmax),
        ("logsumexp", logsumexp),
    ]:
        assert_array_equal(getattr(x, method)().data, function(x).data)


def test_ties_share_the_gradient_and_kinks_have_defined_subgradients():
    x = Tensor([2.0, 5.0, 5.0, 1.0], requires_grad=True)
    x.max().backward()
    assert_array_equal(x.grad, [0.0, 0.5, 0.5, 0.0])  # as torch.amax
    a, b = (
        Tensor([1.0, 3.0], requires_grad=True),
        Tensor([1.0, 2.0], requires_grad=True),
    )
    maximum(a, b).sum().backward()
    assert_array_equal(a.grad, [0.5, 1.0])
    assert_array_equal(b.grad, [0.5, 0.0])
    z = Tensor([0.0, -2.0], requires_grad=True)
    abs(z).sum().backward()
    assert_array_equal(z.grad, [0.0, -1.0])
    c = Tensor([0.0, 1.0, 2.0], requires_grad=True)
    clip(
        c, 0.0, 1.0
    ).sum().backward()  # the ends of the interval count as inside
    assert_array_equal(c.grad, [1.0, 1.0, 0.0])


def test_clip_validates_its_bounds():
    with pytest.raises(ValueError, match="low must be <= high"):
        clip(Tensor([1.0]), 2.0, 1.0)
    with pytest.raises(TypeError, match="low"):
        clip(Tensor([1.0]), "0", 1.0)


def test_no_grad_records_nothing_and_restores_itself():
    w = Tensor([1.0, 2.0], requires_grad=True)
    with no_grad():
        v = (w * 3.0).exp().sum()
        with no_grad():
            pass
        u = w + 1.0  # still off after a nested block
    assert not v.requires_grad and not u.requires_grad
    y = (w * w).sum()  # on again
    y.backward()
    assert_array_equal(w.grad, [2.0, 4.0])


def test_no_grad_restores_after_an_exception():
    w = Tensor([1.0], requires_grad=True)
    with pytest.raises(RuntimeError), no_grad():
        raise RuntimeError("boom")
    assert (w * 2.0).requires_grad


def test_a_tensor_owns_a_copy_of_its_data():
    W = np.ones((2, 2))
    t = Tensor(W, requires_grad=True)
    t.data -= 0.5  # an in-place update, as an optimizer does
    assert_array_equal(W, np.ones((2, 2)))


def test_conversions_behave_like_pytorch():
    t = Tensor([[1.0, 2.0], [3.0, 4.0]])
    assert len(t) == 2 and float(Tensor(2.5)) == 2.5
    assert np.asarray(t).dtype == np.float64
    assert_array_equal(np.asarray(t), t.data)
    n = t.numpy()
    n[0, 0] = 99.0  # a copy
    assert t.data[0, 0] == 1.0
    assert_array_equal(t > 2.0, [[False, False], [True, True]])
    assert_array_equal(
        t <= Tensor([[1.0, 1.0], [1.0, 1.0]]), [[True, False], [False, False]]
    )
    with pytest.raises(TypeError, match="0-d"):
        len(Tensor(1.0))
    with pytest.raises(TypeError, match="already a Tensor"):
        Tensor(t)


def test_power_zero_has_gradient_zero_even_at_zero():
    x = Tensor([0.0, 2.0], requires_grad=True)
    (x**0).sum().backward()
    assert_array_equal(x.grad, [0.0, 0.0])


def test_logsumexp_of_an_all_minus_infinity_row_is_minus_infinity():
    out = logsumexp(Tensor([[-np.inf, -np.inf], [0.0, 0.0]]), axis=1)
    assert out.data[0] == -np.inf and np.isclose(out.data[1], np.log(2.0))
