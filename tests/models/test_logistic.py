"""LogisticRegression against scikit-learn (binary on breast cancer, multinomial on
iris and wine, random data), its loss's derivatives by finite differences, and the
numerics of the probabilities."""

import warnings
from itertools import pairwise

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.special import expit
from sklearn import linear_model as sk
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.preprocessing import StandardScaler

from mathforml.calculus import check_grad
from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import LogisticRegression
from mathforml.models._logistic import (
    _irls_step,
    _logistic_loss_grad_hess,
    _sigmoid,
    _softmax_loss_grad_hess,
)
from tolerances import DIRECT

X_BC, Y_BC = load_breast_cancer(return_X_y=True)
X_BC = StandardScaler().fit_transform(X_BC)
X_IRIS, Y_IRIS = load_iris(return_X_y=True)
X_WINE, Y_WINE = load_wine(return_X_y=True)
X_WINE = StandardScaler().fit_transform(X_WINE)
CS = [0.01, 0.1, 1.0, 10.0]
#: scikit-learn's lbfgs (tol=1e-10) stops with a gradient of about 1e-5 on these
#: problems (ours: 1e-14), so its coefficients are right to about 1e-5 relative.
LBFGS = dict(rtol=0, atol=3e-5)
PROBA = dict(rtol=0, atol=1e-5)


def sk_fit(X, y, C, **kwargs):
    return sk.LogisticRegression(
        C=C, tol=1e-10, max_iter=10_000, **kwargs
    ).fit(X, y)


def design(X):
    return np.column_stack([np.ones(len(X)), X])


def binary_objective(model, X, y01, C):
    w = np.r_[model.intercept_, model.coef_[0]]
    return _logistic_loss_grad_hess(w, design(X), y01, C)


def close_to_sklearn(ours, theirs, X, slack=1.0):
    scale = max(np.max(np.abs(theirs.coef_)), 1.0) * slack
    assert_allclose(
        ours.coef_, theirs.coef_, rtol=0, atol=LBFGS["atol"] * scale
    )
    assert_allclose(
        ours.intercept_, theirs.intercept_, rtol=0, atol=LBFGS["atol"] * scale
    )
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), **PROBA)
    # |x^T dw + db| <= (||x||_1 + 1) max(|dw|, |db|)
    row_bound = np.max(np.sum(np.abs(X), axis=1)) + 1
    assert_allclose(
        ours.decision_function(X),
        theirs.decision_function(X),
        rtol=0,
        atol=LBFGS["atol"] * scale * row_bound,
    )
    assert_array_equal(ours.classes_, theirs.classes_)
    assert ours.coef_.shape == theirs.coef_.shape
    assert ours.intercept_.shape == theirs.intercept_.shape
    assert ours.n_iter_.shape == (1,) and ours.n_iter_.dtype.kind == "i"


# ---------------------------------------------------------------- scikit-learn
@pytest.mark.parametrize("C", CS)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_binary_equals_sklearn_on_breast_cancer(C, fit_intercept):
    ours = LogisticRegression(C=C, fit_intercept=fit_intercept).fit(X_BC, Y_BC)
    theirs = sk_fit(X_BC, Y_BC, C, fit_intercept=fit_intercept)
    close_to_sklearn(ours, theirs, X_BC)
    assert ours.coef_.shape == (1, 30) and ours.intercept_.shape == (1,)
    assert ours.score(X_BC, Y_BC) == theirs.score(X_BC, Y_BC)
    if not fit_intercept:
        assert_array_equal(ours.intercept_, [0.0])


@pytest.mark.parametrize("C", [*CS, 100.0])
def test_ours_is_the_better_minimizer(C):
    # where lbfgs stops early (large C), ours has the lower objective, and its
    # gradient is zero to rounding: the difference is lbfgs's, not ours
    ours = LogisticRegression(C=C).fit(X_BC, Y_BC)
    theirs = sk_fit(X_BC, Y_BC, C)
    f_ours, g_ours, _ = binary_objective(ours, X_BC, Y_BC, C)
    f_theirs, _, _ = binary_objective(theirs, X_BC, Y_BC, C)
    assert f_ours <= f_theirs + 1e-12 * abs(f_theirs)
    assert np.max(np.abs(g_ours)) < 1e-8 * max(1.0, f_ours)


