"""LinearRegression and BayesianLinearRegression against scikit-learn (diabetes
and random data, rank-deficient designs), gradient descent against the normal
equations, the gradient by finite differences, and the Bayesian posterior
against its closed form, ridge, a pinned BayesianRidge and Monte Carlo."""

import warnings

import numpy as np
import pytest
from numpy.linalg import norm
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import linear_model as sk
from sklearn.datasets import load_diabetes
from sklearn.preprocessing import StandardScaler

from mathforml.calculus import check_grad
from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import BayesianLinearRegression, LinearRegression
from mathforml.models._regression import (
    _mse,
    _mse_gradient,
    _normal_equations,
    _posterior,
)
from tolerances import DIRECT, FINITE_DIFF

X_DIA, Y_DIA = load_diabetes(return_X_y=True)
X_STD = StandardScaler().fit_transform(X_DIA)
#: scikit-learn >= 1.7 has LinearRegression(tol=1e-6): singular values below
#: tol times the largest count as zero (before: scipy's default, eps)
SKLEARN_CUTS_AT_TOL = "tol" in sk.LinearRegression().get_params()
#: gradient descent stops at ||grad|| <= 1e-10; the weights are then right to
#: about 1e-10 / (smallest Hessian eigenvalue), far below this
GD = dict(rtol=0, atol=1e-7)


def random_problem(rng, n, d, *, noise=0.1):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3, size=d) + rng.normal(
        size=d
    )
    y = X @ rng.normal(size=d) + 4.0 + noise * rng.normal(size=n)
    return X, y


def rank_deficient_designs(rng):
    """A repeated column, a combination of columns, a constant column, and
    more features than samples."""
    A = rng.normal(size=(30, 4))
    yield np.column_stack([A, A[:, 1]]), rng.normal(size=30)
    yield np.column_stack([A, A[:, 0] - 2 * A[:, 3]]), rng.normal(size=30)
    yield np.column_stack([A, np.full(30, 3.0)]), rng.normal(size=30)
    yield rng.normal(size=(8, 20)), rng.normal(size=8)


def close_to_sklearn(ours, theirs, X, y):
    scale = max(np.max(np.abs(theirs.coef_)), 1.0)
    assert_allclose(ours.coef_, theirs.coef_, rtol=0, atol=1e-9 * scale)
    assert_allclose(
        ours.intercept_, theirs.intercept_, rtol=1e-9, atol=1e-9 * scale
    )
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=1e-9, atol=1e-8)
    assert ours.score(X, y) == pytest.approx(
        theirs.score(X, y), rel=1e-12, abs=1e-12
    )
    assert isinstance(ours.intercept_, float)
    assert ours.coef_.shape == (X.shape[1],)


def mse_lipschitz(X, fit_intercept=True):
    Xc = X - X.mean(0) if fit_intercept else X
    return np.linalg.eigvalsh(2 / len(X) * Xc.T @ Xc)[-1]


# ------------------------------------------------------ LinearRegression
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_equals_sklearn_on_diabetes(fit_intercept):
    ours = LinearRegression(fit_intercept=fit_intercept).fit(X_DIA, Y_DIA)
    theirs = sk.LinearRegression(fit_intercept=fit_intercept).fit(X_DIA, Y_DIA)
    close_to_sklearn(ours, theirs, X_DIA, Y_DIA)
    assert ours.n_iter_ is None and ours.n_features_in_ == 10


@pytest.mark.parametrize("shape", [(5, 1), (50, 3), (200, 12), (13, 12)])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_equals_sklearn_on_random_data(rng, shape, fit_intercept):
    X, y = random_problem(rng, *shape)
    ours = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    theirs = sk.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    close_to_sklearn(ours, theirs, X, y)


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_rank_deficient_X_gives_sklearns_minimum_norm_solution(
    rng, fit_intercept
):
    for X, y in rank_deficient_designs(rng):
        ours = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
        theirs = sk.LinearRegression(fit_intercept=fit_intercept).fit(X, y)
        assert_allclose(ours.predict(X), theirs.predict(X), **DIRECT)
        # the minimum-norm weights are unique, so they compare too. Before
        # 1.7, scikit-learn's cutoff (eps times the largest singular value)
        # can keep a rounding-level singular value of a centered wide X_c, and
        # its weights then differ from the minimum-norm ones (not its fit).
        Xc = X - X.mean(0) if fit_intercept else X
        yc = y - y.mean() if fit_intercept else y
        assert_allclose(ours.coef_, np.linalg.pinv(Xc) @ yc, **DIRECT)
        if SKLEARN_CUTS_AT_TOL:
            assert_allclose(ours.coef_, theirs.coef_, rtol=1e-8, atol=1e-10)


