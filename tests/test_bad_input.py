"""The bad-input table: every public function, every array argument, every kind of bad value.

For each function a good call is written once; each array argument is then replaced in turn
by a value of each bad class. The outcome must be a TypeError or ValueError whose message
names the argument: never a silent answer, never a failure deep inside NumPy. New
subpackages join the table with their functions.
"""

from __future__ import annotations

import numpy as np
import pytest

from mathforml import (
    calculus,
    information,
    linalg,
    metrics,
    model_selection,
    optim,
    probability,
    stats,
)
from mathforml.models import Ridge

SPD = np.array([[4.0, 1.0], [1.0, 3.0]])
A23 = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
P2 = np.array([[0.9, 0.1], [0.5, 0.5]])
X5 = [2.0, 4.0, 4.0, 5.0, 7.0]
X10 = np.arange(20.0).reshape(10, 2) ** 1.5  # 10 samples, 2 features
Y10 = [0.0, 1.0, 3.0, 2.0, 5.0, 4.0, 7.0, 6.0, 9.0, 8.0]
LABELS10 = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1]
PROBA10 = [0.1, 0.8, 0.3, 0.6, 0.9, 0.2, 0.7, 0.4, 0.35, 0.55]


def kfold_folds(X):
    """A splitter reads X only for its number of rows."""
    return list(model_selection.KFold(n_splits=2).split(X))


def stratified_kfold_folds(X, y):
    return list(model_selection.StratifiedKFold(n_splits=2).split(X, y))