@pytest.mark.parametrize("C", [*CS, 100.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize(
    ("X", "y"), [(X_IRIS, Y_IRIS), (X_WINE, Y_WINE)], ids=["iris", "wine"]
)
def test_multinomial_equals_sklearn(X, y, C, fit_intercept):
    ours = LogisticRegression(C=C, fit_intercept=fit_intercept).fit(X, y)
    theirs = sk_fit(X, y, C, fit_intercept=fit_intercept)
    # At C = 100 the classes are nearly separable and the problem is ill-conditioned:
    # L-BFGS (the oracle) stops up to ~1.1 x 10^-5 of the scale from the optimum (iris
    # intercepts, scikit-learn 1.5.2 on one machine), so allow three times the usual gap.
    close_to_sklearn(ours, theirs, X, slack=3.0 if C == 100.0 else 1.0)
    assert ours.coef_.shape == (3, X.shape[1])
    assert ours.decision_function(X).shape == (len(X), 3)
    # the intercepts are defined up to a common constant: both pick mean 0
    assert abs(np.mean(ours.intercept_)) < 1e-10
    # the penalty makes the weights of the classes sum to 0 in each feature
    assert_allclose(ours.coef_.sum(axis=0), 0, atol=1e-10)


@pytest.mark.parametrize("n_classes", [2, 4])
@pytest.mark.parametrize("C", [0.05, 1.0])
def test_random_data_equals_sklearn(rng, n_classes, C):
    X = rng.standard_normal((120, 5)) * [1.0, 3.0, 0.5, 1.0, 2.0] + 1.0
    w = rng.standard_normal((5, n_classes))
    logits = X @ w + rng.gumbel(size=(120, n_classes))
    y = np.argmax(logits, axis=1)
    ours = LogisticRegression(C=C).fit(X, y)
    close_to_sklearn(ours, sk_fit(X, y, C), X)


def test_separable_data_has_a_finite_penalized_solution():
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    y = np.array([0, 0, 1, 1])
    ours = LogisticRegression(C=1.0).fit(X, y)
    close_to_sklearn(ours, sk_fit(X, y, 1.0), X)
    assert np.all(np.isfinite(ours.coef_)) and ours.n_iter_[0] < 20


# ----------------------------------------------------------------- derivatives
def small_problem(rng, K=None):
    X1 = design(rng.standard_normal((15, 3)))
    if K is None:
        return X1, (rng.random(15) < 0.4).astype(float), rng.normal(size=4)
    Y = np.eye(K)[rng.integers(0, K, 15)]
    return X1, Y, rng.normal(size=4 * K)


@pytest.mark.parametrize("C", [0.3, 5.0])
def test_binary_gradient_and_hessian_by_finite_differences(rng, C):
    X1, y, w = small_problem(rng)

    def f(v):
        return _logistic_loss_grad_hess(v, X1, y, C)[0]

    def g(v):
        return _logistic_loss_grad_hess(v, X1, y, C)[1]

    H = _logistic_loss_grad_hess(w, X1, y, C)[2]
    assert check_grad(f, g, w, coordinates=True, rng=rng) < 1e-7
    for i in range(w.size):  # row i of the Hessian is the gradient of g_i
        err = check_grad(
            lambda v, i=i: g(v)[i],
            lambda v, i=i: H[i],
            w,
            coordinates=True,
            rng=rng,
        )
        assert err < 1e-7


@pytest.mark.parametrize("C", [0.3, 5.0])
def test_multinomial_gradient_and_hessian_by_finite_differences(rng, C):
    X1, Y, w = small_problem(rng, K=3)

    def f(v):
        return _softmax_loss_grad_hess(v, X1, Y, C)[0]

    def g(v):
        return _softmax_loss_grad_hess(v, X1, Y, C)[1]

    H = _softmax_loss_grad_hess(w, X1, Y, C)[2]
    assert check_grad(f, g, w, coordinates=True, rng=rng) < 1e-7
    for i in range(w.size):
        err = check_grad(
            lambda v, i=i: g(v)[i],
            lambda v, i=i: H[i],
            w,
            coordinates=True,
            rng=rng,
        )
        assert err < 1e-7


def test_loss_is_the_penalized_cross_entropy(rng):
    X1, y, w = small_problem(rng)
    p = expit(X1 @ w)
    expected = (
        -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) + w[1:] @ w[1:] / 4
    )
    loss = _logistic_loss_grad_hess(w, X1, y, 2.0)[0]
    assert_allclose(loss, expected, **DIRECT)


def test_hessian_is_symmetric_positive_definite(rng):
    X1, y, w = small_problem(rng)
    H = _logistic_loss_grad_hess(w * 5, X1, y, 1.0)[2]
    assert_allclose(H, H.T, rtol=0, atol=1e-12)
    assert np.min(np.linalg.eigvalsh(H)) > 0


def test_multinomial_hessian_is_singular_only_along_the_intercepts_sum(rng):
    X1, Y, w = small_problem(rng, K=3)
    _, grad, H = _softmax_loss_grad_hess(w, X1, Y, 1.0)
    assert_allclose(H, H.T, rtol=0, atol=1e-12)
    u = np.r_[np.ones(3), np.zeros(9)] / np.sqrt(3)
    eig = np.linalg.eigvalsh(H)
    assert abs(eig[0]) < 1e-10 and eig[1] > 1e-3  # one zero eigenvalue ...
    assert_allclose(H @ u, 0, atol=1e-10)  # ... along u
    assert abs(grad @ u) < 1e-10  # and the gradient never moves along it


def test_irls_step_is_newtons_first_step_and_fixes_the_minimum():
    X1, C = design(X_BC), 1.0
    w1 = _irls_step(np.zeros(31), X1, Y_BC, C)
    with pytest.warns(ConvergenceWarning, match="max_iter=1 "):
        one = LogisticRegression(C=C, max_iter=1).fit(X_BC, Y_BC)
    assert_allclose(np.r_[one.intercept_, one.coef_[0]], w1, **DIRECT)
    best = LogisticRegression(C=C).fit(X_BC, Y_BC)
    w_star = np.r_[best.intercept_, best.coef_[0]]
    assert_allclose(
        _irls_step(w_star, X1, Y_BC, C), w_star, rtol=0, atol=1e-12
    )


def test_newton_converges_quadratically():
    # once the steps are small, each is about the square of the one before
    X1, C = design(X_BC), 1.0
    w, steps = np.zeros(31), []
    for _ in range(12):
        new = _irls_step(w, X1, Y_BC, C)
        steps.append(np.max(np.abs(new - w)))
        w = new
    assert steps[-1] < 1e-13
    pairs = [(a, b) for a, b in pairwise(steps) if a < 1e-2 and b > 1e-13]
    assert len(pairs) >= 2
    assert all(b < 5 * a**2 for a, b in pairs)


# ------------------------------------------------------------ probabilities
def test_sigmoid_equals_expit_without_overflow():
    z = np.r_[-1e6, -800.0, -30.0, -1.0, 0.0, 1e-3, 2.0, 40.0, 800.0, 1e6]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert_allclose(_sigmoid(z), expit(z), rtol=1e-15, atol=0)
        assert_allclose(_sigmoid(z) + _sigmoid(-z), 1.0, rtol=1e-15, atol=0)


@pytest.mark.parametrize(
    ("X", "y"), [(X_BC, Y_BC), (X_IRIS, Y_IRIS)], ids=["binary", "multinomial"]
)
def test_probabilities_are_consistent(X, y):
    model = LogisticRegression(C=0.1).fit(X, y)
    P = model.predict_proba(X)
    assert P.shape == (len(X), model.classes_.size)
    assert np.max(np.abs(model.decision_function(X))) < 30  # so P < 1 exactly
    assert np.all((P > 0) & (P < 1))
    assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert_allclose(
        np.log(P), model.predict_log_proba(X), rtol=1e-12, atol=1e-12
    )
    assert_array_equal(model.predict(X), model.classes_[np.argmax(P, axis=1)])
    assert model.score(X, y) == np.mean(model.predict(X) == y)


@pytest.mark.parametrize(
    ("X", "y"), [(X_BC, Y_BC), (X_IRIS, Y_IRIS)], ids=["binary", "multinomial"]
)
def test_huge_scores_do_not_overflow(X, y):
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise"):
        warnings.simplefilter("error")
        model = LogisticRegression().fit(X, y)
        huge = X * 1e4
        assert np.max(np.abs(model.decision_function(huge))) > 1e3
        P = model.predict_proba(huge)
        log_P = model.predict_log_proba(huge)
        assert np.all(np.isfinite(log_P)) and np.all(log_P <= 0)
        assert np.all((P >= 0) & (P <= 1))
        assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)
        # fitting on the huge data works too: the penalty keeps the weights finite.
        # Newton's damped steps need more iterations before the fast phase at this
        # scale (iris took 132 on one machine, under 100 on another): allow 400.
        big = LogisticRegression(C=1.0, max_iter=400).fit(huge, y)
        assert np.all(np.isfinite(big.coef_))
        assert big.score(huge, y) >= model.score(X, y) - 0.02