def test_ill_conditioned_full_rank_X_is_not_truncated(rng):
    # cond(X_c) about 1e6: lstsq must keep the small singular value
    X, y = random_problem(rng, 100, 3)
    X[:, 1] = X[:, 0] + 1e-6 * rng.normal(size=100)
    ours = LinearRegression().fit(X, y)
    # scikit-learn >= 1.7 would drop it (tol=1e-6): give it NumPy's cutoff
    cutoff = {"tol": np.finfo(float).eps * max(X.shape)}
    theirs = sk.LinearRegression(
        **(cutoff if SKLEARN_CUTS_AT_TOL else {})
    ).fit(X, y)
    assert np.linalg.cond(X - X.mean(0)) > 1e5
    kappa_eps = np.linalg.cond(X - X.mean(0)) * np.finfo(float).eps
    scale = np.max(np.abs(theirs.coef_))
    assert_allclose(
        ours.coef_, theirs.coef_, rtol=0, atol=100 * kappa_eps * scale
    )
    assert_allclose(ours.predict(X), theirs.predict(X), **DIRECT)


def test_single_sample_with_intercept(rng):
    # X_c = 0: every weight fits; both solvers return w = 0 and b = y, as sklearn
    X, y = rng.normal(size=(1, 3)), np.array([2.5])
    theirs = sk.LinearRegression().fit(X, y)
    for solver in ("normal", "gd"):
        ours = LinearRegression(solver=solver).fit(X, y)
        assert_array_equal(ours.coef_, theirs.coef_)
        assert ours.intercept_ == theirs.intercept_ == 2.5


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_gradient_descent_agrees_with_the_normal_equations(rng, fit_intercept):
    X, y = random_problem(rng, 100, 6)
    X = StandardScaler().fit_transform(X)
    for data, max_iter in [((X, y), 10_000), ((X_STD, Y_DIA), 50_000)]:
        normal = LinearRegression(fit_intercept=fit_intercept).fit(*data)
        with warnings.catch_warnings():
            warnings.simplefilter("error", ConvergenceWarning)
            gd = LinearRegression(
                solver="gd", fit_intercept=fit_intercept, max_iter=max_iter
            ).fit(*data)
        assert 1 < gd.n_iter_ < max_iter
        assert_allclose(gd.coef_, normal.coef_, **GD)
        assert_allclose(gd.intercept_, normal.intercept_, **GD)
        assert_allclose(gd.predict(data[0]), normal.predict(data[0]), **GD)


def test_gradient_descent_from_zero_reaches_the_minimum_norm_solution(rng):
    for X, y in rank_deficient_designs(rng):
        normal = LinearRegression().fit(X, y)
        gd = LinearRegression(solver="gd", max_iter=100_000).fit(X, y)
        assert_allclose(gd.coef_, normal.coef_, **GD)


def test_default_step_is_one_over_the_largest_hessian_eigenvalue(rng):
    X, y = random_problem(rng, 60, 4)
    default = LinearRegression(solver="gd").fit(X, y)
    explicit = LinearRegression(solver="gd", lr=1 / mse_lipschitz(X)).fit(X, y)
    half = LinearRegression(solver="gd", lr=0.5 / mse_lipschitz(X)).fit(X, y)
    assert default.n_iter_ == explicit.n_iter_ < half.n_iter_
    assert_array_equal(default.coef_, explicit.coef_)


