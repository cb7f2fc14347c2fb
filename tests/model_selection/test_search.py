"""GridSearchCV and RandomizedSearchCV against scikit-learn's GridSearchCV: the same
candidates in the same order, the same fold scores, ranks and winner (ties included)."""

import inspect

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk
from sklearn import pipeline as sk_pipeline
from sklearn import preprocessing as sk_pre
from sklearn.base import clone as sk_clone
from sklearn.datasets import load_breast_cancer, load_diabetes

from mathforml.base import BaseEstimator, TransformerMixin, clone
from mathforml.exceptions import NotFittedError
from mathforml.model_selection import (
    GridSearchCV,
    KFold,
    RandomizedSearchCV,
    _search,
    _split,
    _validation,
    cross_val_score,
)
from mathforml.model_selection._search import _candidates, _sample_candidates
from mathforml.models import Ridge
from mathforml.pipeline import Pipeline, make_pipeline
from mathforml.preprocessing import PolynomialFeatures, StandardScaler

X_REG, Y_REG = load_diabetes(return_X_y=True)
X_CLF, Y_CLF = load_breast_cancer(return_X_y=True)
SAME = dict(rtol=1e-12, atol=1e-12)
ALPHAS = [1e-3, 1e-2, 0.1, 1.0, 10.0]


def same_results(ours, theirs, *, tol=SAME):
    """The attributes both searches share agree."""
    assert ours.best_params_ == theirs.best_params_
    assert ours.best_index_ == theirs.best_index_
    assert ours.n_splits_ == theirs.n_splits_
    assert ours.best_score_ == pytest.approx(
        theirs.best_score_, **_approx(tol)
    )
    a, b = ours.cv_results_, theirs.cv_results_
    assert a["params"] == b["params"]
    for key in ["mean_test_score", "std_test_score"] + [
        f"split{i}_test_score" for i in range(ours.n_splits_)
    ]:
        assert_allclose(a[key], b[key], **tol)
    assert a["rank_test_score"].tolist() == b["rank_test_score"].tolist()
    for key in [k for k in b if k.startswith("param_")]:
        assert a[key].mask.tolist() == np.ma.getmaskarray(b[key]).tolist()
        assert a[key].tolist() == b[key].tolist()


def _approx(tol):
    return dict(rel=tol["rtol"], abs=tol["atol"])


def sk_logistic():
    return sk_pipeline.make_pipeline(
        sk_pre.StandardScaler(), sk_linear.LogisticRegression(max_iter=1000)
    )


# ------------------------------------------------------------ the candidates


@pytest.mark.parametrize(
    "grid",
    [
        {"alpha": [1, 2, 3]},
        {"b": [1, 2], "a": ["x", "y", "z"], "c": [True]},
        [{"kernel": ["rbf"], "gamma": [0.1, 1]}, {"degree": [2, 3], "C": [1]}],
        [{"z": [0]}, {"y": [1, 2], "x": [3, 4]}],
    ],
)
def test_candidates_are_in_sklearns_order(grid):
    assert _candidates(grid) == list(sk.ParameterGrid(grid))


# ----------------------------------------------------- equal to scikit-learn


@pytest.mark.parametrize("scoring", [None, "neg_mean_squared_error"])
def test_grid_search_with_sklearn_ridge_equals_sklearns(scoring):
    grid = {"alpha": ALPHAS, "fit_intercept": [True, False]}
    model = sk_linear.Ridge()
    ours = GridSearchCV(model, grid, cv=4, scoring=scoring).fit(X_REG, Y_REG)
    theirs = sk.GridSearchCV(model, grid, cv=4, scoring=scoring).fit(
        X_REG, Y_REG
    )
    same_results(ours, theirs)
    assert_allclose(ours.predict(X_REG), theirs.predict(X_REG), **SAME)
    assert not hasattr(model, "coef_")


def test_a_list_of_grids_gives_masked_parameter_columns_as_sklearn():
    grid = [
        {"alpha": [0.1, 1.0], "fit_intercept": [False]},
        {"alpha": [0.01], "solver": ["svd", "cholesky"]},
    ]
    ours = GridSearchCV(sk_linear.Ridge(), grid, cv=3).fit(X_REG, Y_REG)
    theirs = sk.GridSearchCV(sk_linear.Ridge(), grid, cv=3).fit(X_REG, Y_REG)
    same_results(ours, theirs)
    assert ours.cv_results_["param_solver"].mask.tolist() == [
        True,
        True,
        False,
        False,
    ]


