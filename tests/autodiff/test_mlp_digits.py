"""A small MLP on the digits data: engine gradients equal hand-written backpropagation."""

from itertools import pairwise

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_digits

from mathforml.autodiff import Tensor, log_softmax, tanh
from mathforml.calculus import check_grad
from tolerances import DIRECT, FINITE_DIFF


@pytest.fixture(scope="module")
def digits():
    data = load_digits()
    return data.data / 16.0, data.target


def init_params(rng, sizes=(64, 16, 10)):
    params = []
    for n_in, n_out in pairwise(sizes):
        params += [
            rng.normal(0, n_in**-0.5, (n_in, n_out)),
            0.1 * rng.standard_normal(n_out),
        ]
    return params


def engine_loss(X, Y, params):
    W1, b1, W2, b2 = params
    logits = tanh(X @ W1 + b1) @ W2 + b2
    return -(Y * log_softmax(logits)).sum() / len(X)


def numpy_backprop(X, Y, params):
    """The same loss and its gradient, with the chain rule written out by hand."""
    W1, b1, W2, b2 = params
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    dZ = (P - Y) / len(X)
    dH = (dZ @ W2.T) * (1 - H**2)
    grads = [X.T @ dH, dH.sum(axis=0), H.T @ dZ, dZ.sum(axis=0)]
    return -np.sum(Y * np.log(P)) / len(X), grads


def test_gradient_equals_hand_written_backprop(digits, rng):
    X, y = digits[0][:100], digits[1][:100]
    Y = np.eye(10)[y]
    values = init_params(rng)
    params = [Tensor(p, requires_grad=True) for p in values]
    loss = engine_loss(X, Y, params)
    loss.backward()
    expected_loss, expected_grads = numpy_backprop(X, Y, values)
    assert_allclose(loss.item(), expected_loss, **DIRECT)
    for p, g in zip(params, expected_grads):
        assert p.grad.shape == p.shape
        assert_allclose(p.grad, g, **DIRECT)


def test_loss_gradient_passes_check_grad(digits, rng):
    X, Y = digits[0][:30], np.eye(10)[digits[1][:30]]
    W1, b1, W2, b2 = init_params(rng)

    def loss_of_W1(W):
        return engine_loss(X, Y, [Tensor(W), b1, W2, b2]).item()

    def grad_of_W1(W):
        W = Tensor(W, requires_grad=True)
        engine_loss(X, Y, [W, b1, W2, b2]).backward()
        return W.grad

    assert (
        check_grad(loss_of_W1, grad_of_W1, W1, rng=rng) < FINITE_DIFF["rtol"]
    )


def test_sgd_training_learns_the_digits(digits, rng):
    X, y = digits[0][:600], digits[1][:600]
    Y = np.eye(10)[y]
    params = [Tensor(p, requires_grad=True) for p in init_params(rng)]
    losses = []
    for _ in range(150):
        loss = engine_loss(X, Y, params)
        for p in params:
            p.zero_grad()
        loss.backward()
        for p in params:
            p.data -= 0.5 * p.grad
        losses.append(loss.item())
    W1, b1, W2, b2 = params
    predicted = np.argmax((tanh(X @ W1 + b1) @ W2 + b2).data, axis=1)
    assert losses[-1] < 0.1 * losses[0]
    assert np.mean(predicted == y) > 0.95
