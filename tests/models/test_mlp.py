"""MLPClassifier: accuracy on digits and moons, its loss and gradient against
independent computations (finite differences, log_loss, scikit-learn's forward
pass), the update rules of Chapter 7, reproducibility and bad input."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_digits, load_iris, make_moons
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier as SkMLP
from sklearn.preprocessing import StandardScaler

from mathforml.autodiff import Tensor
from mathforml.calculus import check_grad
from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import LogisticRegression, MLPClassifier
from mathforml.models._mlp import (
    _forward,
    _init_params,
    _loss,
    _optimizer,
    _train_epoch,
)
from tolerances import DIRECT, FINITE_DIFF

DIGITS_X, DIGITS_Y = load_digits(return_X_y=True)
DIGITS_X = DIGITS_X / 16.0  # pixels in [0, 1]
IRIS_X, IRIS_Y = load_iris(return_X_y=True)
IRIS_X = StandardScaler().fit_transform(IRIS_X)
#: Settings that learn the digits in about 0.3 s; held-out accuracy is ~0.97.
DIGITS_NET = dict(hidden_layer_sizes=(64,), n_epochs=30, batch_size=32, rng=0)
LEARNING_RATES = {"sgd": 0.1, "momentum": 0.01, "adam": 0.001}


def digits_split():
    return train_test_split(
        DIGITS_X, DIGITS_Y, test_size=0.25, random_state=0, stratify=DIGITS_Y
    )


def tiny_problem(rng, sizes=(3, 4, 5, 3), n=7):
    X = rng.standard_normal((n, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    return X, Y


# ---------------------------------------------------------------- learning
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_learns_the_digits(optimizer):
    X_train, X_test, y_train, y_test = digits_split()
    net = MLPClassifier(
        optimizer=optimizer, lr=LEARNING_RATES[optimizer], **DIGITS_NET
    ).fit(X_train, y_train)
    assert net.score(X_test, y_test) >= 0.95
    assert net.n_iter_ == 30 and len(net.loss_curve_) == 30
    assert_array_equal(net.classes_, np.arange(10))


def test_learns_the_moons_with_two_tanh_layers():
    X, y = make_moons(n_samples=500, noise=0.2, random_state=0)
    net = MLPClassifier(
        hidden_layer_sizes=(16, 16),
        activation="tanh",
        lr=0.01,
        n_epochs=100,
        rng=0,
    ).fit(X, y)
    assert net.score(X, y) >= 0.95
    assert [W.shape for W in net.coefs_] == [(2, 16), (16, 16), (16, 2)]
    assert [b.shape for b in net.intercepts_] == [(16,), (16,), (2,)]


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_loss_curve_decreases_on_average(activation):
    X_train, _, y_train, _ = digits_split()
    net = MLPClassifier(activation=activation, **DIGITS_NET).fit(
        X_train, y_train
    )
    curve = np.array(net.loss_curve_)
    assert np.all(np.isfinite(curve)) and np.all(curve > 0)
    assert curve[-5:].mean() < 0.25 * curve[:5].mean()
    # most epochs improve on the one before (mini-batches make a few noisy)
    assert np.mean(np.diff(curve) < 0) > 0.8
    # the first epoch starts near log(10): small random weights, uniform guesses
    assert 1.0 < curve[0] < np.log(10) + 0.5


def test_full_batch_gradient_descent_never_goes_uphill():
    net = MLPClassifier(
        hidden_layer_sizes=(8,),
        activation="tanh",
        optimizer="sgd",
        lr=0.1,
        n_epochs=60,
        batch_size=10_000,  # above n: one batch, the whole data
        rng=1,
    ).fit(IRIS_X, IRIS_Y)
    assert np.all(np.diff(net.loss_curve_) < 0)


def test_without_hidden_layers_it_is_logistic_regression():
    # mean cross-entropy + alpha/2 |W|^2 is (sum + |W|^2 / (2C)) / n, C = 1/(n alpha)
    n, alpha = len(IRIS_Y), 0.1
    net = MLPClassifier(
        hidden_layer_sizes=(),
        optimizer="sgd",
        lr=0.5,
        n_epochs=2000,
        batch_size=n,
        alpha=alpha,
        rng=0,
    ).fit(IRIS_X, IRIS_Y)
    logistic = LogisticRegression(C=1 / (n * alpha)).fit(IRIS_X, IRIS_Y)
    assert_allclose(
        net.predict_proba(IRIS_X), logistic.predict_proba(IRIS_X), **DIRECT
    )
    assert_allclose(net.coefs_[0], logistic.coef_.T, rtol=1e-8, atol=1e-8)


# ------------------------------------------------- loss and gradient oracles
@pytest.mark.parametrize("activation", ["relu", "tanh"])
@pytest.mark.parametrize("alpha", [0.0, 0.3])
def test_gradient_of_the_loss_matches_finite_differences(
    activation, alpha, rng
):
    X, Y = tiny_problem(rng)
    params = _init_params((3, 4, 5, 3), activation, rng)
    for p in params[1::2]:  # nonzero biases, so that their gradient is tested
        p.data = 0.1 * rng.standard_normal(p.shape)
    values = [p.data.copy() for p in params]
    _loss(params, X, Y, alpha, activation).backward()
    for k, p in enumerate(params):

        def f(v, k=k):
            trial = [Tensor(w) for w in values]
            trial[k] = Tensor(v)
            return _loss(trial, X, Y, alpha, activation).item()

        def grad_f(v, k=k):
            trial = [Tensor(w) for w in values]
            trial[k] = Tensor(v, requires_grad=True)
            _loss(trial, X, Y, alpha, activation).backward()
            return trial[k].grad

        assert_allclose(grad_f(values[k]), p.grad, **DIRECT)
        error = check_grad(f, grad_f, values[k], coordinates=True, rng=rng)
        assert error < FINITE_DIFF["rtol"]


def test_loss_is_log_loss_plus_the_penalty(rng):
    X, y = DIGITS_X[:200], DIGITS_Y[:200]
    net = MLPClassifier(
        hidden_layer_sizes=(12, 7), n_epochs=2, alpha=0.01, rng=rng
    ).fit(X, y)
    params = [
        Tensor(a) for pair in zip(net.coefs_, net.intercepts_) for a in pair
    ]
    penalty = sum(np.sum(W**2) for W in net.coefs_)
    for alpha in (0.0, 0.01):
        loss = _loss(params, X, np.eye(10)[y], alpha, "relu").item()
        expected = log_loss(y, net.predict_proba(X)) + alpha / 2 * penalty
        assert loss == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_hand_written_forward_pass(rng):
    X, _ = tiny_problem(rng)
    params = _init_params((3, 4, 5, 3), "tanh", rng)
    W1, b1, W2, b2, W3, b3 = (p.data for p in params)
    expected = np.tanh(np.tanh(X @ W1 + b1) @ W2 + b2) @ W3 + b3
    assert_allclose(_forward(params, X, "tanh").data, expected, **DIRECT)


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_probabilities_equal_sklearns_forward_pass(activation):
    ours = MLPClassifier(
        hidden_layer_sizes=(10, 6), activation=activation, n_epochs=5, rng=0
    ).fit(IRIS_X, IRIS_Y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one iteration: not converged
        theirs = SkMLP(
            hidden_layer_sizes=(10, 6), activation=activation, max_iter=1
        ).fit(IRIS_X, IRIS_Y)
    theirs.coefs_ = [W.copy() for W in ours.coefs_]
    theirs.intercepts_ = [b.copy() for b in ours.intercepts_]
    assert_allclose(
        ours.predict_proba(IRIS_X), theirs.predict_proba(IRIS_X), **DIRECT
    )
    assert_array_equal(ours.predict(IRIS_X), theirs.predict(IRIS_X))


def test_initial_weights_have_the_stated_scale():
    sizes = (400, 300, 200)
    for activation, variances in [
        ("relu", [2 / 400, 2 / 300]),
        ("tanh", [2 / 700, 2 / 500]),
    ]:
        params = _init_params(sizes, activation, np.random.default_rng(0))
        for W, var in zip(params[0::2], variances):
            assert W.data.var() == pytest.approx(var, rel=0.02)
        for b in params[1::2]:
            assert_array_equal(b.data, 0.0)


# ---------------------------------------------- the update rules of Chapter 7
def one_step_by_hand(optimizer, lr, epochs):
    """The optimizer's steps written out, on the full batch of tiny data."""
    rng = np.random.default_rng(5)
    X, Y = tiny_problem(rng)
    params = _init_params((3, 4, 3), "tanh", rng)
    weights = [p.data.copy() for p in params]
    v = [np.zeros_like(w) for w in weights]
    for _ in range(epochs):
        trial = [Tensor(w, requires_grad=True) for w in weights]
        _loss(trial, X, Y, 0.0, "tanh").backward()
        for i, p in enumerate(trial):
            if optimizer == "momentum":
                v[i] = 0.9 * v[i] + p.grad
                weights[i] = weights[i] - lr * v[i]
            elif optimizer == "sgd":
                weights[i] = weights[i] - lr * p.grad
            else:  # adam's first step: lr * g / (|g| + eps)
                weights[i] = weights[i] - lr * p.grad / (np.abs(p.grad) + 1e-8)
    step, states = _optimizer(optimizer, lr, params)
    for _ in range(epochs):
        states, _ = _train_epoch(
            params,
            states,
            X,
            Y,
            len(X),
            step,
            rng,
            alpha=0.0,
            activation="tanh",
        )
    return [p.data for p in params], weights


