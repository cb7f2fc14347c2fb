"""Ridge, Lasso and ElasticNet against scikit-learn on the diabetes data."""

import warnings
from itertools import pairwise

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import linear_model as sk
from sklearn.datasets import load_diabetes

from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import ElasticNet, Lasso, Ridge
from mathforml.models._linear import duality_gap

X, Y = load_diabetes(return_X_y=True)
ALPHAS = [1e-3, 1e-2, 0.1, 0.5, 1.0, 5.0]
TIGHT = dict(tol=1e-12, max_iter=100_000)


def close(ours, theirs):
    scale = max(np.max(np.abs(theirs.coef_)), 1.0)
    assert_allclose(ours.coef_, theirs.coef_, rtol=0, atol=1e-7 * scale)
    assert_allclose(
        ours.intercept_, theirs.intercept_, rtol=1e-9, atol=1e-7 * scale
    )


@pytest.mark.parametrize("alpha", [0.0, *ALPHAS, 100.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge_equals_sklearn(alpha, fit_intercept):
    ours = Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, Y)
    theirs = (
        sk.LinearRegression(fit_intercept=fit_intercept)
        if alpha == 0
        else sk.Ridge(alpha=alpha, fit_intercept=fit_intercept)
    ).fit(X, Y)
    close(ours, theirs)
    assert ours.score(X, Y) == pytest.approx(
        theirs.score(X, Y), rel=1e-9, abs=1e-12
    )
    assert_allclose(ours.predict(X), theirs.predict(X), rtol=1e-9, atol=1e-6)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_ridge_by_conjugate_gradient_equals_the_direct_solve(alpha):
    direct = Ridge(alpha=alpha).fit(X, Y)
    cg = Ridge(alpha=alpha, solver="cg").fit(X, Y)
    assert_allclose(cg.coef_, direct.coef_, rtol=1e-7, atol=1e-6)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_lasso_equals_sklearn(alpha):
    close(
        Lasso(alpha=alpha, **TIGHT).fit(X, Y),
        sk.Lasso(alpha=alpha, **TIGHT).fit(X, Y),
    )


@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("l1_ratio", [0.0, 0.2, 0.5, 0.9, 1.0])
def test_elastic_net_equals_sklearn(alpha, l1_ratio):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns about l1_ratio = 0
        theirs = sk.ElasticNet(alpha=alpha, l1_ratio=l1_ratio, **TIGHT).fit(
            X, Y
        )
    close(
        ElasticNet(alpha=alpha, l1_ratio=l1_ratio, **TIGHT).fit(X, Y), theirs
    )


def test_default_tolerance_takes_the_same_sweeps_as_sklearn():
    # (above alpha_max = max|X^T y| / n every weight is 0 and sklearn skips the loop)
    for alpha in [
        a for a in ALPHAS if a < np.max(np.abs((X - X.mean(0)).T @ Y)) / len(Y)
    ]:
        assert (
            Lasso(alpha=alpha).fit(X, Y).n_iter_
            == sk.Lasso(alpha=alpha).fit(X, Y).n_iter_
        )


def test_lasso_sparsity_grows_with_alpha():
    zeros = [
        np.sum(Lasso(alpha=a).fit(X, Y).coef_ == 0)
        for a in np.geomspace(1e-3, 50, 12)
    ]
    assert (
        all(a <= b for a, b in pairwise(zeros)) and zeros[0] < zeros[-1] == 10
    )


def test_ridge_shrinks_but_never_zeroes():
    norms = [
        np.linalg.norm(Ridge(alpha=a).fit(X, Y).coef_)
        for a in np.geomspace(1e-3, 1e3, 8)
    ]
    assert all(a > b for a, b in pairwise(norms))
    assert np.all(Ridge(alpha=1e3).fit(X, Y).coef_ != 0)


def test_lasso_solution_satisfies_its_optimality_conditions():
    # subgradient: X_j^T r / n = alpha * sign(w_j) where w_j != 0, |.| <= alpha where w_j = 0
    alpha = 0.1
    model = Lasso(alpha=alpha, **TIGHT).fit(X, Y)
    Xc, r = X - X.mean(0), Y - Y.mean() - (X - X.mean(0)) @ model.coef_
    corr = Xc.T @ r / len(Y)
    on = model.coef_ != 0
    assert_allclose(
        corr[on], alpha * np.sign(model.coef_[on]), rtol=1e-6, atol=1e-8
    )
    assert np.all(np.abs(corr[~on]) <= alpha * (1 + 1e-9))


def test_duality_gap_is_nonnegative_and_shrinks_to_zero():
    Xc, yc = X - X.mean(0), Y - Y.mean()
    rng = np.random.default_rng(0)
    for _ in range(20):
        w = rng.normal(scale=300, size=10)
        assert duality_gap(Xc, yc, w, yc - Xc @ w, 0.1, 0.05) >= 0
    model = ElasticNet(alpha=0.1, l1_ratio=0.7, **TIGHT).fit(X, Y)
    assert 0 <= model.dual_gap_ <= 1e-12 * (yc @ yc) / len(yc)


def test_more_features_than_samples_and_constant_columns():
    rng = np.random.default_rng(1)
    Xw = np.column_stack([rng.standard_normal((8, 20)), np.ones(8)])
    y = rng.standard_normal(8)
    close(
        Lasso(alpha=0.05, **TIGHT).fit(Xw, y),
        sk.Lasso(alpha=0.05, **TIGHT).fit(Xw, y),
    )
    close(Ridge(alpha=0.5).fit(Xw, y), sk.Ridge(alpha=0.5).fit(Xw, y))


def test_too_few_sweeps_warn():
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        Lasso(alpha=1e-3, max_iter=2).fit(X, Y)


def test_fit_returns_self_and_repr_shows_hyperparameters():
    model = ElasticNet(alpha=0.3)
    assert model.fit(X, Y) is model
    # base.BaseEstimator's repr: every hyperparameter, sorted by name; Lasso's
    # l1_ratio is fixed (not a hyperparameter), as in scikit-learn
    assert repr(model) == (
        "ElasticNet(alpha=0.3, fit_intercept=True, l1_ratio=0.5, max_iter=1000, "
        "tol=0.0001)"
    )
    assert repr(Lasso(alpha=2.0)) == (
        "Lasso(alpha=2.0, fit_intercept=True, max_iter=1000, tol=0.0001)"
    )


@pytest.mark.parametrize("cls", [Ridge, Lasso, ElasticNet])
def test_not_fitted(cls):
    with pytest.raises(NotFittedError, match="not fitted"):
        cls().predict(X)


@pytest.mark.parametrize("cls", [Ridge, Lasso, ElasticNet])
@pytest.mark.parametrize(
    ("params", "data", "error", "match"),
    [
        ({"alpha": -1.0}, None, ValueError, "alpha must be >= 0"),
        ({"alpha": "big"}, None, TypeError, "alpha must be a real number"),
        (
            {"fit_intercept": "yes"},
            None,
            TypeError,
            "fit_intercept must be True or False",
        ),
        ({}, (X[:, 0], Y), ValueError, "X must be 2-D"),
        ({}, (X, Y[:-1]), ValueError, "y must have one value per row of X"),
        (
            {},
            (X, np.where(Y > 100, np.nan, Y)),
            ValueError,
            "y must contain only finite",
        ),
        (
            {},
            (np.where(X > 0.1, np.inf, X), Y),
            ValueError,
            "X must contain only finite",
        ),
        ({}, (X.astype(str), Y), TypeError, "X must be"),
    ],
)
def test_bad_input(cls, params, data, error, match):
    with pytest.raises(error, match=match):
        cls(**params).fit(*(data or (X, Y)))


def test_bad_model_specific_parameters():
    with pytest.raises(ValueError, match="l1_ratio must be <= 1"):
        ElasticNet(l1_ratio=1.5).fit(X, Y)
    with pytest.raises(ValueError, match="max_iter must be >= 1"):
        Lasso(max_iter=0).fit(X, Y)
    with pytest.raises(ValueError, match="solver must be 'solve' or 'cg'"):
        Ridge(solver="svd").fit(X, Y)
    fitted = Ridge().fit(X, Y)
    with pytest.raises(
        ValueError, match="X has 3 features, but Ridge was fitted with 10"
    ):
        fitted.predict(X[:, :3])
    with pytest.raises(
        ValueError, match=r"y must have one value per row of X \(442\)"
    ):
        fitted.score(X, Y[:5])  # base.RegressorMixin.score: metrics.r2_score