# name, function, good positional arguments (as a dict, in order), array arguments to fuzz,
# and the dimension each expects (1 or 2).
TABLE = [
    ("norm", linalg.norm, {"x": [3.0, 4.0]}, {"x": 1}),
    (
        "angle",
        linalg.angle,
        {"a": [1.0, 0.0], "b": [0.0, 1.0]},
        {"a": 1, "b": 1},
    ),
    (
        "cosine_similarity",
        linalg.cosine_similarity,
        {"a": [1.0, 2.0], "b": [2.0, 1.0]},
        {"a": 1, "b": 1},
    ),
    (
        "cross",
        linalg.cross,
        {"a": [1.0, 0, 0], "b": [0, 1.0, 0]},
        {"a": 1, "b": 1},
    ),
    ("det", linalg.det, {"A": SPD}, {"A": 2}),
    ("inv", linalg.inv, {"A": SPD}, {"A": 2}),
    (
        "gauss_solve",
        linalg.gauss_solve,
        {"A": SPD, "b": [1.0, 2.0]},
        {"A": 2, "b": 1},
    ),
    ("row_reduce", linalg.row_reduce, {"A": A23}, {"A": 2}),
    ("rank", linalg.rank, {"A": A23}, {"A": 2}),
    ("null_space", linalg.null_space, {"A": A23}, {"A": 2}),
    ("condition_number", linalg.condition_number, {"A": SPD}, {"A": 2}),
    ("gram_schmidt", linalg.gram_schmidt, {"A": A23.T}, {"A": 2}),
    (
        "project",
        linalg.project,
        {"b": [1.0, 2.0, 3.0], "A": A23.T},
        {"b": 1, "A": 2},
    ),
    (
        "lstsq",
        linalg.lstsq,
        {"A": A23.T, "b": [1.0, 2.0, 3.0]},
        {"A": 2, "b": 1},
    ),
    ("pinv", linalg.pinv, {"A": A23}, {"A": 2}),
    ("cholesky", linalg.cholesky, {"A": SPD}, {"A": 2}),
    ("eig_sym", linalg.eig_sym, {"A": SPD}, {"A": 2}),
    (
        "characteristic_polynomial",
        linalg.characteristic_polynomial,
        {"A": SPD},
        {"A": 2},
    ),
    ("gershgorin_discs", linalg.gershgorin_discs, {"A": SPD}, {"A": 2}),
    ("power_iteration", linalg.power_iteration, {"A": SPD}, {"A": 2}),
    ("svd", linalg.svd, {"A": A23}, {"A": 2}),
    ("low_rank_approx", linalg.low_rank_approx, {"A": A23, "k": 1}, {"A": 2}),
    (
        "minimize",
        optim.minimize,
        {
            "fun": lambda x: float(x @ x),
            "grad": lambda x: 2 * x,
            "x0": [1.0, 2.0],
        },
        {"x0": 1},
    ),
    ("rosenbrock", optim.rosenbrock, {"x": [-1.5, 2.0]}, {"x": 1}),
    ("rosenbrock_grad", optim.rosenbrock_grad, {"x": [-1.5, 2.0]}, {"x": 1}),
    ("rosenbrock_hess", optim.rosenbrock_hess, {"x": [-1.5, 2.0]}, {"x": 1}),
    (
        "minibatch_sgd",
        optim.minibatch_sgd,
        {
            "grad_batch": lambda w, idx: 2 * w,
            "w0": [1.0, 2.0],
            "n_samples": 4,
            "batch_size": 2,
            "lr": 0.1,
            "n_epochs": 1,
        },
        {"w0": 1},
    ),
    (
        "conjugate_gradient",
        optim.conjugate_gradient,
        {"A": SPD, "b": [1.0, 2.0], "x0": [0.0, 0.0]},
        {"A": 2, "b": 1},  # x0=None is the default, so only A and b are fuzzed
    ),
    (
        "soft_threshold",
        optim.soft_threshold,
        {"x": [1.0, -2.0], "t": 0.5},
        {"x": 0},
    ),
    # the calculus functions take x of any shape ("ndim" 0: no wrong dimension to try)
    (
        "gradient",
        calculus.gradient,
        {"f": lambda x: float(np.sum(x**2)), "x": [1.0, 2.0]},
        {"x": 0},
    ),
    (
        "hessian",
        calculus.hessian,
        {"f": lambda x: float(np.sum(x**2)), "x": [1.0, 2.0]},
        {"x": 0},
    ),
    (
        "jacobian",
        calculus.jacobian,
        {"f": lambda x: 2 * x, "x": [1.0, 2.0]},
        {"x": 0},
    ),
    (
        "MultivariateNormal",
        probability.MultivariateNormal,
        {"mean": [0.0, 0.0], "cov": SPD},
        {"mean": 1, "cov": 2},
    ),
    (
        "bayes_update",
        probability.bayes_update,
        {"prior": [0.5, 0.5], "likelihood": [0.2, 0.9]},
        {"prior": 1, "likelihood": 1},
    ),
    (
        "stationary_distribution",
        probability.stationary_distribution,
        {"P": P2},
        {"P": 2},
    ),
    (
        "distribution_after",
        probability.distribution_after,
        {"P": P2, "p0": [1.0, 0.0], "n": 3},
        {"P": 2, "p0": 1},
    ),
    ("describe", stats.describe, {"x": X5}, {"x": 1}),
    ("mle_normal", stats.mle_normal, {"x": X5}, {"x": 1}),
    (
        "t_confidence_interval",
        stats.t_confidence_interval,
        {"x": X5},
        {"x": 1},
    ),
    (
        "bootstrap_ci",
        stats.bootstrap_ci,
        {"x": X5, "statistic": np.mean},
        {"x": 1},
    ),
    (
        "ttest_1samp",
        stats.ttest_1samp,
        {"x": X5, "mu0": 3.0},
        {"x": 1},
    ),
    (
        "ttest_welch",
        stats.ttest_welch,
        {"x": X5, "y": [1.0, 2.5, 2.0]},
        {"x": 1, "y": 1},
    ),
    (
        "beta_binomial_posterior",
        stats.beta_binomial_posterior,
        {"a": 1.0, "b": 1.0, "k": 3, "n": 10},
        {},  # no array arguments: its scalars are tested in tests/stats
    ),
    ("entropy", information.entropy, {"p": [0.25, 0.75]}, {"p": 1}),
    (
        "cross_entropy",
        information.cross_entropy,
        {"p": [0.25, 0.75], "q": [0.5, 0.5]},
        {"p": 1, "q": 1},
    ),
    (
        "kl_divergence",
        information.kl_divergence,
        {"p": [0.25, 0.75], "q": [0.5, 0.5]},
        {"p": 1, "q": 1},
    ),
    (
        "kl_normal",
        information.kl_normal,
        {"mu1": 0.0, "sigma1": 1.0, "mu2": 1.0, "sigma2": 2.0},
        {},  # no array arguments: its scalars are tested in tests/information
    ),
    (
        "mutual_information",
        information.mutual_information,
        {"joint": [[0.1, 0.2], [0.3, 0.4]]},
        {"joint": 2},
    ),
    # y holds any hashable labels (strings, None and complex numbers are labels too), so
    # only the boolean mask is fuzzed here; tests/information covers bad y
    (
        "information_gain",
        information.information_gain,
        {"y": ["a", "a", "b", "b"], "mask": [True, False, True, False]},
        {"mask": 1},
    ),
    (
        "train_test_split",
        model_selection.train_test_split,
        {"X": X10, "y": LABELS10},
        {"X": 2, "y": 1},
    ),
    ("KFold.split", kfold_folds, {"X": X10}, {"X": 2}),
    (
        "StratifiedKFold.split",
        stratified_kfold_folds,
        {"X": X10, "y": LABELS10},
        {"X": 2, "y": 1},
    ),
    (
        "cross_val_score",
        model_selection.cross_val_score,
        {"model": Ridge(), "X": X10, "y": Y10},
        {"X": 2, "y": 1},
    ),
    *[
        (
            name,
            getattr(metrics, name),
            {"y_true": LABELS10, "y_pred": LABELS10[::-1]},
            {"y_true": 1, "y_pred": 1},
        )
        for name in [
            "accuracy_score",
            "confusion_matrix",
            "precision_recall_f1",
        ]
    ],
    *[
        (
            name,
            getattr(metrics, name),
            {"y_true": LABELS10, "y_score": PROBA10},
            {"y_true": 1, "y_score": 1},
        )
        for name in ["roc_auc_score", "roc_curve", "precision_recall_curve"]
    ],
    *[
        (
            name,
            getattr(metrics, name),
            {"y_true": Y10, "y_pred": Y10[::-1]},
            {"y_true": 1, "y_pred": 1},
        )
        for name in ["mean_squared_error", "mean_absolute_error", "r2_score"]
    ],
]