@pytest.mark.parametrize(
    ("optimizer", "epochs"), [("sgd", 3), ("momentum", 3), ("adam", 1)]
)
def test_train_epoch_takes_the_optimizers_steps(optimizer, epochs):
    got, expected = one_step_by_hand(optimizer, 0.05, epochs)
    for a, b in zip(got, expected):
        assert_allclose(a, b, **DIRECT)


def test_train_epoch_returns_the_mean_loss_over_samples(rng):
    X, Y = tiny_problem(rng, n=10)
    params = _init_params((3, 4, 3), "relu", rng)
    start = [Tensor(p.data) for p in params]
    step, states = _optimizer("sgd", 1e-300, params)  # steps too small to move
    _, loss = _train_epoch(
        params, states, X, Y, 4, step, rng, alpha=0.0, activation="relu"
    )
    # batches of 4, 4, 2, weighted by their sizes: the loss on all 10 rows
    assert loss == pytest.approx(
        _loss(start, X, Y, 0.0, "relu").item(), rel=1e-12, abs=0
    )


# ---------------------------------------------------------------- interface
def test_same_seed_same_network_and_different_seeds_differ():
    X, y = IRIS_X, IRIS_Y

    def fit(seed):
        return MLPClassifier(
            hidden_layer_sizes=(5,), n_epochs=3, rng=seed
        ).fit(X, y)

    a, b, c = fit(7), fit(7), fit(8)
    for W, V in zip(a.coefs_, b.coefs_):
        assert_array_equal(W, V)
    assert a.loss_curve_ == b.loss_curve_
    assert not np.allclose(a.coefs_[0], c.coefs_[0])