def test_a_tie_goes_to_the_first_candidate_as_in_sklearn():
    # copy_X does not change the fit: candidates in pairs of equal scores
    grid = {"alpha": [1.0, 0.01], "copy_X": [False, True]}
    ours = GridSearchCV(sk_linear.Ridge(), grid, cv=5).fit(X_REG, Y_REG)
    theirs = sk.GridSearchCV(sk_linear.Ridge(), grid, cv=5).fit(X_REG, Y_REG)
    same_results(ours, theirs)
    means = ours.cv_results_["mean_test_score"]
    assert means[0] == means[1] and means[2] == means[3]
    assert ours.cv_results_["rank_test_score"].tolist() == [3, 3, 1, 1]
    assert ours.best_params_ == {"alpha": 0.01, "copy_X": False}
    assert ours.best_index_ == 2


@pytest.mark.parametrize("scoring", ["accuracy", "f1", "roc_auc"])
def test_a_classifier_pipeline_with_a_scoring_string(scoring):
    grid = {"logisticregression__C": [0.01, 0.1, 1.0, 10.0]}
    ours = GridSearchCV(sk_logistic(), grid, cv=3, scoring=scoring)
    theirs = sk.GridSearchCV(sk_logistic(), grid, cv=3, scoring=scoring)
    same_results(ours.fit(X_CLF, Y_CLF), theirs.fit(X_CLF, Y_CLF))
    assert ours.classes_.tolist() == [0, 1]
    assert_allclose(
        ours.predict_proba(X_CLF[:9]), theirs.predict_proba(X_CLF[:9]), **SAME
    )
    assert ours.score(X_CLF, Y_CLF) == pytest.approx(
        theirs.score(X_CLF, Y_CLF), rel=1e-12, abs=1e-12
    )


def test_polynomial_degree_in_a_pipeline():
    X = X_REG[:, :3]
    grid = {"polynomialfeatures__degree": [1, 2, 3], "ridge__alpha": [0.1, 1]}
    ours_pipe = make_pipeline(PolynomialFeatures(), StandardScaler(), Ridge())
    ours = GridSearchCV(ours_pipe, grid, cv=3).fit(X, Y_REG)
    # our pipeline in scikit-learn's search: the same computation
    same_results(ours, sk.GridSearchCV(ours_pipe, grid, cv=3).fit(X, Y_REG))
    # scikit-learn's own steps: the same up to the solvers' rounding
    sk_pipe = sk_pipeline.make_pipeline(
        sk_pre.PolynomialFeatures(), sk_pre.StandardScaler(), sk_linear.Ridge()
    )
    theirs = sk.GridSearchCV(sk_pipe, grid, cv=3).fit(X, Y_REG)
    same_results(ours, theirs, tol=dict(rtol=1e-8, atol=1e-10))
    assert ours.best_params_["polynomialfeatures__degree"] > 1


def test_our_ridge_in_both_searches():
    grid = {"alpha": ALPHAS}
    ours = GridSearchCV(Ridge(), grid, cv=5).fit(X_REG, Y_REG)
    theirs = sk.GridSearchCV(Ridge(), grid, cv=5).fit(X_REG, Y_REG)
    same_results(ours, theirs)
    with_sklearn_ridge = sk.GridSearchCV(sk_linear.Ridge(), grid, cv=5)
    same_results(
        ours,
        with_sklearn_ridge.fit(X_REG, Y_REG),
        tol=dict(rtol=1e-8, atol=1e-10),
    )


# --------------------------------------------------------------- behavior


class RecordTrainRows(TransformerMixin, BaseEstimator):
    """Records the rows (ids in column 0) of every fit in a shared log."""

    log: list = []

    def fit(self, X, y=None):
        RecordTrainRows.log.append(tuple(np.asarray(X)[:, 0].astype(int)))
        self.fitted_ = True
        return self

    def transform(self, X):
        return np.asarray(X)[:, 1:]


def test_every_candidate_is_scored_on_the_same_folds():
    X = np.column_stack([np.arange(len(Y_REG)), X_REG])
    pipe = Pipeline([("record", RecordTrainRows()), ("ridge", Ridge())])
    RecordTrainRows.log = []
    cv = KFold(4, shuffle=True, rng=np.random.default_rng(0))  # a Generator
    search = GridSearchCV(pipe, {"ridge__alpha": [0.1, 1.0, 10.0]}, cv=cv)
    search.fit(X, Y_REG)
    folds = [RecordTrainRows.log[i : i + 4] for i in range(0, 12, 4)]
    assert folds[0] == folds[1] == folds[2]
    assert len(set(folds[0])) == 4
    assert RecordTrainRows.log[12] == tuple(range(len(Y_REG)))  # the refit


