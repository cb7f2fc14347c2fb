"""Pipeline and make_pipeline against scikit-learn's: the same predictions, the same
parameter names, and estimators of each library inside the other's tools."""

import inspect

import numpy as np
import pytest
import sklearn
from numpy.testing import assert_allclose
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk_ms
from sklearn import pipeline as sk_pipeline
from sklearn import preprocessing as sk_pre
from sklearn.base import clone as sk_clone
from sklearn.base import is_classifier as sk_is_classifier
from sklearn.datasets import load_breast_cancer, load_diabetes

from mathforml.base import (
    BaseEstimator,
    TransformerMixin,
    clone,
    is_classifier,
)
from mathforml.exceptions import NotFittedError
from mathforml.model_selection import GridSearchCV, cross_val_score
from mathforml.models import Ridge
from mathforml.pipeline import Pipeline, make_pipeline
from mathforml.preprocessing import StandardScaler

X_REG, Y_REG = load_diabetes(return_X_y=True)
X_CLF, Y_CLF = load_breast_cancer(return_X_y=True)
SAME = dict(rtol=1e-12, atol=1e-12)
SOLVERS = dict(rtol=1e-8, atol=1e-8)
SKLEARN_ONLY_PARAMS = {"memory", "verbose", "transform_input"}


class Center(TransformerMixin, BaseEstimator):
    """A transformer of the package's kind: subtracts the training mean."""

    def __init__(self, *, with_mean=True):
        self.with_mean = with_mean

    def fit(self, X, y=None):
        self.mean_ = np.mean(X, axis=0) if self.with_mean else 0.0
        return self

    def transform(self, X):
        return np.asarray(X, dtype=float) - self.mean_


def sk_steps():
    return [
        ("scale", sk_pre.StandardScaler()),
        ("ridge", sk_linear.Ridge(alpha=3.0)),
    ]


def clf_steps():
    return [
        ("scale", sk_pre.StandardScaler()),
        ("logistic", sk_linear.LogisticRegression(max_iter=1000)),
    ]


# --------------------------------------------------- the same as sklearn


def test_regression_pipeline_equals_sklearns():
    ours = Pipeline(sk_steps()).fit(X_REG, Y_REG)
    theirs = sk_pipeline.Pipeline(sk_steps()).fit(X_REG, Y_REG)
    assert_allclose(ours.predict(X_REG), theirs.predict(X_REG), **SAME)
    assert ours.score(X_REG, Y_REG) == pytest.approx(
        theirs.score(X_REG, Y_REG), rel=1e-12, abs=1e-12
    )
    assert not hasattr(ours, "predict_proba")
    assert not hasattr(ours, "transform")  # Ridge has no transform
    assert not hasattr(ours, "classes_")


def test_classification_pipeline_equals_sklearns():
    ours = Pipeline(clf_steps()).fit(X_CLF, Y_CLF)
    theirs = sk_pipeline.Pipeline(clf_steps()).fit(X_CLF, Y_CLF)
    for method in ["predict", "predict_proba", "decision_function"]:
        assert_allclose(
            getattr(ours, method)(X_CLF),
            getattr(theirs, method)(X_CLF),
            **SAME,
        )
    assert ours.score(X_CLF, Y_CLF) == theirs.score(X_CLF, Y_CLF)
    assert ours.classes_.tolist() == [0, 1]


def test_a_pipeline_of_transformers_transforms_like_sklearns():
    steps = [
        ("poly", sk_pre.PolynomialFeatures(degree=2)),
        ("scale", sk_pre.StandardScaler()),
    ]
    X = X_REG[:, :3]
    ours = Pipeline(steps)
    theirs = sk_pipeline.Pipeline([(n, sk_clone(s)) for n, s in steps])
    assert_allclose(ours.fit_transform(X), theirs.fit_transform(X), **SAME)
    assert_allclose(ours.transform(X[:5]), theirs.transform(X[:5]), **SAME)
    assert ours.n_features_in_ == 3