def test_probabilities_sum_to_one_and_predict_is_their_argmax():
    X_train, X_test, y_train, _ = digits_split()
    net = MLPClassifier(**DIGITS_NET).fit(X_train, y_train)
    P = net.predict_proba(X_test)
    assert P.shape == (len(X_test), 10) and np.all(P >= 0)
    assert_allclose(P.sum(axis=1), 1.0, **DIRECT)
    assert_allclose(np.log(P), net.predict_log_proba(X_test), **DIRECT)
    assert_array_equal(net.predict(X_test), net.classes_[P.argmax(axis=1)])


def test_string_labels_and_two_classes():
    X, y01 = make_moons(n_samples=100, noise=0.1, random_state=1)
    y = np.where(y01 == 1, "upper", "lower")
    net = MLPClassifier(
        hidden_layer_sizes=(8,), lr=0.01, n_epochs=100, rng=0
    ).fit(X, y)
    assert_array_equal(net.classes_, ["lower", "upper"])
    assert set(net.predict(X)) <= {"lower", "upper"}
    assert net.score(X, y) > 0.9
    assert net.coefs_[-1].shape == (8, 2)  # softmax over two outputs


def test_hyperparameters_are_stored_unchanged():
    net = MLPClassifier(hidden_layer_sizes=[3, 2], lr=0.5, rng=4)
    params = net.get_params()
    assert params["hidden_layer_sizes"] == [3, 2] and params["lr"] == 0.5
    assert params["rng"] == 4
    assert MLPClassifier(hidden_layer_sizes=3, n_epochs=1, rng=0).fit(
        IRIS_X, IRIS_Y
    ).coefs_[0].shape == (4, 3)