# ------------------------------------------------------------------- labels
def test_string_labels_give_the_same_model():
    # in the data, 0 is malignant: as strings, "malignant" sorts second
    name_of = np.array(["malignant", "benign"])
    names = name_of[Y_BC]
    ours = LogisticRegression().fit(X_BC, names)
    numeric = LogisticRegression().fit(X_BC, Y_BC)
    assert_array_equal(ours.classes_, ["benign", "malignant"])
    assert_allclose(ours.coef_, -numeric.coef_, **DIRECT)
    assert_array_equal(ours.predict(X_BC), name_of[numeric.predict(X_BC)])
    assert ours.score(X_BC, names) == numeric.score(X_BC, Y_BC)
    close_to_sklearn(ours, sk_fit(X_BC, names, 1.0), X_BC)


def test_labels_are_sorted_and_the_positive_class_is_the_larger():
    y = np.where(
        Y_BC == 1, -5, 7
    )  # class 1 of the data is now -5, the smaller
    model = LogisticRegression().fit(X_BC, y)
    assert_array_equal(model.classes_, [-5, 7])
    assert_allclose(
        model.coef_, -LogisticRegression().fit(X_BC, Y_BC).coef_, **DIRECT
    )
    close_to_sklearn(model, sk_fit(X_BC, y, 1.0), X_BC)