def test_fit_fits_each_step_on_the_output_of_the_one_before():
    pipe = Pipeline([("center", Center()), ("ridge", Ridge(alpha=1.0))])
    assert pipe.fit(X_REG, Y_REG) is pipe
    assert_allclose(pipe.named_steps["center"].mean_, X_REG.mean(0), **SAME)
    direct = Ridge(alpha=1.0).fit(X_REG - X_REG.mean(0), Y_REG)
    assert_allclose(pipe.named_steps.ridge.coef_, direct.coef_, **SAME)
    assert_allclose(
        pipe.predict(X_REG[:7]),
        direct.predict(X_REG[:7] - X_REG.mean(0)),
        **SAME,
    )


def test_get_params_lists_the_same_names_as_sklearn():
    ours = Pipeline(sk_steps()).get_params(deep=True)
    theirs = sk_pipeline.Pipeline(sk_steps()).get_params(deep=True)
    assert set(ours) == set(theirs) - SKLEARN_ONLY_PARAMS
    assert ours["ridge__alpha"] == 3.0
    assert Pipeline(sk_steps()).get_params(deep=False).keys() == {"steps"}


def test_set_params_reaches_into_steps_and_swaps_them():
    pipe = Pipeline([("center", Center()), ("ridge", Ridge())])
    old_steps = pipe.steps
    assert pipe.set_params(ridge__alpha=7.0, center__with_mean=False) is pipe
    assert pipe.named_steps.ridge.alpha == 7.0
    assert pipe.named_steps.center.with_mean is False
    pipe.set_params(ridge=sk_linear.Lasso(alpha=0.5))
    assert isinstance(pipe[-1], sk_linear.Lasso)
    assert isinstance(old_steps[-1][1], Ridge)  # the list given is not edited
    pipe.set_params(steps=[("only", Ridge())])
    assert [name for name, _ in pipe.steps] == ["only"]
    with pytest.raises(ValueError, match="Invalid parameter 'ridge__alpha'"):
        pipe.set_params(ridge__alpha=1.0)
    with pytest.raises(ValueError, match="Invalid parameter 'alpha'"):
        Pipeline(sk_steps()).set_params(alpha=1.0)


def test_make_pipeline_names_steps_as_sklearn():
    ours = make_pipeline(
        sk_pre.StandardScaler(), sk_pre.StandardScaler(), Center(), Ridge()
    )
    theirs = sk_pipeline.make_pipeline(
        sk_pre.StandardScaler(), sk_pre.StandardScaler(), Center(), Ridge()
    )
    assert [n for n, _ in ours.steps] == [n for n, _ in theirs.steps]
    assert [n for n, _ in ours.steps] == [
        "standardscaler-1",
        "standardscaler-2",
        "center",
        "ridge",
    ]


def test_indexing_and_len():
    pipe = Pipeline([("center", Center()), ("ridge", Ridge())])
    assert len(pipe) == 2
    assert pipe[0] is pipe.steps[0][1] and pipe["ridge"] is pipe.steps[1][1]
    head = pipe[:1]
    assert isinstance(head, Pipeline) and head.steps == pipe.steps[:1]


def test_the_estimator_type_follows_the_last_step():
    clf = Pipeline(clf_steps())
    reg = Pipeline(sk_steps())
    assert is_classifier(clf) and not is_classifier(reg)
    assert sk_is_classifier(clf) and not sk_is_classifier(reg)
    assert clf._estimator_type == "classifier"
    assert reg._estimator_type == "regressor"


@pytest.mark.skipif(
    not hasattr(sklearn.utils, "get_tags"),
    reason="scikit-learn < 1.6 has no __sklearn_tags__ (the floor: 1.5.2)",
)
def test_sklearn_tags_follow_the_last_step():
    from sklearn.utils import get_tags

    assert get_tags(Pipeline(clf_steps())).estimator_type == "classifier"
    assert get_tags(Pipeline(sk_steps())).estimator_type == "regressor"
    tags = get_tags(Pipeline([("c", Center()), ("r", Ridge())]))
    assert tags.estimator_type == "regressor"


# ----------------------------------------------- both directions of interop


