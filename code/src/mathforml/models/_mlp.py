r"""A multilayer perceptron for classification, trained by backpropagation.

The network is a chain of affine maps with an activation between them; the last
map gives one score (logit) per class, and the softmax turns the scores into
probabilities. Training minimizes, over mini-batches :math:`B`,

.. math::

    \mathcal{L}_B = -\frac{1}{|B|} \sum_{i \in B} \log P_{i y_i}
    + \frac{\alpha}{2} \sum_{\ell} \lVert \mathbf{W}_\ell \rVert_F^2,

the mean cross-entropy plus a ridge penalty on the weights (not the biases).
The gradient comes from :mod:`mathforml.autodiff` (:ref:`sec-backpropagation`),
the steps from the update rules of :mod:`mathforml.optim`
(:ref:`sec-momentum-adam`). The two-layer network of the calculus chapter's lab,
trained by hand there, is the case ``hidden_layer_sizes=(32,)``.
"""

from __future__ import annotations

import numbers
import warnings
from itertools import pairwise

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import (
    as_matrix,
    check_choice,
    check_int,
    check_rng,
    check_scalar,
)
from mathforml.autodiff import Tensor, log_softmax, no_grad, relu, tanh
from mathforml.base import (
    BaseEstimator,
    ClassifierMixin,
    _as_labels,
    check_features,
)
from mathforml.exceptions import ConvergenceWarning
from mathforml.optim._updates import adam_step, gd_step, momentum_step

__all__ = ["MLPClassifier"]

_ACTIVATIONS = {"relu": relu, "tanh": tanh}
_OPTIMIZERS = ("sgd", "momentum", "adam")
_BETA = 0.9  # momentum's decay
_ADAM = dict(beta1=0.9, beta2=0.999, eps=1e-8)  # Kingma and Ba's defaults


def _init_params(sizes, activation, rng):
    """Weights N(0, 2 / fan_in) for relu (He), N(0, 2 / (fan_in + fan_out))
    for tanh (Glorot); biases 0. A flat list [W1, b1, W2, b2, ...]."""
    params = []
    for n_in, n_out in pairwise(sizes):
        var = 2 / n_in if activation == "relu" else 2 / (n_in + n_out)
        W = rng.normal(0.0, np.sqrt(var), (n_in, n_out))
        params += [Tensor(W, requires_grad=True)]
        params += [Tensor(np.zeros(n_out), requires_grad=True)]
    return params


def _forward(params, X, activation):
    """The logits: affine maps with the activation between them."""
    act = _ACTIVATIONS[activation]
    Ws, bs = params[0::2], params[1::2]
    H = X
    for W, b in zip(Ws[:-1], bs[:-1]):
        H = act(H @ W + b)
    return H @ Ws[-1] + bs[-1]  # no activation: softmax comes in the loss


def _loss(params, X, Y_onehot, alpha, activation):
    """Mean cross-entropy of the softmax outputs, plus alpha / 2 times the sum
    of the squared weights (the biases are not penalized)."""
    log_P = log_softmax(_forward(params, X, activation))
    cross_entropy = -(Y_onehot * log_P).sum() / len(X)
    if alpha == 0:
        return cross_entropy
    squares = sum((W * W).sum() for W in params[0::2])
    return cross_entropy + alpha / 2 * squares


def _train_epoch(
    params, states, X, Y, batch_size, step, rng, *, alpha, activation
):
    """One pass over the data in a fresh random order, one step per batch.
    Updates ``params`` in place; returns the new states and the mean loss."""
    order = rng.permutation(len(X))  # a fresh order every epoch
    states, total = list(states), 0.0
    for start in range(0, len(X), batch_size):
        idx = order[start : start + batch_size]
        loss = _loss(params, X[idx], Y[idx], alpha, activation)
        for p in params:
            p.zero_grad()
        loss.backward()
        for i, p in enumerate(params):
            p.data, states[i] = step(p.data, p.grad, states[i])
        total += loss.item() * len(idx)  # weighted: the last batch is short
    return states, total / len(X)