def test_gradient_descent_warns_when_it_stops_early_or_diverges(rng):
    X, y = random_problem(rng, 60, 4)
    with pytest.warns(ConvergenceWarning, match="max_iter=5") as caught:
        model = LinearRegression(solver="gd", max_iter=5).fit(X, y)
    assert model.n_iter_ == 5
    assert "LinearRegression(solver='gd')" in str(caught[0].message)
    assert caught[0].filename == __file__  # points at the caller's fit
    with pytest.warns(ConvergenceWarning, match="diverged"):
        LinearRegression(solver="gd", lr=3 / mse_lipschitz(X)).fit(X, y)


def test_normal_equations_hold_at_the_solution(rng):
    X, y = random_problem(rng, 40, 5)
    w = _normal_equations(X, y)
    assert_allclose(X.T @ X @ w, X.T @ y, **DIRECT)
    assert_allclose(w, np.linalg.solve(X.T @ X, X.T @ y), **DIRECT)
    assert_allclose(_mse_gradient(w, X, y), 0, rtol=0, atol=1e-10)


@pytest.mark.parametrize("shape", [(1, 1), (7, 3), (50, 10)])
def test_mse_gradient_by_finite_differences(rng, shape):
    X, y = random_problem(rng, *shape)
    w = rng.normal(size=shape[1])
    err = check_grad(
        lambda v: _mse(v, X, y),
        lambda v: _mse_gradient(v, X, y),
        w,
        coordinates=True,
        rng=rng,
    )
    assert err < FINITE_DIFF["rtol"]
    assert _mse(w, X, y) == pytest.approx(np.mean((y - X @ w) ** 2))


def test_fit_returns_self_and_repr():
    model = LinearRegression(solver="gd", lr=0.1)
    assert model.fit(X_STD[:, :2], Y_DIA) is model
    assert model.n_iter_ < 10_000
    assert repr(model) == (
        "LinearRegression(fit_intercept=True, lr=0.1, max_iter=10000, "
        "solver='gd', tol=1e-10)"
    )


# -------------------------------------------- BayesianLinearRegression
PRECISIONS = [(1.0, 1.0), (0.01, 1 / 3000), (5.0, 2.0), (1e-4, 10.0)]


@pytest.mark.parametrize(("alpha", "beta"), PRECISIONS)
def test_posterior_mean_is_ridge_with_penalty_alpha_over_beta(alpha, beta):
    model = BayesianLinearRegression(alpha=alpha, beta=beta).fit(X_DIA, Y_DIA)
    ridge = sk.Ridge(alpha=alpha / beta, fit_intercept=False).fit(X_DIA, Y_DIA)
    scale = np.max(np.abs(ridge.coef_))
    assert_allclose(model.coef_, ridge.coef_, rtol=0, atol=1e-9 * scale)
    assert_allclose(model.predict(X_DIA), ridge.predict(X_DIA), **DIRECT)


@pytest.mark.parametrize(("alpha", "beta"), PRECISIONS)
def test_posterior_covariance_is_the_inverse_precision(rng, alpha, beta):
    for X in (X_DIA, rng.normal(size=(5, 8))):  # also fewer rows than columns
        model = BayesianLinearRegression(alpha=alpha, beta=beta).fit(
            X, rng.normal(size=len(X))
        )
        A = alpha * np.eye(X.shape[1]) + beta * X.T @ X
        S = model.sigma_
        # both inverses are right to about cond(A) eps ||S|| (backward stable)
        bound = 10 * np.linalg.cond(A) * np.finfo(float).eps * np.abs(S).max()
        assert_allclose(S, np.linalg.inv(A), rtol=0, atol=bound)
        assert_allclose(A @ S, np.eye(len(A)), rtol=0, atol=bound * norm(A))
        assert_array_equal(S, S.T)
        assert np.all(np.linalg.eigvalsh(S) > 0)