def test_scores_are_cross_val_scores_and_the_refit_uses_all_data():
    cv = KFold(5, shuffle=True, rng=1)
    search = GridSearchCV(Ridge(), {"alpha": ALPHAS}, cv=cv).fit(X_REG, Y_REG)
    for i, alpha in enumerate(ALPHAS):
        scores = cross_val_score(Ridge(alpha=alpha), X_REG, Y_REG, cv=cv)
        assert_allclose(
            [search.cv_results_[f"split{j}_test_score"][i] for j in range(5)],
            scores,
            **SAME,
        )
        assert search.cv_results_["std_test_score"][i] == pytest.approx(
            np.std(scores), rel=1e-12, abs=1e-15
        )
    refit = Ridge(**search.best_params_).fit(X_REG, Y_REG)
    assert_allclose(search.best_estimator_.coef_, refit.coef_, **SAME)
    assert search.score(X_REG, Y_REG) == pytest.approx(
        refit.score(X_REG, Y_REG), rel=1e-12, abs=1e-12
    )
    assert not hasattr(search, "predict_proba")


def test_refit_false_keeps_results_but_cannot_predict():
    search = GridSearchCV(Ridge(), {"alpha": ALPHAS}, cv=3, refit=False)
    with pytest.raises(NotFittedError, match="not fitted"):
        search.predict(X_REG)
    search.fit(X_REG, Y_REG)
    assert search.best_params_ in search.cv_results_["params"]
    assert not hasattr(search, "best_estimator_")
    with pytest.raises(NotFittedError, match="refit=False"):
        search.predict(X_REG)


def test_a_search_is_an_estimator_that_clones():
    search = GridSearchCV(Ridge(alpha=2.0), {"alpha": [1.0]}, cv=3)
    params = search.get_params()
    assert params["model__alpha"] == 2.0 and params["cv"] == 3
    for copy in [clone(search), sk_clone(search)]:
        assert copy.get_params(deep=False).keys() == params.keys() - {
            "model__" + k for k in Ridge().get_params()
        }
        assert copy.model is not search.model


# ----------------------------------------------------------- random search


def test_random_search_is_reproducible_with_a_seed():
    dists = {
        "alpha": stats.loguniform(1e-3, 1e2),
        "fit_intercept": [True, False],
    }

    def run(seed):
        return RandomizedSearchCV(
            Ridge(), dists, n_iter=6, cv=3, rng=seed
        ).fit(X_REG, Y_REG)

    a, b, c = run(4), run(4), run(5)
    assert a.cv_results_["params"] == b.cv_results_["params"]
    assert_allclose(
        a.cv_results_["mean_test_score"],
        b.cv_results_["mean_test_score"],
        **SAME,
    )
    assert a.cv_results_["params"] != c.cv_results_["params"]
    assert len(a.cv_results_["params"]) == 6


def test_random_search_scores_its_candidates_as_grid_search_would():
    search = RandomizedSearchCV(
        sk_linear.Ridge(),
        {"alpha": stats.loguniform(1e-3, 1e2)},
        n_iter=5,
        cv=4,
        rng=0,
    ).fit(X_REG, Y_REG)
    as_grid = [
        {k: [v] for k, v in p.items()} for p in search.cv_results_["params"]
    ]
    theirs = sk.GridSearchCV(sk_linear.Ridge(), as_grid, cv=4).fit(
        X_REG, Y_REG
    )
    same_results(search, theirs)


def test_sampling_from_a_list_is_uniform():
    rng = np.random.default_rng(2)
    values = ["a", "b", "c", "d"]
    draws = _sample_candidates([{"v": values}], 4000, rng)
    counts = np.array([sum(d["v"] == v for d in draws) for v in values])
    # each count is Binomial(4000, 1/4): mean 1000, sd about 27
    assert np.all(np.abs(counts - 1000) < 5 * 27.4)


def test_sampling_from_loguniform_is_uniform_in_the_log():
    rng = np.random.default_rng(3)
    draws = _sample_candidates(
        [{"alpha": stats.loguniform(1e-3, 1e2)}], 4000, rng
    )
    logs = np.log10([d["alpha"] for d in draws])
    assert logs.min() >= -3 and logs.max() <= 2
    # log10(alpha) ~ U(-3, 2): mean -0.5, sd 5 / sqrt(12); 5 standard errors
    assert abs(logs.mean() + 0.5) < 5 * (5 / np.sqrt(12)) / np.sqrt(4000)
    assert stats.kstest(logs, stats.uniform(-3, 5).cdf).pvalue > 1e-4