def _optimizer(name, lr, params):
    """``step(x, g, state) -> (x, state)`` for one parameter, and the starting
    states, from Chapter 7's update rules."""

    def sgd(x, g, state):
        return gd_step(x, g, lr=lr), state

    def momentum(x, g, v):
        return momentum_step(x, g, v, lr=lr, beta=_BETA)

    def adam(x, g, state):
        m, s, t = state
        x, m, s = adam_step(x, g, m, s, t + 1, lr=lr, **_ADAM)
        return x, (m, s, t + 1)

    zeros = [np.zeros(p.shape) for p in params]
    if name == "sgd":
        return sgd, [None] * len(params)
    if name == "momentum":
        return momentum, zeros  # the velocities
    return adam, [(z, z, 0) for z in zeros]  # the moments m, s; the count t


def _check_hidden(sizes):
    """``hidden_layer_sizes`` as a tuple of positive ints (an int is one layer)."""
    if isinstance(sizes, numbers.Integral) and not isinstance(sizes, bool):
        sizes = (sizes,)
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__iter__"):
        raise TypeError(
            "hidden_layer_sizes must be a tuple of layer widths such as "
            f"(100,) or (64, 32); got {type(sizes).__name__} {sizes!r}."
        )
    sizes = tuple(sizes)
    for n in sizes:
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise ValueError(
                "hidden_layer_sizes must hold integers >= 1 (units per hidden "
                f"layer); got {sizes!r}."
            )
    return tuple(int(n) for n in sizes)


