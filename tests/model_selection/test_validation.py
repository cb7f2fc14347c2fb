"""cross_val_score against scikit-learn's, fold for fold, and the leakage test:
inside cross-validation a pipeline's transformer never sees a test row."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.impute import SimpleImputer as SkSimpleImputer
from sklearn.metrics import make_scorer, max_error
from sklearn.pipeline import make_pipeline as sk_make_pipeline
from sklearn.preprocessing import StandardScaler as SkStandardScaler

from mathforml.base import BaseEstimator, TransformerMixin
from mathforml.model_selection import (
    KFold,
    StratifiedKFold,
    cross_val_score,
)
from mathforml.model_selection._validation import _fit_and_score
from mathforml.models import Ridge
from mathforml.pipeline import Pipeline, make_pipeline
from mathforml.preprocessing import SimpleImputer, StandardScaler

X_REG, Y_REG = load_diabetes(return_X_y=True)
X_CLF, Y_CLF = load_breast_cancer(return_X_y=True)
SAME = dict(rtol=1e-12, atol=1e-12)  # the same computation, run twice
SOLVERS = dict(rtol=1e-8, atol=1e-8)  # two solvers of one problem
CLASSIFIER_SCORINGS = ["accuracy", "precision", "recall", "f1", "roc_auc"]


def sk_logistic():
    return sk_make_pipeline(
        SkStandardScaler(), sk_linear.LogisticRegression(max_iter=1000)
    )


class RecordingCenter(TransformerMixin, BaseEstimator):
    """Centers the columns; records which rows (column 0 holds row ids) each
    fit saw, in a log shared by every clone."""

    log: list = []

    def fit(self, X, y=None):
        X = np.asarray(X)
        RecordingCenter.log.append(set(X[:, 0].astype(int).tolist()))
        self.mean_ = X.mean(axis=0)
        return self

    def transform(self, X):
        return np.asarray(X) - self.mean_


# ------------------------------------------------- equal to scikit-learn


@pytest.mark.parametrize("scoring", [None, "r2", "neg_mean_squared_error"])
@pytest.mark.parametrize(
    "cv", [5, 3, sk.KFold(4, shuffle=True, random_state=0)]
)
def test_sklearn_ridge_scores_equal_sklearns(scoring, cv):
    model = sk_linear.Ridge(alpha=0.5)
    ours = cross_val_score(model, X_REG, Y_REG, cv=cv, scoring=scoring)
    theirs = sk.cross_val_score(model, X_REG, Y_REG, cv=cv, scoring=scoring)
    assert_allclose(ours, theirs, **SAME)
    assert not hasattr(model, "coef_")  # the model passed in is never fitted


@pytest.mark.parametrize("scoring", [None, *CLASSIFIER_SCORINGS])
def test_sklearn_logistic_regression_with_a_scoring_string(scoring):
    ours = cross_val_score(sk_logistic(), X_CLF, Y_CLF, cv=4, scoring=scoring)
    theirs = sk.cross_val_score(
        sk_logistic(), X_CLF, Y_CLF, cv=4, scoring=scoring
    )
    assert_allclose(ours, theirs, **SAME)


def test_roc_auc_from_decision_function_and_string_labels():
    # RidgeClassifier has no predict_proba: roc_auc uses decision_function;
    # with labels "benign" < "malignant", classes_[1] is the positive class
    y = np.where(Y_CLF == 1, "malignant", "benign")
    model = sk_make_pipeline(SkStandardScaler(), sk_linear.RidgeClassifier())
    ours = cross_val_score(model, X_CLF, y, cv=3, scoring="roc_auc")
    theirs = sk.cross_val_score(model, X_CLF, y, cv=3, scoring="roc_auc")
    assert_allclose(ours, theirs, **SAME)


@pytest.mark.parametrize("scoring", [None, "r2", "neg_mean_squared_error"])
def test_our_ridge_equals_sklearns_ridge(scoring):
    ours = cross_val_score(Ridge(alpha=2.0), X_REG, Y_REG, scoring=scoring)
    theirs = sk.cross_val_score(
        sk_linear.Ridge(alpha=2.0), X_REG, Y_REG, scoring=scoring
    )
    scale = max(1.0, np.max(np.abs(theirs)))
    assert_allclose(ours, theirs, rtol=1e-8, atol=1e-8 * scale)


def test_our_ridge_inside_sklearns_cross_val_score():
    cv = sk.KFold(5, shuffle=True, random_state=1)
    theirs = sk.cross_val_score(Ridge(alpha=0.3), X_REG, Y_REG, cv=cv)
    ours = cross_val_score(Ridge(alpha=0.3), X_REG, Y_REG, cv=cv)
    assert_allclose(ours, theirs, **SAME)


def test_our_logistic_regression_with_scoring_strings():
    from mathforml.models import LogisticRegression

    X = SkStandardScaler().fit_transform(X_CLF)
    for scoring in [None, *CLASSIFIER_SCORINGS]:
        ours = cross_val_score(
            LogisticRegression(), X, Y_CLF, cv=5, scoring=scoring
        )
        theirs = sk.cross_val_score(
            LogisticRegression(), X, Y_CLF, cv=5, scoring=scoring
        )
        assert_allclose(ours, theirs, **SAME)


def test_int_cv_is_stratified_for_a_classifier_and_plain_otherwise():
    # sorted labels: plain KFold would give folds of one class
    order = np.argsort(Y_CLF, kind="stable")
    X, y = X_CLF[order], Y_CLF[order]
    by_int = cross_val_score(sk_logistic(), X, y, cv=3)
    by_strat = cross_val_score(sk_logistic(), X, y, cv=StratifiedKFold(3))
    assert_allclose(by_int, by_strat, **SAME)
    by_plain = cross_val_score(sk_logistic(), X, y, cv=KFold(3))
    assert not np.allclose(by_int, by_plain)
    reg_int = cross_val_score(sk_linear.Ridge(), X_REG, Y_REG, cv=3)
    reg_kfold = cross_val_score(sk_linear.Ridge(), X_REG, Y_REG, cv=KFold(3))
    assert_allclose(reg_int, reg_kfold, **SAME)


def test_cv_as_a_list_of_pairs_or_a_generator_or_a_sklearn_splitter():
    pairs = list(
        sk.ShuffleSplit(4, test_size=0.3, random_state=0).split(X_REG)
    )
    expected = sk.cross_val_score(sk_linear.Ridge(), X_REG, Y_REG, cv=pairs)
    for cv in [pairs, iter(pairs), (p for p in pairs)]:
        got = cross_val_score(sk_linear.Ridge(), X_REG, Y_REG, cv=cv)
        assert_allclose(got, expected, **SAME)
    cv = sk.StratifiedKFold(4, shuffle=True, random_state=2)
    assert_allclose(
        cross_val_score(sk_logistic(), X_CLF, Y_CLF, cv=cv),
        sk.cross_val_score(sk_logistic(), X_CLF, Y_CLF, cv=cv),
        **SAME,
    )


def test_callable_scorer_and_fit_and_score():
    def neg_max_error(estimator, X, y):
        return -float(np.max(np.abs(estimator.predict(X) - y)))

    ours = cross_val_score(Ridge(), X_REG, Y_REG, cv=3, scoring=neg_max_error)
    theirs = sk.cross_val_score(
        sk_linear.Ridge(),
        X_REG,
        Y_REG,
        cv=3,
        scoring=make_scorer(max_error, greater_is_better=False),
    )
    assert_allclose(ours, theirs, rtol=1e-8, atol=1e-6)
    train, test = np.arange(300), np.arange(300, 442)
    model = Ridge()
    by_hand = (
        Ridge().fit(X_REG[train], Y_REG[train]).score(X_REG[test], Y_REG[test])
    )
    assert _fit_and_score(
        model, X_REG, Y_REG, train, test, lambda m, X, y: m.score(X, y)
    ) == pytest.approx(by_hand, rel=1e-12, abs=1e-12)
    assert not hasattr(model, "coef_")


def test_missing_values_pass_through_to_an_imputer_in_the_pipeline(rng):
    X = X_REG.copy()
    X[rng.random(X.shape) < 0.1] = np.nan  # NaN: a missing value
    ours = make_pipeline(SimpleImputer(), StandardScaler(), Ridge())
    theirs = sk_make_pipeline(
        SkSimpleImputer(), SkStandardScaler(), sk_linear.Ridge()
    )
    assert_allclose(
        cross_val_score(ours, X, Y_REG, cv=4),
        sk.cross_val_score(theirs, X, Y_REG, cv=4),
        **SOLVERS,
    )
    with pytest.raises(ValueError, match="X must contain only finite"):
        cross_val_score(Ridge(), X, Y_REG)  # without an imputer: refused


# ------------------------------------------------------------------ leakage


@pytest.mark.parametrize(
    "cv", [4, KFold(3, shuffle=True, rng=0), sk.KFold(5, shuffle=True)]
)
def test_a_transformer_in_a_pipeline_never_sees_a_test_row(cv):
    n = 60
    rng = np.random.default_rng(0)
    X = np.column_stack([np.arange(n), rng.normal(size=(n, 3))])
    y = X[:, 1] + 0.1 * rng.normal(size=n)
    pipe = Pipeline([("center", RecordingCenter()), ("ridge", Ridge())])
    splits = list((KFold(cv) if isinstance(cv, int) else cv).split(X, y))
    RecordingCenter.log = []
    cross_val_score(pipe, X, y, cv=splits)
    assert len(RecordingCenter.log) == len(splits)
    for seen, (train, test) in zip(RecordingCenter.log, splits):
        assert seen == set(train.tolist())
        assert seen.isdisjoint(test.tolist())
    assert not hasattr(pipe.named_steps.center, "mean_")


# --------------------------------------------------------------- bad input


def test_bad_arguments_are_refused_clearly():
    X, y = X_REG[:50], Y_REG[:50]
    with pytest.raises(TypeError, match=r"cv must be an int.*got str 'five'"):
        cross_val_score(Ridge(), X, y, cv="five")
    with pytest.raises(ValueError, match="cv must be >= 2; got 1"):
        cross_val_score(Ridge(), X, y, cv=1)
    with pytest.raises(ValueError, match=r"n_splits=60 greater than.*=50"):
        cross_val_score(Ridge(), X, y, cv=60)
    with pytest.raises(ValueError, match=r"scoring must be one of \['accu"):
        cross_val_score(Ridge(), X, y, scoring="accuracy_score")
    with pytest.raises(TypeError, match="scoring must be None"):
        cross_val_score(Ridge(), X, y, scoring=3)
    with pytest.raises(ValueError, match="50 rows and y of length 49"):
        cross_val_score(Ridge(), X, y[:-1])
    with pytest.raises(TypeError, match="model must be an estimator"):
        cross_val_score(object(), X, y)
    with pytest.raises(ValueError, match="test indices of split 0 must lie"):
        cross_val_score(Ridge(), X, y, cv=[(np.arange(10), np.arange(45, 55))])
    with pytest.raises(ValueError, match="train indices of split 0"):
        cross_val_score(Ridge(), X, y, cv=[([], [1, 2])])
    with pytest.raises(TypeError, match=r"split 0 must be a \(train, test\)"):
        cross_val_score(Ridge(), X, y, cv=[np.arange(3)])
    with pytest.raises(ValueError, match="at least one"):
        cross_val_score(Ridge(), X, y, cv=[])
    with pytest.raises(ValueError, match="y must not contain NaN"):
        cross_val_score(Ridge(), X, np.where(np.arange(50) == 3, np.nan, y))