@pytest.mark.parametrize(("alpha", "beta"), PRECISIONS[:3])
def test_equals_bayesian_ridge_with_precisions_pinned_by_its_hyperpriors(
    alpha, beta
):
    # BayesianRidge learns its precisions (its lambda_ is our alpha, its
    # alpha_ our beta). Gamma hyperpriors of shape c and rate c / precision,
    # with c huge, pin them: each update moves them by about n / c.
    X, y = X_DIA - X_DIA.mean(0), Y_DIA - Y_DIA.mean()
    c = 1e14
    theirs = sk.BayesianRidge(
        fit_intercept=False,
        alpha_init=beta,
        lambda_init=alpha,
        alpha_1=c,
        alpha_2=c / beta,
        lambda_1=c,
        lambda_2=c / alpha,
    ).fit(X, y)
    assert theirs.alpha_ == pytest.approx(beta, rel=1e-7)
    assert theirs.lambda_ == pytest.approx(alpha, rel=1e-7)
    ours = BayesianLinearRegression(alpha=alpha, beta=beta).fit(X, y)
    assert_allclose(ours.coef_, theirs.coef_, rtol=1e-6, atol=0)
    assert_allclose(ours.sigma_, theirs.sigma_, rtol=1e-6, atol=0)
    mean, std = ours.predict(X, return_std=True)
    their_mean, their_std = theirs.predict(X, return_std=True)
    assert_allclose(mean, their_mean, rtol=1e-6, atol=1e-6)
    assert_allclose(std, their_std, rtol=1e-6, atol=0)


def test_predictive_distribution_by_monte_carlo(rng):
    X, y = random_problem(rng, 30, 3, noise=0.5)
    model = BayesianLinearRegression(alpha=0.5, beta=4.0).fit(X, y)
    X_new = np.vstack([X[:3], 5 * rng.normal(size=(3, 3))])
    mean, std = model.predict(X_new, return_std=True)
    # draw w from the posterior and the noise, and predict: y* = x^T w + e
    S = 40_000
    W = rng.multivariate_normal(model.coef_, model.sigma_, size=S)
    draws = W @ X_new.T + rng.normal(scale=1 / np.sqrt(4.0), size=(S, 6))
    # compare within 5 standard errors: std / sqrt(S) for the mean,
    # std / sqrt(2 S) for the standard deviation
    assert np.all(np.abs(draws.mean(0) - mean) < 5 * std / np.sqrt(S))
    assert np.all(np.abs(draws.std(0) - std) < 5 * std / np.sqrt(2 * S))


def test_predictive_std_grows_away_from_the_data(rng):
    x = rng.uniform(-1, 1, size=40)
    X = np.column_stack([np.ones_like(x), x])  # a ones column: the intercept
    y = 1 - 2 * x + 0.1 * rng.normal(size=40)
    model = BayesianLinearRegression(alpha=1.0, beta=100.0).fit(X, y)
    grid = np.linspace(x.mean(), 10, 25)
    _, right = model.predict(np.column_stack([np.ones(25), grid]), True)
    _, left = model.predict(np.column_stack([np.ones(25), -grid]), True)
    assert np.all(np.diff(right) > 0) and np.all(np.diff(left[1:]) > 0)
    # never below the noise level, and well above it far from the data
    assert right.min() > 1 / np.sqrt(100.0) and right[-1] > 2.5 * right[0]


def test_weak_prior_gives_least_squares(rng):
    X, y = random_problem(rng, 50, 4)
    model = BayesianLinearRegression(alpha=1e-10, beta=1.0).fit(X, y)
    ols = LinearRegression(fit_intercept=False).fit(X, y)
    assert_allclose(model.coef_, ols.coef_, rtol=1e-8, atol=1e-8)


def test_posterior_function_and_predict_defaults(rng):
    X, y = random_problem(rng, 20, 3)
    mean, cov = _posterior(X, y, 2.0, 3.0)
    A = 2.0 * np.eye(3) + 3.0 * X.T @ X
    assert_allclose(A @ mean, 3.0 * X.T @ y, **DIRECT)
    assert_allclose(A @ cov, np.eye(3), rtol=0, atol=1e-12)
    model = BayesianLinearRegression(alpha=2.0, beta=3.0)
    assert model.fit(X, y) is model
    assert isinstance(model.predict(X), np.ndarray)  # not a tuple
    assert model.score(X, y) == pytest.approx(
        sk.Ridge(alpha=2 / 3, fit_intercept=False).fit(X, y).score(X, y),
        rel=1e-12,
    )
    assert repr(model) == "BayesianLinearRegression(alpha=2.0, beta=3.0)"
    model.set_params(beta=1e6)  # predict uses the beta that fit used
    std = model.predict(X, return_std=True)[1]
    assert np.all(std > 1 / np.sqrt(3.0))