def test_multiclass_string_labels():
    names = load_iris().target_names[Y_IRIS]
    ours = LogisticRegression().fit(X_IRIS, names)
    assert_array_equal(ours.classes_, ["setosa", "versicolor", "virginica"])
    assert set(ours.predict(X_IRIS)) <= set(ours.classes_)
    close_to_sklearn(ours, sk_fit(X_IRIS, names, 1.0), X_IRIS)


# ------------------------------------------------------------------ solvers
@pytest.mark.parametrize("n_classes", [2, 3])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_gradient_descent_reaches_newtons_solution(
    rng, n_classes, fit_intercept
):
    X = rng.standard_normal((200, 3))
    y = np.argmax(X @ rng.standard_normal((3, n_classes)) + 1.0, axis=1)
    y = np.where(rng.random(200) < 0.15, rng.integers(0, n_classes, 200), y)
    newton = LogisticRegression(fit_intercept=fit_intercept).fit(X, y)
    gd = LogisticRegression(
        solver="gd", max_iter=20_000, tol=1e-11, fit_intercept=fit_intercept
    ).fit(X, y)
    assert gd.n_iter_[0] > 10 * newton.n_iter_[0]
    assert_allclose(gd.coef_, newton.coef_, rtol=0, atol=1e-7)
    assert_allclose(gd.intercept_, newton.intercept_, rtol=0, atol=1e-7)


def test_gradient_descent_decreases_the_objective_every_step():
    # 1/L is below 2/L: each fixed step lowers the (L-smooth) objective
    X1, C = design(X_BC), 0.5
    losses = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for k in range(1, 30):
            m = LogisticRegression(C=C, solver="gd", max_iter=k).fit(
                X_BC, Y_BC
            )
            w = np.r_[m.intercept_, m.coef_[0]]
            losses.append(_logistic_loss_grad_hess(w, X1, Y_BC, C)[0])
    assert all(b < a for a, b in pairwise(losses))


@pytest.mark.parametrize(
    ("X", "y", "curvature"),
    [(X_BC, Y_BC, 1 / 4), (X_WINE, Y_WINE, 1 / 2)],
    ids=["binary", "multinomial"],
)
def test_gradient_descent_step_is_one_over_the_curvature_bound(
    X, y, curvature
):
    # the first step from 0 is -grad / L, L = (curvature ||X1||_2^2 + 1/C) / n,
    # the gradient that of the mean objective
    C, X1, n = 0.5, design(X), len(X)
    if curvature == 1 / 4:
        grad = _logistic_loss_grad_hess(np.zeros(X1.shape[1]), X1, y, C)[1]
    else:
        Y = np.eye(3)[y]
        grad = _softmax_loss_grad_hess(np.zeros(X1.shape[1] * 3), X1, Y, C)[1]
    L = (curvature * np.linalg.norm(X1, 2) ** 2 + 1 / C) / n
    with pytest.warns(ConvergenceWarning):
        m = LogisticRegression(C=C, solver="gd", max_iter=1).fit(X, y)
    W = np.vstack([m.intercept_, m.coef_.T]).ravel()
    assert_allclose(W, -grad / n / L, **DIRECT)