# Bad values that are valid for one argument, and why: each must be accepted.
ACCEPTED = {
    **{
        (name, "x", kind): "an optimizer that diverged must see inf or NaN, not an error"
        for name in ("rosenbrock", "rosenbrock_grad", "rosenbrock_hess")
        for kind in ("NaN", "inf")
    },
    (
        "train_test_split",
        "X",
        "NaN",
    ): "NaN marks a missing value, imputed later",
    **{
        (name, arg, "strings"): "labels may be strings"
        for name, arg in [
            ("train_test_split", "y"),
            ("StratifiedKFold.split", "y"),
            ("accuracy_score", "y_true"),
            ("accuracy_score", "y_pred"),
            ("confusion_matrix", "y_true"),
            ("confusion_matrix", "y_pred"),
            (
                "roc_auc_score",
                "y_true",
            ),  # the label that sorts last is positive
        ]
    },
    **{
        (split, "X", kind): "a splitter reads only the number of rows of X"
        for split in ["KFold.split", "StratifiedKFold.split"]
        for kind in ["complex", "strings", "object holding None", "NaN", "inf"]
    },
    (
        "KFold.split",
        "X",
        "wrong ndim",
    ): "a 1-D X is 20 samples, enough for 2 folds",
}


def bad_values(good, ndim):
    """Each bad class, made from the good value so that only one thing is wrong."""
    good = np.asarray(good, dtype=float)
    with_nan = good.copy()
    with_nan.flat[0] = np.nan
    with_inf = good.copy()
    with_inf.flat[-1] = np.inf
    wrong_ndim = good.ravel() if ndim == 2 else good[None, :]
    bad = {
        "complex": good + 1j,
        "strings": good.astype(str),
        "None": None,
        "a dict": {"x": 1},
        "object holding None": np.array(
            [None] * good.size, dtype=object
        ).reshape(good.shape),
        "NaN": with_nan,
        "inf": with_inf,
        "empty": np.zeros((0,) * max(ndim, 1)),
        "wrong ndim": wrong_ndim,
    }
    if ndim == 0:
        del bad["wrong ndim"]
    return bad