# ---------------------------------------------------------- bad input
@pytest.mark.parametrize("cls", [LinearRegression, BayesianLinearRegression])
def test_not_fitted(cls):
    with pytest.raises(NotFittedError, match="not fitted"):
        cls().predict(X_DIA)


@pytest.mark.parametrize(
    ("cls", "params", "data", "error", "match"),
    [
        (
            LinearRegression,
            {"solver": "svd"},
            None,
            ValueError,
            r"solver must be one of 'normal', 'gd'; got 'svd'",
        ),
        (LinearRegression, {"solver": None}, None, ValueError, "solver"),
        (LinearRegression, {"lr": 0.0}, None, ValueError, "lr must be > 0"),
        (LinearRegression, {"lr": "1"}, None, TypeError, "lr must be a real"),
        (LinearRegression, {"max_iter": 0}, None, ValueError, "max_iter"),
        (LinearRegression, {"max_iter": 2.5}, None, TypeError, "max_iter"),
        (LinearRegression, {"tol": -1.0}, None, ValueError, "tol must be"),
        (
            LinearRegression,
            {"fit_intercept": "yes"},
            None,
            TypeError,
            "fit_intercept must be True or False",
        ),
        (BayesianLinearRegression, {"alpha": 0}, None, ValueError, "alpha"),
        (BayesianLinearRegression, {"alpha": -1.0}, None, ValueError, "alpha"),
        (BayesianLinearRegression, {"beta": 0.0}, None, ValueError, "beta"),
        (BayesianLinearRegression, {"beta": -2}, None, ValueError, "beta"),
        (BayesianLinearRegression, {"beta": "1"}, None, TypeError, "beta"),
    ],
)
def test_bad_hyperparameters(cls, params, data, error, match):
    with pytest.raises(error, match=match):
        cls(**params).fit(X_DIA, Y_DIA)


X_NAN = np.where(X_DIA > 0.1, np.nan, X_DIA)


@pytest.mark.parametrize("cls", [LinearRegression, BayesianLinearRegression])
@pytest.mark.parametrize(
    ("data", "error", "match"),
    [
        ((X_NAN, Y_DIA), ValueError, "X must contain only finite"),
        ((X_DIA, np.r_[np.inf, Y_DIA[1:]]), ValueError, "y must contain"),
        ((X_DIA, Y_DIA[:-1]), ValueError, "y must have one value per row"),
        ((X_DIA[:, 0], Y_DIA), ValueError, "X must be 2-D"),
        ((X_DIA, X_DIA), ValueError, "y must be a 1-D vector"),
        ((X_DIA.astype(str), Y_DIA), TypeError, "X must be"),
    ],
)
def test_bad_data(cls, data, error, match):
    with pytest.raises(error, match=match):
        cls().fit(*data)


@pytest.mark.parametrize("cls", [LinearRegression, BayesianLinearRegression])
def test_bad_data_in_predict(cls):
    model = cls().fit(X_DIA, Y_DIA)
    with pytest.raises(ValueError, match=r"X has 3 features, but .* with 10"):
        model.predict(X_DIA[:, :3])
    with pytest.raises(ValueError, match="X must contain only finite"):
        model.predict(X_NAN)
    with pytest.raises(ValueError, match="y must have one value per row"):
        model.score(X_DIA, Y_DIA[:5])


def test_bad_return_std():
    model = BayesianLinearRegression().fit(X_DIA, Y_DIA)
    with pytest.raises(TypeError, match="return_std must be True or False"):
        model.predict(X_DIA, return_std="yes")