def test_too_few_iterations_warn():
    with pytest.warns(ConvergenceWarning, match="solver='gd'.*max_iter=100"):
        LogisticRegression(solver="gd").fit(X_BC, Y_BC)
    with pytest.warns(
        ConvergenceWarning, match="solver='newton'.*max_iter=2 "
    ):
        LogisticRegression(max_iter=2).fit(X_BC, Y_BC)


def test_penalty_shrinks_the_weights():
    norms = [
        np.linalg.norm(LogisticRegression(C=C).fit(X_BC, Y_BC).coef_)
        for C in np.geomspace(1e-3, 1e2, 6)
    ]
    assert all(a < b for a, b in pairwise(norms))


# ----------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("params", "data", "error", "match"),
    [
        ({"C": 0}, None, ValueError, r"C must be > 0; got 0\.0"),
        ({"C": -1.0}, None, ValueError, "C must be > 0"),
        ({"C": "1"}, None, TypeError, "C must be a real number; got str '1'"),
        ({"C": np.inf}, None, ValueError, "C must be finite"),
        (
            {"solver": "lbfgs"},
            None,
            ValueError,
            r"solver must be one of 'newton', 'gd'; got 'lbfgs'",
        ),
        ({"max_iter": 0}, None, ValueError, "max_iter must be >= 1"),
        ({"max_iter": 2.5}, None, TypeError, "max_iter must be an integer"),
        ({"tol": -1e-3}, None, ValueError, "tol must be >= 0"),
        (
            {"fit_intercept": "yes"},
            None,
            TypeError,
            "fit_intercept must be True",
        ),
        (
            {},
            (X_BC, np.zeros(len(X_BC))),
            ValueError,
            "at least two classes; got only 0",
        ),
        ({}, (X_BC, np.full(len(X_BC), "a")), ValueError, "got only 'a'"),
        (
            {},
            (np.where(X_BC > 2, np.nan, X_BC), Y_BC),
            ValueError,
            "X must contain only finite",
        ),
        (
            {},
            (X_BC, Y_BC[:-1]),
            ValueError,
            "y must have one label per row of X",
        ),
        ({}, (X_BC[:, 0], Y_BC), ValueError, "X must be 2-D"),
        (
            {},
            (X_BC, np.where(Y_BC, np.nan, 0.0)),
            ValueError,
            "y must not contain NaN",
        ),
        ({}, (X_BC, Y_BC[:, None]), ValueError, "y must be 1-D"),
        (
            {},
            (X_BC.astype(str), Y_BC),
            TypeError,
            "X must be an array of numbers",
        ),
    ],
)
def test_bad_input(params, data, error, match):
    model = LogisticRegression(**params)  # no validation at construction
    with pytest.raises(error, match=match):
        model.fit(*(data or (X_BC, Y_BC)))


@pytest.mark.parametrize(
    "method",
    ["predict", "predict_proba", "predict_log_proba", "decision_function"],
)
def test_not_fitted_and_wrong_width(method):
    with pytest.raises(NotFittedError, match="not fitted"):
        getattr(LogisticRegression(), method)(X_BC)
    fitted = LogisticRegression().fit(X_BC, Y_BC)
    with pytest.raises(
        ValueError, match="X has 3 features, but LogisticRegression was fitted with 30"
    ):
        getattr(fitted, method)(X_BC[:, :3])


def test_a_stalled_newton_says_so_not_max_iter():
    # separable, C huge: the loss flattens below rounding before the step
    # is small, so step halving finds no decrease long before max_iter
    x = np.array([-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2.0])[:, None]
    y = np.r_[[0] * 4, [1] * 4]
    with pytest.warns(ConvergenceWarning, match=r"stopped after \d+ steps"):
        m = LogisticRegression(C=1e8).fit(x, y)
    assert m.n_iter_[0] < 100
    assert np.all(m.predict(x) == y)
