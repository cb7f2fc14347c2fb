"""SVC against scikit-learn's (LIBSVM) on small problems, the KKT conditions at
convergence, the SMO step's exactness and monotone dual, and bad input."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.optimize import minimize_scalar
from sklearn import svm as sk
from sklearn.base import clone as sk_clone
from sklearn.datasets import (
    load_breast_cancer,
    load_iris,
    make_blobs,
    make_circles,
    make_moons,
)
from sklearn.metrics.pairwise import (
    linear_kernel,
    polynomial_kernel,
    rbf_kernel,
)
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import StandardScaler

from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import SVC
from mathforml.models._svm import (
    _kernel_matrix,
    _select_pair,
    _smo,
    _smo_step,
)
from tolerances import DIRECT

TOL = 1e-6  # the stopping tolerance of both solvers in the comparisons
#: Both solvers stop with every KKT condition met to TOL, but the dual's
#: maximizer is flat in some directions, so two such points can differ by more
#: than TOL: a rigorous bound on f from TOL is O(sqrt(C n TOL)), too loose to
#: test. Observed on the problems below: <= 3e-5 of max |f| (LIBSVM keeps the
#: kernel in single precision). The dual objective, flat at its maximum, agrees
#: far better: observed <= 2e-10 relative.
DECISION_RTOL = 1e-4
DUAL_RTOL = 1e-8
ROUNDING = 1e-9  # slack for f recomputed from scratch instead of SMO's G


def _problems():
    iris_X, iris_y = load_iris(return_X_y=True)
    bc_X, bc_y = load_breast_cancer(return_X_y=True)
    rows = np.random.default_rng(0).choice(len(bc_y), 200, replace=False)
    bc_X = StandardScaler().fit_transform(bc_X[rows])
    return {
        "iris-versicolor-virginica": (iris_X[50:], iris_y[50:]),
        "iris-setosa-versicolor": (iris_X[:100], iris_y[:100]),
        "breast-cancer-200": (bc_X, bc_y[rows]),
        "moons": make_moons(200, noise=0.25, random_state=0),
        "circles": make_circles(200, noise=0.1, factor=0.5, random_state=0),
        "blobs": make_blobs(150, centers=2, cluster_std=2.0, random_state=0),
    }


PROBLEMS = _problems()


def alpha_of(model, n):
    """The full alpha vector (0 off the support) and y in {-1, +1}."""
    alpha = np.zeros(n)
    alpha[model.support_] = np.abs(model.dual_coef_[0])
    return alpha


def dual_objective(alpha, y, K):
    ay = alpha * y
    return alpha.sum() - ay @ K @ ay / 2


def gram(model, X):
    return _kernel_matrix(X, X, model.kernel, *model._kernel_params)


def pm(y, classes):
    return np.where(y == classes[1], 1.0, -1.0)


# ---------------------------------------------------------------- scikit-learn
@pytest.mark.parametrize("name", PROBLEMS)
@pytest.mark.parametrize("kernel", ["rbf", "linear", "poly"])
@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_equals_sklearn(name, kernel, C):
    X, y = PROBLEMS[name]
    if (name, kernel, C) == ("blobs", "poly", 10.0):
        C = 3.0  # C = 10 takes 10^5 first-order steps there: too slow a test
    ours = SVC(kernel=kernel, C=C, tol=TOL).fit(X, y)
    theirs = sk.SVC(kernel=kernel, C=C, tol=TOL).fit(X, y)
    f_ours, f_theirs = ours.decision_function(X), theirs.decision_function(X)
    scale = np.max(np.abs(f_theirs))
    assert_allclose(f_ours, f_theirs, rtol=0, atol=DECISION_RTOL * scale)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_array_equal(ours.classes_, theirs.classes_)
    # Identical samples (iris has some) make the dual's solution non-unique: either
    # copy may carry the weight. Compare alphas summed over identical samples.
    a_ours, a_theirs = alpha_of(ours, len(y)), alpha_of(theirs, len(y))
    same = np.unique(np.column_stack([X, y]), axis=0, return_inverse=True)[1].ravel()
    m_ours, m_theirs = np.bincount(same, a_ours), np.bincount(same, a_theirs)
    assert_array_equal(m_ours > 0, m_theirs > 0)  # the same support, up to copies
    assert_allclose(m_ours, m_theirs, rtol=0, atol=1e-3 * C)
    if len(np.unique(same)) == len(y):  # no copies: the very same support
        assert_array_equal(ours.support_, np.sort(theirs.support_))
    K, y_pm = gram(ours, X), pm(y, ours.classes_)
    d_ours = dual_objective(alpha_of(ours, len(y)), y_pm, K)
    d_theirs = dual_objective(alpha_of(theirs, len(y)), y_pm, K)
    assert_allclose(d_ours, d_theirs, rtol=DUAL_RTOL, atol=0)
    assert ours.score(X, y) == theirs.score(X, y)
    assert ours.dual_coef_.shape == (1, ours.support_.size)
    assert ours.support_vectors_.shape == (ours.support_.size, X.shape[1])
    assert ours.intercept_.shape == (1,) and ours.n_iter_.shape == (1,)
    assert ours.n_iter_.dtype.kind == "i" and ours.n_features_in_ == X.shape[1]


@pytest.mark.parametrize("gamma", ["scale", "auto", 0.05, 2.0])
def test_gamma_equals_sklearn(gamma):
    X, y = PROBLEMS["breast-cancer-200"]
    X = X * 3 + 1  # X.var() != 1, so "scale" and "auto" differ
    ours = SVC(gamma=gamma, tol=TOL).fit(X, y)
    theirs = sk.SVC(gamma=gamma, tol=TOL).fit(X, y)
    f = theirs.decision_function(X)
    assert_allclose(
        ours.decision_function(X),
        f,
        rtol=0,
        atol=DECISION_RTOL * np.max(np.abs(f)),
    )
    expected = {"scale": 1 / (X.shape[1] * X.var()), "auto": 1 / X.shape[1]}
    assert ours._kernel_params[0] == expected.get(gamma, gamma)


def test_poly_degree_and_coef0_equal_sklearn():
    X, y = PROBLEMS["moons"]
    params = dict(kernel="poly", degree=2, coef0=1.5, gamma=0.7, C=2.0)
    ours = SVC(tol=TOL, **params).fit(X, y)
    theirs = sk.SVC(tol=TOL, **params).fit(X, y)
    f = theirs.decision_function(X)
    assert_allclose(
        ours.decision_function(X),
        f,
        rtol=0,
        atol=DECISION_RTOL * np.max(np.abs(f)),
    )


def test_linear_primal_weights_equal_sklearn_coef():
    X, y = PROBLEMS["breast-cancer-200"]
    ours = SVC(kernel="linear", C=0.5, tol=TOL).fit(X, y)
    theirs = sk.SVC(kernel="linear", C=0.5, tol=TOL).fit(X, y)
    w = ours.dual_coef_ @ ours.support_vectors_  # w = sum_i alpha_i y_i x_i
    scale = np.max(np.abs(theirs.coef_))
    assert_allclose(w, theirs.coef_, rtol=0, atol=DECISION_RTOL * scale)
    # and the decision function is the linear one, x^T w + b
    assert_allclose(
        ours.decision_function(X), X @ w[0] + ours.intercept_, **DIRECT
    )


def test_string_labels_and_the_sign_convention():
    X, y = PROBLEMS["moons"]
    labels = np.array(["zebra", "ant"])[y]  # sorted: "ant" is classes_[0]
    ours = SVC(tol=TOL).fit(X, labels)
    theirs = sk.SVC(tol=TOL).fit(X, labels)
    assert_array_equal(ours.classes_, ["ant", "zebra"])
    f = ours.decision_function(X)
    assert_array_equal(ours.predict(X), np.where(f > 0, "zebra", "ant"))
    assert_array_equal(ours.predict(X), theirs.predict(X))
    atol = DECISION_RTOL * np.max(np.abs(f))
    assert_allclose(f, theirs.decision_function(X), rtol=0, atol=atol)
    # swapping the two labels negates the scores
    swapped = SVC(tol=TOL).fit(X, np.array(["ant", "zebra"])[y])
    assert_allclose(swapped.decision_function(X), -f, rtol=0, atol=atol)


def test_one_vs_rest_wraps_it_for_more_classes():
    X, y = load_iris(return_X_y=True)
    ours = OneVsRestClassifier(SVC(C=2.0, tol=TOL)).fit(X, y)
    theirs = OneVsRestClassifier(sk.SVC(C=2.0, tol=TOL)).fit(X, y)
    f_ours, f_theirs = ours.decision_function(X), theirs.decision_function(X)
    assert f_ours.shape == (150, 3)
    atol = DECISION_RTOL * np.max(np.abs(f_theirs))
    assert_allclose(f_ours, f_theirs, rtol=0, atol=atol)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert ours.score(X, y) > 0.9
    assert sk_clone(SVC(C=3.0)).get_params()["C"] == 3.0


@pytest.mark.parametrize(
    ("kernel", "oracle", "params"),
    [
        ("linear", linear_kernel, {}),
        ("rbf", rbf_kernel, {"gamma": 0.3}),
        ("poly", polynomial_kernel, {"gamma": 0.3, "degree": 3, "coef0": 1}),
    ],
)
def test_kernel_matrix_equals_sklearn_pairwise(rng, kernel, oracle, params):
    X, Z = rng.normal(size=(7, 4)), rng.normal(size=(5, 4))
    args = params.get("gamma"), params.get("degree"), params.get("coef0")
    K = _kernel_matrix(X, Z, kernel, *args)
    assert K.shape == (7, 5)
    assert_allclose(K, oracle(X, Z, **params), **DIRECT)


def test_callable_kernel_equals_builtin_rbf():
    X, y = PROBLEMS["circles"]
    builtin = SVC(kernel="rbf", gamma=0.8, C=2.0, tol=TOL).fit(X, y)
    # the same formula as a callable: the same arithmetic, the same model
    ours = SVC(
        kernel=lambda A, B: _kernel_matrix(A, B, "rbf", 0.8, 3, 0.0),
        C=2.0,
        tol=TOL,
    ).fit(X, y)
    assert_array_equal(ours.support_, builtin.support_)
    assert_array_equal(ours.dual_coef_, builtin.dual_coef_)
    assert_array_equal(ours.decision_function(X), builtin.decision_function(X))
    # scikit-learn's rbf_kernel rounds differently, so SMO takes another path
    # to another point that meets tol: compare as with scikit-learn's SVC
    theirs = SVC(
        kernel=lambda A, B: rbf_kernel(A, B, gamma=0.8), C=2.0, tol=TOL
    ).fit(X, y)
    f = builtin.decision_function(X)
    assert_array_equal(theirs.support_, builtin.support_)
    assert_allclose(
        theirs.decision_function(X),
        f,
        rtol=0,
        atol=DECISION_RTOL * np.max(np.abs(f)),
    )


def test_constant_features_use_gamma_one_as_sklearn():
    X = np.ones((6, 2))
    y = np.array([0, 1, 0, 1, 1, 1])
    ours, theirs = SVC().fit(X, y), sk.SVC().fit(X, y)
    assert ours._kernel_params[0] == 1.0
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(
        ours.decision_function(X), theirs.decision_function(X), atol=1e-6
    )


# ------------------------------------------------------------ KKT and the dual
@pytest.mark.parametrize("name", PROBLEMS)
@pytest.mark.parametrize("kernel", ["rbf", "linear"])
@pytest.mark.parametrize("tol", [1e-3, 1e-6])
def test_kkt_conditions_hold_at_convergence(name, kernel, tol):
    X, y = PROBLEMS[name]
    C = 1.0
    model = SVC(kernel=kernel, C=C, tol=tol).fit(X, y)
    alpha, y_pm = alpha_of(model, len(y)), pm(y, model.classes_)
    margin = y_pm * model.decision_function(X)  # y_i f(x_i)
    slack = tol + ROUNDING
    assert np.all((alpha >= 0) & (alpha <= C))  # exactly: the step clips
    assert abs(alpha @ y_pm) < 1e-10 * C * len(y)
    at_zero, at_C = alpha == 0, alpha == C
    free = ~at_zero & ~at_C
    assert np.all(margin[at_zero] >= 1 - slack)
    assert np.all(np.abs(margin[free] - 1) <= slack)
    assert np.all(margin[at_C] <= 1 + slack)
    # linear on the circles puts every alpha at C: no free vector at all
    assert (
        at_C.all() if (name, kernel) == ("circles", "linear") else free.any()
    )
    assert_array_equal(model.support_, np.flatnonzero(alpha > 0))
    # b is LIBSVM's: the average over the free vectors of y_i - sum_k a_k y_k K_ik
    if free.any():
        K = gram(model, X)
        b_free = y_pm[free] - K[free] @ (alpha * y_pm)
        assert_allclose(model.intercept_, [b_free.mean()], rtol=0, atol=1e-10)


def test_duplicate_points_with_both_labels_equal_sklearn():
    # a pair of equal rows with different labels has zero curvature along
    # its direction: the step goes to a bound (LIBSVM's floor _TAU)
    X, y = PROBLEMS["moons"]
    X, y = np.vstack([X, X[:20]]), np.r_[y, 1 - y[:20]]
    ours = SVC(C=0.5, tol=TOL).fit(X, y)
    theirs = sk.SVC(C=0.5, tol=TOL).fit(X, y)
    f = theirs.decision_function(X)
    atol = DECISION_RTOL * np.max(np.abs(f))
    assert_allclose(ours.decision_function(X), f, rtol=0, atol=atol)
    assert_array_equal(ours.predict(X), theirs.predict(X))


def smo_problem(name="moons", C=1.0):
    X, y = PROBLEMS[name]
    y_pm = np.where(y == 1, 1.0, -1.0)
    return _kernel_matrix(X, X, "rbf", 1.0, 3, 0.0), y_pm, C


def test_dual_objective_increases_at_every_step():
    K, y, C = smo_problem(C=5.0)
    alpha, G = np.zeros(y.size), -np.ones(y.size)
    values = [dual_objective(alpha, y, K)]
    for _ in range(300):
        i, j, violation = _select_pair(G, y, alpha, C)
        assert violation > 0 and i != j
        t = _smo_step(i, j, alpha, G, K, y, C)
        assert t > 0
        values.append(dual_objective(alpha, y, K))
        assert np.all((alpha >= 0) & (alpha <= C))
    values = np.array(values)
    assert np.all(np.diff(values) > -1e-12 * np.abs(values[1:]))
    assert np.sum(np.diff(values) > 0) >= 290  # strictly, but for rounding
    # the incremental gradient is still Q alpha - 1, and sum alpha y is 0
    Q = np.outer(y, y) * K
    assert_allclose(G, Q @ alpha - 1, rtol=0, atol=1e-10)
    assert abs(alpha @ y) < 1e-10 * C


def test_smo_step_is_the_best_point_of_its_segment():
    K, y, C = smo_problem(C=2.0)
    alpha = _smo(K, y, C, 1e-1, 40)[0]  # somewhere along the way
    for _ in range(20):
        G = np.outer(y, y) * K @ alpha - 1
        i, j, _ = _select_pair(G, y, alpha, C)
        u = np.zeros(y.size)
        u[i], u[j] = y[i], -y[j]  # the direction; sum u y = 0
        room_i = C - alpha[i] if y[i] > 0 else alpha[i]
        room_j = alpha[j] if y[j] > 0 else C - alpha[j]
        best = minimize_scalar(
            lambda s, a=alpha, u=u: -dual_objective(a + s * u, y, K),
            bounds=(0, min(room_i, room_j)),
            method="bounded",
            options={"xatol": 1e-12},
        )
        t = _smo_step(i, j, alpha, G, K, y, C)
        assert_allclose(t, best.x, rtol=1e-6, atol=1e-9)


def test_select_pair_at_the_start():
    # alpha = 0, G = -1: -y G = y, up = the positives, low = the negatives
    y = np.array([-1.0, 1.0, 1.0, -1.0])
    i, j, violation = _select_pair(-np.ones(4), y, np.zeros(4), 1.0)
    assert (i, j, violation) == (1, 0, 2.0)
    # a positive at C may not rise, a negative at C may not fall
    alpha = np.array([0.0, 1.0, 0.5, 0.5])
    G = np.array([-1.0, -3.0, -2.0, 0.5])
    i, j, violation = _select_pair(G, y, alpha, 1.0)  # -yG = [-1, 3, 2, .5]
    assert (i, j, violation) == (2, 0, 3.0)


def test_two_points_by_hand():
    # x = -1, +1: the margin is the whole gap, alpha = 1/2, f(x) = x, one step
    X, y = np.array([[-1.0], [1.0]]), np.array([0, 1])
    hard = SVC(kernel="linear", C=100.0).fit(X, y)
    assert_allclose(hard.dual_coef_, [[-0.5, 0.5]], **DIRECT)
    assert_allclose(hard.intercept_, [0.0], rtol=0, atol=1e-15)
    assert_allclose(hard.decision_function([[0.3]]), [0.3], **DIRECT)
    assert hard.n_iter_[0] == 1
    # C = 1/4 caps both: no free vector, b is the middle of [M, m]
    soft = SVC(kernel="linear", C=0.25).fit(X, y)
    assert_allclose(soft.dual_coef_, [[-0.25, 0.25]], **DIRECT)
    assert_allclose(soft.decision_function(X), [-0.5, 0.5], **DIRECT)
    theirs = sk.SVC(kernel="linear", C=0.25).fit(X, y)
    assert_allclose(theirs.decision_function(X), [-0.5, 0.5], atol=1e-6)


def test_max_iter_warns_and_a_last_step_that_converges_does_not():
    X, y = PROBLEMS["moons"]
    with pytest.warns(ConvergenceWarning, match=r"max_iter=5 steps"):
        model = SVC(max_iter=5).fit(X, y)
    assert model.n_iter_[0] == 5
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # one step solves the two-point problem
        SVC(kernel="linear", C=100.0, max_iter=1).fit([[-1.0], [1.0]], [0, 1])
        SVC(tol=1e-3).fit(X, y)  # max_iter=-1: no limit, no warning


# ------------------------------------------------------------------ bad input
X_M, Y_M = PROBLEMS["moons"]


@pytest.mark.parametrize(
    ("params", "data", "error", "match"),
    [
        ({"C": 0.0}, None, ValueError, "C must be > 0"),
        ({"C": -1.0}, None, ValueError, "C must be > 0"),
        ({"C": "1"}, None, TypeError, "C must be a real number"),
        (
            {"kernel": "sigmoid"},
            None,
            ValueError,
            r"kernel must be one of \('linear', 'poly', 'rbf'\) or a callable"
            r".*'sigmoid'",
        ),
        ({"gamma": 0.0}, None, ValueError, "gamma must be > 0"),
        ({"gamma": -2.0}, None, ValueError, "gamma must be > 0"),
        ({"gamma": "big"}, None, ValueError, "gamma must be 'scale', 'auto'"),
        ({"degree": 0}, None, ValueError, "degree must be >= 1"),
        ({"degree": 2.5}, None, TypeError, "degree must be an integer"),
        ({"tol": 0.0}, None, ValueError, "tol must be > 0"),
        ({"max_iter": 0}, None, ValueError, r"max_iter must be -1 \(no"),
        ({"max_iter": -2}, None, ValueError, "max_iter must be >= -1"),
        (
            {"kernel": lambda A, B: A @ B.T[:, :1]},
            None,
            ValueError,
            r"kernel\(X, Z\) must return shape \(200, 200\)",
        ),
        (
            {},
            (X_M, np.arange(200) % 3),
            ValueError,
            r"binary classifier; y has 3 classes \[0, 1, 2\].*"
            "OneVsRestClassifier",
        ),
        ({}, (X_M, np.zeros(200)), ValueError, "two classes; got only 0.0"),
        ({}, (X_M, np.full(200, "a")), ValueError, "got only 'a'"),
        (
            {},
            (np.where(X_M > 1.5, np.nan, X_M), Y_M),
            ValueError,
            "X must contain only finite numbers",
        ),
        ({}, (X_M, Y_M[:-1]), ValueError, "one label per row of X"),
        ({}, (X_M[:, 0], Y_M), ValueError, "X must be 2-D"),
        ({}, (X_M, np.where(Y_M, np.nan, 0.0)), ValueError, "y must not"),
    ],
)
def test_bad_input(params, data, error, match):
    model = SVC(**params)  # no validation at construction
    with pytest.raises(error, match=match):
        model.fit(*(data or (X_M, Y_M)))


@pytest.mark.parametrize("method", ["predict", "decision_function"])
def test_not_fitted_and_wrong_width(method):
    with pytest.raises(NotFittedError, match="not fitted"):
        getattr(SVC(), method)(X_M)
    with pytest.raises(NotFittedError, match="not fitted"):
        SVC().score(X_M, Y_M)
    fitted = SVC().fit(X_M, Y_M)
    with pytest.raises(
        ValueError, match="X has 1 features, but SVC was fitted with 2"
    ):
        getattr(fitted, method)(X_M[:, :1])