def test_clone_by_either_library_gives_an_unfitted_copy():
    pipe = make_pipeline(StandardScaler(with_std=False), Ridge(alpha=2.0))
    pipe.fit(X_REG, Y_REG)
    for copy in [clone(pipe), sk_clone(pipe)]:
        assert isinstance(copy, Pipeline)
        assert copy.get_params()["ridge__alpha"] == 2.0
        assert copy.get_params()["standardscaler__with_std"] is False
        assert copy.steps[1][1] is not pipe.steps[1][1]
        assert not hasattr(copy.named_steps.ridge, "coef_")
        assert not hasattr(copy.named_steps.standardscaler, "mean_")


def test_our_pipeline_inside_sklearns_cross_val_score_and_grid_search():
    pipe = make_pipeline(StandardScaler(), Ridge())
    assert_allclose(
        sk_ms.cross_val_score(pipe, X_REG, Y_REG, cv=4),
        cross_val_score(pipe, X_REG, Y_REG, cv=4),
        **SAME,
    )
    grid = {
        "ridge__alpha": [0.01, 1.0, 100.0],
        "standardscaler__with_std": [True, False],
    }
    theirs = sk_ms.GridSearchCV(pipe, grid, cv=3).fit(X_REG, Y_REG)
    ours = GridSearchCV(pipe, grid, cv=3).fit(X_REG, Y_REG)
    assert ours.best_params_ == theirs.best_params_
    assert_allclose(
        ours.cv_results_["mean_test_score"],
        theirs.cv_results_["mean_test_score"],
        **SAME,
    )
    assert_allclose(ours.predict(X_REG[:5]), theirs.predict(X_REG[:5]), **SAME)
    assert not hasattr(pipe.named_steps.ridge, "coef_")
    # and the same as scikit-learn's own scaler and ridge in its own pipeline
    sk_pipe = sk_pipeline.make_pipeline(
        sk_pre.StandardScaler(), sk_linear.Ridge()
    )
    all_sklearn = sk_ms.GridSearchCV(sk_pipe, grid, cv=3).fit(X_REG, Y_REG)
    assert ours.best_params_ == all_sklearn.best_params_
    assert_allclose(
        ours.cv_results_["mean_test_score"],
        all_sklearn.cv_results_["mean_test_score"],
        **SOLVERS,
    )


def test_sklearns_pipeline_and_ours_give_the_same_cv_scores():
    ours = cross_val_score(Pipeline(clf_steps()), X_CLF, Y_CLF, cv=3)
    theirs = sk_ms.cross_val_score(
        sk_pipeline.Pipeline(clf_steps()), X_CLF, Y_CLF, cv=3
    )
    assert_allclose(ours, theirs, **SAME)


# -------------------------------------------------------------- the book


def test_fit_is_short_enough_to_show():
    lines = inspect.getsource(Pipeline.fit).splitlines()
    assert len(lines) <= 15
    assert max(map(len, lines)) <= 80


# -------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("steps", "error", "match"),
    [
        ([], TypeError, "steps must be a non-empty list"),
        (Ridge(), TypeError, "steps must be a non-empty list"),
        ([Ridge()], TypeError, r"steps must hold \(name, estimator\) pairs"),
        ([("a", Center()), ("a", Ridge())], ValueError, "must be unique"),
        ([("a__b", Ridge())], ValueError, "without '__'"),
        ([(1, Ridge())], ValueError, "each name must be a string"),
        (
            [("ridge", Ridge()), ("center", Center())],
            TypeError,
            "'ridge' \\(Ridge\\) has not",
        ),
        ([("c", Center()), ("n", None)], TypeError, "last step must have fit"),
    ],
)
def test_bad_steps_are_refused_in_fit(steps, error, match):
    with pytest.raises(error, match=match):
        Pipeline(steps).fit(X_REG, Y_REG)


def test_predicting_before_fit_raises_not_fitted():
    with pytest.raises(NotFittedError):
        Pipeline([("center", Center()), ("ridge", Ridge())]).predict(X_REG)
