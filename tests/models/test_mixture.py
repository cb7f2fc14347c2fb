"""GaussianMixture against scikit-learn (iris and synthetic mixtures, from the same
initialization), against scipy.stats densities, and EM's invariants: the
log-likelihood never decreases, responsibilities sum to 1, seeded mixtures are
recovered."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy import stats
from scipy.linalg import cholesky, solve_triangular
from sklearn import mixture as sk
from sklearn.base import clone as sk_clone
from sklearn.datasets import load_iris
from sklearn.exceptions import ConvergenceWarning as SkConvergenceWarning

from mathforml.base import clone
from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models._mixture import (
    GaussianMixture,
    _e_step,
    _log_gaussian,
    _log_gaussian_diag,
    _m_step,
    _n_parameters,
)

#: One E- or M-step computed by the same formulas as scikit-learn's: rounding.
STEP = dict(rtol=1e-10, atol=1e-12)
#: Whole EM runs from the same start: rounding, amplified over the iterations.
EM_RUN = dict(rtol=1e-8, atol=1e-10)
#: Densities against scipy.stats.
DENSITY = dict(rtol=1e-12, atol=1e-12)
#: EM may not lower the log-likelihood by more than rounding (relative).
MONOTONE = 1e-10
KINDS = ("full", "diag")

X_IRIS = load_iris().data


def random_spd(rng, d, low=0.3, high=2.0):
    """A random covariance with eigenvalues in [low, high]."""
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return (Q * rng.uniform(low, high, d)) @ Q.T


def synthetic_mixture(seed, n=600, d=2, kind="full"):
    """Three well-separated Gaussians, weights 0.5, 0.3, 0.2; returns X and
    the true (weights, means, covariances)."""
    rng = np.random.default_rng(seed)
    weights = np.array([0.5, 0.3, 0.2])
    means = 8.0 * np.eye(3, d) + rng.normal(0, 0.3, (3, d))
    if kind == "full":
        covs = np.array([random_spd(rng, d) for _ in range(3)])
    else:
        covs = np.array([np.diag(rng.uniform(0.3, 2.0, d)) for _ in range(3)])
    labels = rng.choice(3, size=n, p=weights)
    Z = rng.standard_normal((n, d))
    L = np.linalg.cholesky(covs)
    X = means[labels] + np.einsum("nij,nj->ni", L[labels], Z)
    return X, (weights, means, covs)


X_SYNTH, _ = synthetic_mixture(0)


def precisions(covariances, kind):
    return np.linalg.inv(covariances) if kind == "full" else 1 / covariances


def sklearn_from(model, **kwargs):
    """scikit-learn's GaussianMixture started at ``model``'s parameters."""
    return sk.GaussianMixture(
        model.weights_.size,
        covariance_type=model.covariance_type,
        weights_init=model.weights_,
        means_init=model.means_,
        precisions_init=precisions(model.covariances_, model.covariance_type),
        **kwargs,
    )


def sklearn_holding(model):
    """A scikit-learn GaussianMixture holding ``model``'s fitted parameters
    (no fit: its documented attributes set directly)."""
    theirs = sk.GaussianMixture(
        model.weights_.size, covariance_type=model.covariance_type
    )
    theirs.weights_ = model.weights_
    theirs.means_ = model.means_
    theirs.covariances_ = model.covariances_
    if model.covariance_type == "full":  # the upper factor U, U U^T = P
        theirs.precisions_cholesky_ = np.array(
            [
                solve_triangular(
                    cholesky(S, lower=True), np.eye(len(S)), lower=True
                ).T
                for S in model.covariances_
            ]
        )
    else:
        theirs.precisions_cholesky_ = 1 / np.sqrt(model.covariances_)
    theirs.precisions_ = precisions(model.covariances_, model.covariance_type)
    theirs.n_features_in_ = model.n_features_in_
    theirs.converged_ = True
    return theirs


def random_parameters(rng, X, k, kind):
    """A starting point for one EM step: weights, means (rows of X), covs."""
    d = X.shape[1]
    weights = rng.dirichlet(np.ones(k))
    means = X[rng.choice(len(X), k, replace=False)]
    spread = np.var(X, axis=0).mean()
    if kind == "full":
        covs = np.array([spread * random_spd(rng, d) for _ in range(k)])
    else:
        covs = spread * rng.uniform(0.3, 2.0, (k, d))
    return weights, means, covs


def fit_quietly(model, X):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", SkConvergenceWarning)
        return model.fit(X)


# ----------------------------------------------------------------- scikit-learn
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("data", "k", "seed"),
    [
        ("iris", 2, 0),
        ("iris", 3, 0),
        ("iris", 3, 1),
        ("iris", 4, 2),
        ("synthetic", 3, 0),
        ("synthetic", 4, 5),
    ],
)
def test_em_equals_sklearn_from_the_same_initialisation(data, k, seed, kind):
    X = X_IRIS if data == "iris" else X_SYNTH
    start = GaussianMixture(k, covariance_type=kind, max_iter=0, rng=seed)
    start.fit(X)  # max_iter=0: the k-means initialization, no EM step
    ours = GaussianMixture(k, covariance_type=kind, rng=seed).fit(X)
    assert ours.log_likelihood_history_[0] == start.score(X)
    theirs = sklearn_from(start).fit(X)
    assert ours.converged_ and theirs.converged_
    assert ours.n_iter_ == theirs.n_iter_
    history = ours.log_likelihood_history_
    assert history.shape == (ours.n_iter_ + 1,)
    assert_allclose(history[-2], theirs.lower_bound_, **EM_RUN)
    if hasattr(theirs, "lower_bounds_"):  # scikit-learn >= 1.7
        assert_allclose(history[:-1], theirs.lower_bounds_, **EM_RUN)
    assert_allclose(ours.weights_, theirs.weights_, **EM_RUN)
    assert_allclose(ours.means_, theirs.means_, **EM_RUN)
    assert_allclose(ours.covariances_, theirs.covariances_, **EM_RUN)
    assert_allclose(ours.score(X), theirs.score(X), **EM_RUN)
    assert_allclose(history[-1], theirs.score(X), **EM_RUN)
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), **EM_RUN)
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert_allclose(ours.bic(X), theirs.bic(X), **EM_RUN)
    assert_allclose(ours.aic(X), theirs.aic(X), **EM_RUN)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_one_em_step_equals_one_sklearn_iteration(k, kind, rng):
    X = X_IRIS if k != 5 else X_SYNTH
    weights, means, covs = random_parameters(rng, X, k, kind)
    theirs = sk.GaussianMixture(
        k,
        covariance_type=kind,
        weights_init=weights,
        means_init=means,
        precisions_init=precisions(covs, kind),
        max_iter=1,
    )
    with pytest.warns(SkConvergenceWarning):
        theirs.fit(X)  # one E-step at the start, one M-step
    resp, log_likelihood = _e_step(X, weights, means, covs, kind)
    assert_allclose(log_likelihood, theirs.lower_bound_, **STEP)
    new = _m_step(X, resp, 1e-6, kind)
    assert_allclose(new[0], theirs.weights_, **STEP)
    assert_allclose(new[1], theirs.means_, **STEP)
    assert_allclose(new[2], theirs.covariances_, **STEP)
    assert resp.shape == (len(X), k)
    assert_allclose(resp.sum(axis=1), 1.0, rtol=0, atol=1e-12)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("k", [1, 2, 4])
def test_bic_aic_and_densities_equal_sklearn_for_the_same_parameters(k, kind):
    X = X_IRIS
    ours = fit_quietly(GaussianMixture(k, covariance_type=kind, rng=3), X)
    theirs = sklearn_holding(ours)
    new = X + np.random.default_rng(4).normal(0, 0.5, X.shape)  # unseen rows
    for data in (X, new, new[:7]):
        assert_allclose(ours.bic(data), theirs.bic(data), **STEP)
        assert_allclose(ours.aic(data), theirs.aic(data), **STEP)
        assert_allclose(
            ours.score_samples(data), theirs.score_samples(data), **STEP
        )
        assert_allclose(ours.score(data), theirs.score(data), **STEP)
        assert_allclose(
            ours.predict_proba(data), theirs.predict_proba(data), **STEP
        )
    assert ours._n_parameters() == theirs._n_parameters()
    n = len(X)
    expected = -2 * n * ours.score(X) + ours._n_parameters() * np.log(n)
    assert ours.bic(X) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("k", "d"), [(1, 1), (1, 4), (3, 2), (5, 7)])
def test_n_parameters_is_sklearns(k, d, kind):
    theirs = sk.GaussianMixture(k, covariance_type=kind)
    theirs.means_ = np.zeros((k, d))
    cov = k * d * (d + 1) // 2 if kind == "full" else k * d
    assert _n_parameters(k, d, kind) == theirs._n_parameters()
    assert _n_parameters(k, d, kind) == (k - 1) + k * d + cov


# ------------------------------------------------------------ the pure functions
@pytest.mark.parametrize("d", [1, 2, 5])
def test_log_gaussian_is_scipys_logpdf(d, rng):
    X = rng.normal(size=(30, d)) * 3
    mean = rng.normal(size=d)
    cov = random_spd(rng, d, 0.05, 10.0)
    expected = stats.multivariate_normal(mean, cov).logpdf(X).reshape(30)
    assert_allclose(_log_gaussian(X, mean, cov), expected, **DENSITY)
    var = rng.uniform(0.05, 10.0, d)
    expected = stats.norm.logpdf(X, mean, np.sqrt(var)).sum(axis=1)
    assert_allclose(_log_gaussian_diag(X, mean, var), expected, **DENSITY)
    # a diagonal covariance is a special case of a full one
    assert_allclose(
        _log_gaussian(X, mean, np.diag(var)),
        _log_gaussian_diag(X, mean, var),
        **DENSITY,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_e_step_is_bayes_rule_on_scipy_densities(kind, rng):
    X = X_SYNTH[:50]
    weights, means, covs = random_parameters(rng, X, 3, kind)
    full = covs if kind == "full" else np.array([np.diag(v) for v in covs])
    dens = np.column_stack(
        [stats.multivariate_normal(m, S).pdf(X) for m, S in zip(means, full)]
    )
    joint = weights * dens
    resp, log_likelihood = _e_step(X, weights, means, covs, kind)
    assert_allclose(resp, joint / joint.sum(axis=1, keepdims=True), **DENSITY)
    assert_allclose(
        log_likelihood, np.mean(np.log(joint.sum(axis=1))), **DENSITY
    )


def test_e_step_survives_densities_that_underflow():
    # points 1e3 standard deviations away: every density is exp(-5e5) = 0
    X = np.array([[1e3], [-1e3], [0.0]])
    means, covs = np.array([[0.0], [1.0]]), np.array([[[1.0]], [[1.0]]])
    with np.errstate(all="raise", under="ignore"):
        resp, log_likelihood = _e_step(X, [0.5, 0.5], means, covs, "full")
    assert np.all(np.isfinite(resp)) and np.isfinite(log_likelihood)
    assert_allclose(resp.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    assert resp[0, 1] == 1.0 and resp[1, 0] == 1.0


@pytest.mark.parametrize("kind", KINDS)
def test_m_step_with_hard_labels_is_per_cluster_maximum_likelihood(kind, rng):
    X = X_SYNTH
    labels = rng.integers(0, 3, len(X))
    weights, means, covs = _m_step(X, np.eye(3)[labels], 0.0, kind)
    for j in range(3):
        rows = X[labels == j]
        assert weights[j] == pytest.approx(len(rows) / len(X), rel=1e-13)
        assert_allclose(means[j], rows.mean(axis=0), **STEP)
        S = np.cov(rows.T, bias=True)
        assert_allclose(covs[j], S if kind == "full" else np.diag(S), **STEP)
    # reg_covar lands on the diagonal and nowhere else
    reg = _m_step(X, np.eye(3)[labels], 0.25, kind)[2]
    eye = np.eye(2) if kind == "full" else np.ones(2)
    assert_allclose(
        reg - covs, 0.25 * np.broadcast_to(eye, covs.shape), **STEP
    )


# -------------------------------------------------------------------- invariants
@pytest.mark.parametrize("kind", KINDS)
def test_log_likelihood_never_decreases(kind):
    # with reg_covar = 0 the M-step maximizes the expected log-likelihood:
    # the EM theorem says the log-likelihood cannot fall (up to rounding).
    # Clusters of >= 40 points, so that no component collapses onto d points
    # or fewer (a singular covariance: the likelihood is then unbounded).
    steps = 0
    for seed in range(12):
        rng = np.random.default_rng(seed)
        d = int(rng.integers(1, 4))
        centers = rng.normal(0, 3, (int(rng.integers(2, 5)), d))
        X = np.vstack(
            [
                c + rng.normal(size=(int(rng.integers(40, 100)), d))
                for c in centers
            ]
        )
        for k in (2, 3, 5):
            model = GaussianMixture(
                k,
                covariance_type=kind,
                reg_covar=0.0,
                tol=0.0,
                max_iter=40,
                rng=seed,
            )
            history = fit_quietly(model, X).log_likelihood_history_
            rise = np.diff(history)
            assert np.all(rise >= -MONOTONE * np.abs(history[:-1])), seed
            steps += rise.size
    assert steps > 1000  # 36 fits, most stopped by max_iter


def test_regularization_can_lower_the_log_likelihood():
    # reg_covar > 0 is not an exact M-step, so the theorem does not apply:
    # a large reg_covar visibly lowers the log-likelihood on some seeds
    lowest = 0.0
    for seed in range(10):
        X, _ = synthetic_mixture(seed, n=150)
        model = GaussianMixture(
            5, reg_covar=1.0, tol=0.0, max_iter=40, rng=seed
        )
        history = fit_quietly(model, X).log_likelihood_history_
        lowest = min(lowest, np.min(np.diff(history)))
    assert lowest < -1e-6


@pytest.mark.parametrize("kind", KINDS)
def test_responsibilities_are_probabilities(kind):
    model = GaussianMixture(3, covariance_type=kind, rng=0).fit(X_SYNTH)
    far = np.vstack([X_SYNTH[:20], [[1e4, -1e4], [50.0, 50.0]]])
    P = model.predict_proba(far)
    assert P.shape == (22, 3) and np.all((P >= 0) & (P <= 1))
    assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert_array_equal(model.predict(far), np.argmax(P, axis=1))
    assert_allclose(model.weights_.sum(), 1.0, rtol=0, atol=1e-14)
    assert model.score(far) == pytest.approx(
        np.mean(model.score_samples(far)), rel=1e-15
    )


@pytest.mark.parametrize("kind", KINDS)
def test_score_samples_is_the_mixture_density(kind):
    model = GaussianMixture(3, covariance_type=kind, rng=1).fit(X_IRIS)
    covs = model.covariances_
    if kind == "diag":
        covs = np.array([np.diag(v) for v in covs])
    density = sum(
        w * stats.multivariate_normal(m, S).pdf(X_IRIS)
        for w, m, S in zip(model.weights_, model.means_, covs)
    )
    assert_allclose(
        model.score_samples(X_IRIS), np.log(density), rtol=1e-11, atol=1e-11
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seeded_mixtures_are_recovered(kind, seed):
    X, (weights, means, covs) = synthetic_mixture(seed, n=3000, kind=kind)
    model = GaussianMixture(3, covariance_type=kind, rng=seed).fit(X)
    # match each fitted component to the nearest true mean
    order = np.argmin(
        np.linalg.norm(model.means_[:, None] - means[None], axis=2), axis=0
    )
    assert sorted(order) == [0, 1, 2]
    fitted = model.covariances_[order]
    if kind == "diag":
        fitted = np.array([np.diag(v) for v in fitted])
    # standard errors: about 0.03 for means, 0.01 for weights (n = 3000)
    assert_allclose(model.means_[order], means, rtol=0, atol=0.15)
    assert_allclose(model.weights_[order], weights, rtol=0, atol=0.04)
    assert_allclose(fitted, covs, rtol=0, atol=0.25)


@pytest.mark.parametrize("kind", KINDS)
def test_fit_predict_equals_fit_then_predict(kind):
    a = GaussianMixture(4, covariance_type=kind, rng=7)
    b = GaussianMixture(4, covariance_type=kind, rng=7)
    labels = b.fit_predict(X_IRIS)
    assert_array_equal(labels, a.fit(X_IRIS).predict(X_IRIS))
    assert_array_equal(b.means_, a.means_)
    assert set(labels) <= set(range(4))


def test_one_component_is_the_sample_mean_and_covariance():
    for kind in KINDS:
        model = GaussianMixture(1, covariance_type=kind, reg_covar=0.0)
        model.fit(X_IRIS)
        S = np.cov(X_IRIS.T, bias=True)
        assert_allclose(model.weights_, [1.0], rtol=1e-15, atol=0)
        assert_allclose(model.means_[0], X_IRIS.mean(axis=0), **STEP)
        expected = S if kind == "full" else np.diag(S)
        assert_allclose(model.covariances_[0], expected, **STEP)
        assert (
            model.converged_ and model.n_iter_ == 2
        )  # the second sees no rise
        assert_array_equal(model.predict(X_IRIS), 0)


def test_diag_against_full():
    full = GaussianMixture(1).fit(X_IRIS)
    diag = GaussianMixture(1, covariance_type="diag").fit(X_IRIS)
    assert full.covariances_.shape == (1, 4, 4)
    assert diag.covariances_.shape == (1, 4)
    assert_allclose(
        diag.covariances_[0], np.diag(full.covariances_[0]), **STEP
    )
    # diagonal covariances are a subfamily: lower likelihood, fewer parameters
    assert diag.score(X_IRIS) < full.score(X_IRIS)
    assert diag._n_parameters() == 8 and full._n_parameters() == 14
    # on data whose features are independent in every component, the full
    # fit finds near-diagonal covariances and BIC prefers the diagonal model
    X, _ = synthetic_mixture(3, n=3000, kind="diag")
    full = GaussianMixture(3, rng=0).fit(X)
    diag = GaussianMixture(3, covariance_type="diag", rng=0).fit(X)
    off = full.covariances_[:, 0, 1]
    assert np.all(np.abs(off) < 0.15)
    assert diag.bic(X) < full.bic(X)
    assert diag.score(X) <= full.score(X) + 1e-3


def test_a_component_on_duplicated_points_is_regularised():
    rng = np.random.default_rng(0)
    X = np.vstack([np.tile([8.0, 8.0], (30, 1)), rng.normal(size=(100, 2))])
    model = GaussianMixture(2, rng=0).fit(X)  # default reg_covar = 1e-6
    j = int(np.argmin(np.linalg.norm(model.means_ - 8.0, axis=1)))
    assert_allclose(model.means_[j], [8.0, 8.0], rtol=1e-12, atol=0)
    assert_allclose(
        model.covariances_[j], 1e-6 * np.eye(2), rtol=1e-6, atol=1e-15
    )
    assert model.weights_[j] == pytest.approx(30 / 130, rel=1e-9)
    assert np.isfinite(model.score(X))
    assert np.all(model.predict([[8.0, 8.0], [0.0, 0.0]]) == [j, 1 - j])
    diag = GaussianMixture(2, covariance_type="diag", rng=0).fit(X)
    assert_allclose(np.min(diag.covariances_, axis=0), 1e-6, rtol=1e-6, atol=0)
    # without regularisation the covariance is singular: a clear error
    for kind in KINDS:
        with pytest.raises(
            np.linalg.LinAlgError, match=r"singular.*raise reg_covar"
        ):
            GaussianMixture(2, covariance_type=kind, reg_covar=0.0, rng=0).fit(
                X
            )
    # scikit-learn refuses the full covariance too; its diagonal variances
    # (mean of x^2 minus mean^2) come out as rounding noise instead, ~1e-15
    with pytest.raises(ValueError, match="ill-defined"):
        sk.GaussianMixture(2, reg_covar=0.0, random_state=0).fit(X)


def test_not_converging_warns_and_max_iter_zero_is_the_initialisation():
    with pytest.warns(ConvergenceWarning, match=r"max_iter=2"):
        model = GaussianMixture(3, max_iter=2, tol=0.0, rng=0).fit(X_IRIS)
    assert not model.converged_ and model.n_iter_ == 2
    assert model.log_likelihood_history_.shape == (3,)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning: nothing was asked of EM
        start = GaussianMixture(3, max_iter=0, rng=0).fit(X_IRIS)
    assert not start.converged_ and start.n_iter_ == 0
    assert_array_equal(start.log_likelihood_history_, [start.score(X_IRIS)])
    assert_array_equal(
        start.log_likelihood_history_, model.log_likelihood_history_[:1]
    )


# ------------------------------------------------------------------ conventions
def test_estimator_conventions():
    model = GaussianMixture(2, covariance_type="diag", rng=5)
    assert repr(model) == (
        "GaussianMixture(covariance_type='diag', max_iter=100, "
        "n_components=2, reg_covar=1e-06, rng=5, tol=0.001)"
    )
    assert model.fit(X_IRIS) is model
    fresh, theirs = clone(model), sk_clone(model)
    assert fresh.get_params() == theirs.get_params() == model.get_params()
    assert not hasattr(fresh, "means_")
    assert model.n_features_in_ == 4
    assert isinstance(model.n_iter_, int) and isinstance(
        model.converged_, bool
    )


def test_same_seed_same_result_and_generators_advance():
    a = GaussianMixture(4, rng=11).fit(X_IRIS)
    b = GaussianMixture(4, rng=11).fit(X_IRIS)
    assert_array_equal(a.means_, b.means_)
    assert_array_equal(a.log_likelihood_history_, b.log_likelihood_history_)
    gen = np.random.default_rng(11)
    c = GaussianMixture(4, rng=gen).fit(X_IRIS)
    assert_array_equal(c.means_, a.means_)  # an int seeds the same Generator
    state = gen.bit_generator.state
    GaussianMixture(4, rng=gen).fit(X_IRIS)
    assert gen.bit_generator.state != state


@pytest.mark.parametrize(
    "method",
    ["predict", "predict_proba", "score", "score_samples", "bic", "aic"],
)
def test_not_fitted_and_wrong_width(method):
    with pytest.raises(NotFittedError, match="not fitted"):
        getattr(GaussianMixture(2), method)(X_IRIS)
    model = GaussianMixture(2, rng=0).fit(X_IRIS)
    with pytest.raises(
        ValueError,
        match=r"X has 3 features, but GaussianMixture was fitted with 4",
    ):
        getattr(model, method)(X_IRIS[:, :3])
    with pytest.raises(ValueError, match="X must contain only finite"):
        getattr(model, method)(np.where(X_IRIS > 7, np.nan, X_IRIS))


# -------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("params", "X", "error", "match"),
    [
        (
            {"n_components": 151},
            X_IRIS,
            ValueError,
            r"n_components must be <= the number of samples of X \(150\); got 151",
        ),
        ({"n_components": 3}, X_IRIS[:2], ValueError, r"\(2\); got 3"),
        ({"n_components": 0}, X_IRIS, ValueError, "n_components must be >= 1"),
        (
            {"n_components": 2.0},
            X_IRIS,
            TypeError,
            "n_components must be an integer",
        ),
        (
            {"n_components": "2"},
            X_IRIS,
            TypeError,
            "n_components must be an integer",
        ),
        (
            {"covariance_type": "tied"},
            X_IRIS,
            ValueError,
            r"covariance_type must be one of 'full', 'diag'; got 'tied'",
        ),
        (
            {"covariance_type": None},
            X_IRIS,
            ValueError,
            "covariance_type must be one of",
        ),
        (
            {"max_iter": -1},
            X_IRIS,
            ValueError,
            "max_iter must be >= 0; got -1",
        ),
        ({"max_iter": 10.5}, X_IRIS, TypeError, "max_iter must be an integer"),
        ({"tol": -1e-3}, X_IRIS, ValueError, "tol must be >= 0"),
        ({"tol": np.nan}, X_IRIS, ValueError, "tol must be finite"),
        ({"reg_covar": -1e-6}, X_IRIS, ValueError, "reg_covar must be >= 0"),
        (
            {"reg_covar": "1e-6"},
            X_IRIS,
            TypeError,
            "reg_covar must be a real number",
        ),
        ({"rng": "seed"}, X_IRIS, TypeError, "rng must be None, an int seed"),
        (
            {},
            np.where(X_IRIS > 7, np.nan, X_IRIS),
            ValueError,
            "X must contain only finite",
        ),
        (
            {},
            np.where(X_IRIS > 7, np.inf, X_IRIS),
            ValueError,
            "X must contain only finite",
        ),
        ({}, X_IRIS[:, 0], ValueError, "X must be 2-D"),
        ({}, X_IRIS[:0], ValueError, "X must not be empty"),
        ({}, X_IRIS.astype(str), TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_input(params, X, error, match):
    model = GaussianMixture(**params)  # no validation at construction
    with pytest.raises(error, match=match):
        model.fit(X)
    assert not hasattr(model, "means_")  # nothing half-fitted
