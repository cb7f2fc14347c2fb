"""exp, log, tanh, relu, sigmoid, logsumexp, softmax, log_softmax: gradients and stability."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import special
from scipy.optimize import rosen, rosen_der

from mathforml.autodiff import (
    Tensor,
    exp,
    log,
    log_softmax,
    logsumexp,
    relu,
    sigmoid,
    softmax,
    tanh,
)
from tolerances import DIRECT, FINITE_DIFF

GRAD_TOL = FINITE_DIFF["rtol"]
EXTREME = np.array(
    [[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -999.0], [1e-3, 2.0, 700.0]]
)

FUNCTIONS = {
    "exp": (exp, np.exp, False),
    "log": (log, np.log, True),
    "tanh": (tanh, np.tanh, False),
    "relu": (relu, lambda x: np.maximum(x, 0), False),
    "sigmoid": (sigmoid, special.expit, False),
    "softmax": (softmax, lambda x: special.softmax(x, axis=-1), False),
    "softmax axis 0": (
        lambda x: softmax(x, axis=0),
        lambda x: special.softmax(x, axis=0),
        False,
    ),
    "log_softmax": (
        log_softmax,
        lambda x: special.log_softmax(x, axis=-1),
        False,
    ),
    "logsumexp": (logsumexp, lambda x: special.logsumexp(x, axis=-1), False),
    "logsumexp keepdims axis 0": (
        lambda x: logsumexp(x, axis=0, keepdims=True),
        lambda x: special.logsumexp(x, axis=0, keepdims=True),
        False,
    ),
}


def random_input(rng, positive, shape=(3, 4)):
    x = rng.standard_normal(shape)
    # Away from 0, so that central differences never straddle the kink of relu.
    return np.abs(x) + 0.5 if positive else np.sign(x) * (np.abs(x) + 0.1)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_gradient_matches_central_differences(name, rng, grad_error):
    func, _, positive = FUNCTIONS[name]
    assert grad_error(func, random_input(rng, positive), rng=rng) < GRAD_TOL


@pytest.mark.parametrize("name", FUNCTIONS)
def test_value_matches_numpy_and_scipy(name, rng):
    func, reference, positive = FUNCTIONS[name]
    x = random_input(rng, positive)
    assert_allclose(func(Tensor(x)).data, reference(x), **DIRECT)
    assert_allclose(
        func(x).data, reference(x), **DIRECT
    )  # plain arrays are accepted


@pytest.mark.parametrize(
    "func, derivative",
    [
        (exp, np.exp),
        (log, lambda x: 1 / x),
        (tanh, lambda x: 1 - np.tanh(x) ** 2),
        (sigmoid, lambda x: special.expit(x) * (1 - special.expit(x))),
        (relu, lambda x: (x > 0).astype(float)),
    ],
)
def test_elementwise_gradient_is_the_analytic_derivative(
    func, derivative, rng
):
    x = np.abs(rng.standard_normal(6)) + 0.1
    x[::2] *= -1 if func is not log else 1
    t = Tensor(x, requires_grad=True)
    func(t).sum().backward()
    assert_allclose(t.grad, derivative(x), **DIRECT)


def test_softmax_jacobian_is_diag_minus_outer(rng):
    x = rng.standard_normal(4)
    s = special.softmax(x)
    rows = []
    for i in range(4):
        t = Tensor(x, requires_grad=True)
        softmax(t)[i].backward()
        rows.append(t.grad)
    assert_allclose(np.array(rows), np.diag(s) - np.outer(s, s), **DIRECT)


@pytest.mark.parametrize(
    "name", ["softmax", "log_softmax", "logsumexp", "sigmoid"]
)
def test_extreme_inputs_stay_finite(name, rng):
    func, reference, _ = FUNCTIONS[name]
    x = Tensor(EXTREME, requires_grad=True)
    y = func(x)
    assert np.all(np.isfinite(y.data))
    assert_allclose(y.data, reference(EXTREME), **DIRECT)
    y.backward(rng.standard_normal(y.shape))
    assert np.all(np.isfinite(x.grad))


def test_sigmoid_keeps_relative_accuracy_in_the_tails():
    x = np.array([-40.0, -700.0, 30.0])
    assert_allclose(
        sigmoid(x).data, special.expit(x), rtol=DIRECT["rtol"], atol=0
    )
    assert_allclose(log(sigmoid(x)).data, -np.logaddexp(0, -x), **DIRECT)


def test_sigmoid_derivative_keeps_relative_accuracy_in_both_tails():
    # sigma'(x) = sigma(x) sigma(-x) = e^{-|x|} / (1 + e^{-|x|})^2; the form
    # sigma (1 - sigma) cancels to 0 from x = 37 on.
    x = np.array([-700.0, -40.0, -1.0, 0.0, 1.0, 40.0, 700.0])
    t = Tensor(x, requires_grad=True)
    sigmoid(t).sum().backward()
    exact = np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x))) ** 2
    assert np.all(t.grad > 0)
    assert_allclose(t.grad, exact, rtol=1e-14, atol=0)


def test_log_softmax_gradient_at_extreme_inputs():
    # d/dx sum(log_softmax(x)) = 1 - n * softmax(x), finite even for |x| = 1000.
    x = Tensor(EXTREME, requires_grad=True)
    log_softmax(x).sum().backward()
    assert_allclose(
        x.grad, 1 - 3 * special.softmax(EXTREME, axis=-1), **DIRECT
    )


def test_rosenbrock_gradient_equals_rosen_der(rng):
    for _ in range(5):
        x_value = rng.uniform(-2, 2, size=7)
        x = Tensor(x_value, requires_grad=True)
        f = (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()
        f.backward()
        assert_allclose(f.item(), rosen(x_value), **DIRECT)
        assert_allclose(x.grad, rosen_der(x_value), **DIRECT)


def test_functions_reject_non_numbers():
    with pytest.raises(TypeError, match="data must be an array of numbers"):
        exp("x")