def test_divergence_warns_and_stops():
    net = MLPClassifier(
        hidden_layer_sizes=(8,), optimizer="sgd", lr=1e300, n_epochs=20, rng=0
    )
    with (
        warnings.catch_warnings(record=True) as caught,
        np.errstate(over="ignore", invalid="ignore"),
    ):
        warnings.simplefilter("always")
        net.fit(IRIS_X, IRIS_Y)
    messages = [
        str(w.message) for w in caught if w.category is ConvergenceWarning
    ]
    assert len(messages) == 1 and "lower lr" in messages[0]
    assert net.n_iter_ < 20 and not np.isfinite(net.loss_curve_[-1])


def test_not_fitted():
    net = MLPClassifier()
    for method in (net.predict, net.predict_proba, net.predict_log_proba):
        with pytest.raises(NotFittedError, match="not fitted"):
            method(IRIS_X)


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        ({"hidden_layer_sizes": (0,)}, ValueError, "hidden_layer_sizes"),
        ({"hidden_layer_sizes": (4, -1)}, ValueError, "hidden_layer_sizes"),
        ({"hidden_layer_sizes": (2.5,)}, ValueError, "hidden_layer_sizes"),
        ({"hidden_layer_sizes": "64"}, TypeError, "hidden_layer_sizes"),
        ({"hidden_layer_sizes": None}, TypeError, "hidden_layer_sizes"),
        ({"activation": "elu"}, ValueError, r"activation.*'relu', 'tanh'"),
        ({"activation": None}, ValueError, "activation must be one of"),
        (
            {"optimizer": "lbfgs"},
            ValueError,
            r"optimizer.*'sgd', 'momentum', 'adam'.*'lbfgs'",
        ),
        ({"lr": 0.0}, ValueError, "lr must be > 0"),
        ({"lr": -0.1}, ValueError, "lr must be > 0"),
        ({"lr": "fast"}, TypeError, "lr must be a real number"),
        ({"batch_size": 0}, ValueError, "batch_size must be >= 1"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be an integer"),
        ({"n_epochs": 0}, ValueError, "n_epochs must be >= 1"),
        ({"alpha": -1.0}, ValueError, "alpha must be >= 0"),
        ({"rng": "seed"}, TypeError, "rng must be"),
    ],
)
def test_bad_hyperparameters(params, error, match):
    with pytest.raises(error, match=match):
        MLPClassifier(**{"n_epochs": 1, **params}).fit(IRIS_X, IRIS_Y)


def test_bad_data():
    net = MLPClassifier(hidden_layer_sizes=(3,), n_epochs=1, rng=0)
    with pytest.raises(ValueError, match="at least two classes"):
        net.fit(IRIS_X, np.zeros(len(IRIS_X)))
    with pytest.raises(ValueError, match="one label per row"):
        net.fit(IRIS_X, IRIS_Y[:-1])
    with pytest.raises(ValueError, match="X must contain only finite"):
        net.fit(np.full((3, 2), np.nan), [0, 1, 0])
    net.fit(IRIS_X, IRIS_Y)
    with pytest.raises(ValueError, match=r"X has 3 features.*fitted with 4"):
        net.predict(IRIS_X[:, :3])
