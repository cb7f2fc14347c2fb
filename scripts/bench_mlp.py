"""Time MLPClassifier against scikit-learn's MLPClassifier on the digits.

Run: python scripts/bench_mlp.py   (about 30 s)

The same network (sizes, activation, batch size, learning rate, epochs, no penalty
and no early stopping) is trained by both libraries on 1347 of the 1797 digits.
Both must reach at least 95% accuracy on the other 450, within two points of each
other, before the times are compared: the best of several fits, divided by the
epochs run, and their ratio (the target is <= 3x). Our gradients come from the
book's autodiff engine, a Python object per operation; scikit-learn's from
backpropagation written out in NumPy, so the ratio is the price of the engine.
The two initialize the weights differently (He or Glorot normal here, Glorot
uniform there) and draw different batches, so accuracies agree only roughly.
"""

from __future__ import annotations

import timeit
import warnings

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier as SkMLP

from mathforml.models import MLPClassifier

EPOCHS = 30
CASES = [  # name, our settings, scikit-learn's matching settings
    (
        "adam relu (64,)",
        dict(hidden_layer_sizes=(64,), optimizer="adam", lr=1e-3),
        dict(hidden_layer_sizes=(64,), solver="adam", learning_rate_init=1e-3),
    ),
    (
        "adam tanh (64,)",
        dict(
            hidden_layer_sizes=(64,),
            activation="tanh",
            optimizer="adam",
            lr=1e-3,
        ),
        dict(
            hidden_layer_sizes=(64,),
            activation="tanh",
            solver="adam",
            learning_rate_init=1e-3,
        ),
    ),
    (
        "adam relu (128, 64)",
        dict(hidden_layer_sizes=(128, 64), optimizer="adam", lr=1e-3),
        dict(
            hidden_layer_sizes=(128, 64),
            solver="adam",
            learning_rate_init=1e-3,
        ),
    ),
    (
        "sgd relu (64,)",
        dict(hidden_layer_sizes=(64,), optimizer="sgd", lr=0.1),
        dict(
            hidden_layer_sizes=(64,),
            solver="sgd",
            momentum=0.0,
            learning_rate_init=0.1,
        ),
    ),
    (
        "momentum relu (64,)",
        dict(hidden_layer_sizes=(64,), optimizer="momentum", lr=0.01),
        dict(
            hidden_layer_sizes=(64,),
            solver="sgd",
            momentum=0.9,
            nesterovs_momentum=False,
            learning_rate_init=0.01,
        ),
    ),
]


def best_time(fit, repeats: int = 3) -> float:
    return min(timeit.repeat(fit, number=1, repeat=repeats))


def main() -> None:
    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=0, stratify=y
    )
    print(
        f"{'network':<22}{'acc ours':>9}{'acc sk':>8}"
        f"{'ours [ms/epoch]':>17}{'sk [ms/epoch]':>15}{'ratio':>7}"
    )
    for name, ours_kw, sk_kw in CASES:
        ours = MLPClassifier(n_epochs=EPOCHS, batch_size=32, rng=0, **ours_kw)
        theirs = SkMLP(
            batch_size=32,
            max_iter=EPOCHS,
            alpha=0.0,
            n_iter_no_change=EPOCHS + 1,  # no early stopping
            random_state=0,
            **sk_kw,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            ours.fit(X_train, y_train)
            theirs.fit(X_train, y_train)
            acc_ours = ours.score(X_test, y_test)
            acc_sk = theirs.score(X_test, y_test)
            assert ours.n_iter_ == theirs.n_iter_ == EPOCHS
            assert min(acc_ours, acc_sk) >= 0.95, (acc_ours, acc_sk)
            assert abs(acc_ours - acc_sk) <= 0.02, (acc_ours, acc_sk)
            t_ours = best_time(lambda m=ours: m.fit(X_train, y_train)) / EPOCHS
            t_sk = best_time(lambda m=theirs: m.fit(X_train, y_train)) / EPOCHS
        print(
            f"{name:<22}{acc_ours:>9.3f}{acc_sk:>8.3f}"
            f"{1e3 * t_ours:>17.2f}{1e3 * t_sk:>15.2f}{t_ours / t_sk:>7.1f}"
        )


if __name__ == "__main__":
    main()