class MLPClassifier(ClassifierMixin, BaseEstimator):
    r"""A multilayer perceptron with a softmax output, trained by mini-batch
    gradient methods on the cross-entropy.

    Parameters
    ----------
    hidden_layer_sizes : tuple of int, default (100,)
        The number of units of each hidden layer, each ``>= 1`` (an int means
        one layer; ``()`` gives multinomial logistic regression).
    activation : {"relu", "tanh"}, default "relu"
        The function applied after every hidden affine map.
    optimizer : {"sgd", "momentum", "adam"}, default "adam"
        The update rule of :mod:`mathforml.optim`: :func:`~mathforml.optim.gd_step`,
        :func:`~mathforml.optim.momentum_step` (heavy ball, :math:`\beta = 0.9`)
        or :func:`~mathforml.optim.adam_step` (:math:`\beta_1 = 0.9`,
        :math:`\beta_2 = 0.999`, :math:`\epsilon = 10^{-8}`).
    lr : float, default 0.001
        The learning rate, ``> 0``.
    n_epochs : int, default 200
        Passes over the training data, ``>= 1``. There is no early stopping.
    batch_size : int, default 32
        Samples per step, ``>= 1``; a value above the number of samples means
        one batch, the whole data (full-batch training).
    alpha : float, default 0.0
        The weight of the penalty :math:`\frac{\alpha}{2} \sum_\ell
        \lVert \mathbf{W}_\ell \rVert_F^2`, ``>= 0``, added to the mean
        cross-entropy of each batch. scikit-learn's ``MLPClassifier`` adds
        :math:`\frac{\alpha}{2 |B|} \sum_\ell \lVert \mathbf{W}_\ell \rVert_F^2`
        instead (divided by the batch size :math:`|B|`), so its ``alpha``
        equals ours times ``batch_size``, and its default ``1e-4`` is ours
        ``1e-4 / batch_size``.
    rng : None, int or numpy.random.Generator, optional
        The source of the initial weights and of the order of the samples in
        every epoch. The same int gives the same network.

    Attributes
    ----------
    classes_ : numpy.ndarray, shape (n_classes,)
        The labels seen in ``fit``, sorted.
    coefs_ : list of numpy.ndarray
        The weight matrices, ``coefs_[l]`` of shape (units in, units out); the
        last maps to ``n_classes`` outputs (also for two classes, where
        scikit-learn uses a single logistic output).
    intercepts_ : list of numpy.ndarray
        The bias vectors, one per layer.
    loss_curve_ : list of float
        The mean training loss of every epoch (the batch losses weighted by
        batch size, as scikit-learn's), as measured during the epoch.
    n_iter_ : int
        The epochs run.
    n_features_in_ : int

    Raises
    ------
    TypeError, ValueError
        In ``fit``, for a hyperparameter of the wrong type or outside its range
        (an unknown activation or optimizer, ``lr <= 0``, ``batch_size < 1``,
        a layer of width 0), ``y`` with one class, NaN or inf in ``X``.

    Warns
    -----
    ConvergenceWarning
        If the loss stops being finite (the learning rate is too large);
        training stops there.

    Notes
    -----
    Weights start random, so that the hidden units differ (a network started
    from equal weights keeps them equal): normal with variance
    :math:`2/n_\text{in}` for relu (He et al.), which keeps the size of the
    activations from layer to layer when about half the units are off, and
    :math:`2/(n_\text{in} + n_\text{out})` for tanh (Glorot and Bengio). The
    biases start at 0. Each epoch shuffles the rows afresh and takes one step
    per batch (:ref:`sec-sgd`). :ref:`sec-neural-networks` derives the network and its
    gradients; the forward pass, the loss and the epoch are the functions
    ``_forward``, ``_loss`` and ``_train_epoch`` of this module.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> y = np.array(["same", "differ", "differ", "same"])   # XOR
    >>> net = MLPClassifier(hidden_layer_sizes=(8,), activation="tanh",
    ...                     lr=0.05, n_epochs=300, batch_size=4, rng=0)
    >>> net.fit(X, y).predict(X)
    array(['same', 'differ', 'differ', 'same'], dtype='<U6')
    >>> [W.shape for W in net.coefs_]
    [(2, 8), (8, 2)]
    """

    def __init__(
        self,
        *,
        hidden_layer_sizes=(100,),
        activation="relu",
        optimizer="adam",
        lr=0.001,
        n_epochs=200,
        batch_size=32,
        alpha=0.0,
        rng=None,
    ):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.optimizer = optimizer
        self.lr = lr
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.alpha = alpha
        self.rng = rng

    def fit(self, X: ArrayLike, y: ArrayLike) -> MLPClassifier:
        """Train the network on ``X`` (n_samples, n_features) and the labels
        ``y``; returns ``self``."""
        X = as_matrix(X, name="X")
        y = _as_labels(y, name="y")
        if y.size != X.shape[0]:
            raise ValueError(
                f"y must have one label per row of X ({X.shape[0]}); got {y.size}."
            )
        hidden = _check_hidden(self.hidden_layer_sizes)
        activation = check_choice(
            self.activation, tuple(_ACTIVATIONS), name="activation"
        )
        optimizer = check_choice(self.optimizer, _OPTIMIZERS, name="optimizer")
        lr = check_scalar(self.lr, name="lr", low=0, low_inclusive=False)
        n_epochs = check_int(self.n_epochs, name="n_epochs", minimum=1)
        batch_size = check_int(self.batch_size, name="batch_size", minimum=1)
        alpha = check_scalar(self.alpha, name="alpha", low=0)
        rng = check_rng(self.rng)
        classes, codes = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError(
                f"y must hold at least two classes; got only {classes[0].item()!r}."
            )
        Y = np.eye(classes.size)[codes.ravel()]
        sizes = (X.shape[1], *hidden, classes.size)
        params = _init_params(sizes, activation, rng)
        step, states = _optimizer(optimizer, lr, params)
        batch_size = min(batch_size, X.shape[0])
        curve = []
        for _ in range(n_epochs):
            states, loss = _train_epoch(
                params,
                states,
                X,
                Y,
                batch_size,
                step,
                rng,
                alpha=alpha,
                activation=activation,
            )
            curve.append(loss)
            if not np.isfinite(loss):
                warnings.warn(
                    f"MLPClassifier diverged in epoch {len(curve)}: the loss is "
                    f"no longer finite; lower lr (now {lr}).",
                    ConvergenceWarning,
                    stacklevel=2,
                )
                break
        self.classes_ = classes
        self.coefs_ = [W.data.copy() for W in params[0::2]]
        self.intercepts_ = [b.data.copy() for b in params[1::2]]
        self.loss_curve_ = curve
        self.n_iter_ = len(curve)
        self.n_features_in_ = X.shape[1]
        return self

    def _logits(self, X) -> np.ndarray:
        X = check_features(self, X)
        params = [
            Tensor(a)
            for pair in zip(self.coefs_, self.intercepts_)
            for a in pair
        ]
        with no_grad():
            return _forward(params, X, self.activation).data

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        """Log-probabilities of the classes, shape (n, n_classes), by
        log-sum-exp."""
        with no_grad():
            return log_softmax(self._logits(X)).data

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Probabilities of the classes, shape (n, n_classes); rows sum to 1."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class of each row, a label from ``classes_``."""
        logits = self._logits(X)  # checks first that the model is fitted
        return self.classes_[np.argmax(logits, axis=1)]