CASES = [
    pytest.param(
        name,
        f,
        args,
        arg,
        kind,
        value,
        id=f"{name}-{arg}-{kind}",
    )
    for name, f, args, arrays in TABLE
    for arg, ndim in arrays.items()
    for kind, value in bad_values(args[arg], ndim).items()
    if (name, arg, kind) not in ACCEPTED
]
ACCEPTED_CASES = [
    (name, f, args, arg, kind, value)
    for name, f, args, arrays in TABLE
    for arg, ndim in arrays.items()
    for kind, value in bad_values(args[arg], ndim).items()
    if (name, arg, kind) in ACCEPTED
]


@pytest.mark.parametrize(
    ("name", "f", "args", "arg", "kind", "value"),
    CASES,
)
def test_bad_input_is_refused_naming_the_argument(
    name, f, args, arg, kind, value
):
    call = dict(args, **{arg: value})
    with pytest.raises((TypeError, ValueError)) as info:
        f(*call.values())
    message = str(info.value)
    assert (
        arg in message.split()[0]
        or f"{arg} " in message
        or f"{arg}," in message
    ), (
        f"{name}({arg}=<{kind}>) raised {type(info.value).__name__} without naming "
        f"{arg!r}: {message}"
    )


@pytest.mark.parametrize(
    ("name", "f", "args"),
    [(c[0], c[1], c[2]) for c in TABLE],
    ids=[c[0] for c in TABLE],
)
def test_the_good_call_works(name, f, args):
    f(*args.values())


@pytest.mark.parametrize(
    ("name", "f", "args", "arg", "kind", "value"),
    ACCEPTED_CASES,
    ids=[f"{c[0]}-{c[3]}-{c[4]}" for c in ACCEPTED_CASES],
)
def test_values_valid_for_that_argument_are_accepted(
    name, f, args, arg, kind, value
):
    if kind == "strings" and set(args) == {"y_true", "y_pred"}:
        # both label arguments must be strings together
        args = {k: np.asarray(v).astype(str) for k, v in args.items()}
    f(*dict(args, **{arg: value}).values())


# Arrays that must have one entry per sample: a mismatch names both arguments.
MISMATCH = [
    (name, f, args, first, second)
    for name, f, args, arrays in TABLE
    if name in {"train_test_split", "StratifiedKFold.split", "cross_val_score"}
    or getattr(f, "__module__", "").startswith("mathforml.metrics")
    for first, second in [tuple(arrays)]
]


@pytest.mark.parametrize(
    ("name", "f", "args", "first", "second"),
    MISMATCH,
    ids=[m[0] for m in MISMATCH],
)
def test_mismatched_lengths_name_both_arguments(name, f, args, first, second):
    call = dict(args, **{second: np.asarray(args[second])[:-1]})
    with pytest.raises(ValueError) as info:
        f(*call.values())
    message = str(info.value)
    assert first in message and second in message, message
    assert "10" in message and "9" in message, message