def test_a_list_of_distributions_picks_one_dict_per_candidate():
    grids = [{"a": [1]}, {"b": [2]}]
    draws = _sample_candidates(grids, 200, np.random.default_rng(0))
    assert {tuple(d) for d in draws} == {("a",), ("b",)}


# ---------------------------------------------------------------- the book


SHOWN = [
    (_split, "_fold_sizes"),
    (_split, "_kfold_tests"),
    (_split, "_stratified_fold_of"),
    (_split, "_stratified_test_counts"),
    (_validation, "_fit_and_score"),
    (_search, "_candidates"),
    (_search, "_search"),
]


@pytest.mark.parametrize(("module", "name"), SHOWN, ids=[n for _, n in SHOWN])
def test_the_functions_the_book_shows_are_short(module, name):
    lines = inspect.getsource(getattr(module, name)).splitlines()
    assert len(lines) <= 20
    assert max(map(len, lines)) <= 80


def test_the_cross_val_score_loop_is_short():
    source = inspect.getsource(cross_val_score)
    body = source[source.index('    """\n', source.index('"""') + 3) + 8 :]
    assert len(body.strip().splitlines()) <= 6


# --------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("grid", "error", "match"),
    [
        ({}, ValueError, "param_grid must hold non-empty dicts"),
        ([], ValueError, "param_grid must not be empty"),
        (
            {"alpah": [1.0]},
            ValueError,
            "param_grid names 'alpah', which Ridge",
        ),
        ({"alpha": 1.0}, TypeError, r"param_grid\['alpha'\] must be a list"),
        ({"alpha": "1.0"}, TypeError, r"param_grid\['alpha'\] must be a list"),
        (
            {"alpha": []},
            ValueError,
            r"param_grid\['alpha'\] must not be empty",
        ),
        ("alpha", TypeError, "param_grid must be a dict of lists"),
        ([{"alpha": [1.0]}, {}], ValueError, "non-empty dicts"),
    ],
)
def test_bad_grids(grid, error, match):
    with pytest.raises(error, match=match):
        GridSearchCV(Ridge(), grid).fit(X_REG, Y_REG)


def test_bad_search_arguments():
    grid = {"alpha": [1.0]}
    with pytest.raises(TypeError, match="cv must be an int"):
        GridSearchCV(Ridge(), grid, cv="five").fit(X_REG, Y_REG)
    with pytest.raises(ValueError, match="scoring must be one of"):
        GridSearchCV(Ridge(), grid, scoring="mse").fit(X_REG, Y_REG)
    with pytest.raises(TypeError, match="refit must be True or False"):
        GridSearchCV(Ridge(), grid, refit="yes").fit(X_REG, Y_REG)
    with pytest.raises(ValueError, match="442 rows and y of length 441"):
        GridSearchCV(Ridge(), grid).fit(X_REG, Y_REG[:-1])
    with pytest.raises(ValueError, match="n_iter must be >= 1"):
        RandomizedSearchCV(Ridge(), grid, n_iter=0).fit(X_REG, Y_REG)
    with pytest.raises(TypeError, match="rng must be"):
        RandomizedSearchCV(Ridge(), grid, rng="x").fit(X_REG, Y_REG)
    with pytest.raises(ValueError, match="param_distributions names 'beta'"):
        RandomizedSearchCV(Ridge(), {"beta": [1]}).fit(X_REG, Y_REG)
    with pytest.raises(TypeError, match="or a distribution with rvs"):
        RandomizedSearchCV(Ridge(), {"alpha": 2.0}).fit(X_REG, Y_REG)


def test_search_works_inside_sklearn_response_method_scorers():
    """scikit-learn's roc_auc scorer finds predict_proba by its name."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import cross_val_score as sk_cross_val_score

    from mathforml.model_selection import GridSearchCV
    from mathforml.models import LogisticRegression

    X, y = load_breast_cancer(return_X_y=True)
    search = GridSearchCV(LogisticRegression(), {"C": [0.1, 1.0]}, cv=3)
    scores = sk_cross_val_score(search, X[:, :3], y, cv=3, scoring="roc_auc")
    assert np.all(np.isfinite(scores)) and np.all(scores > 0.8)
