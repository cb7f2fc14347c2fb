"""What every transformer of mathforml.preprocessing shares: the estimator
conventions (fit returns self, NotFittedError, the feature count checked, clone,
get_params), and working inside scikit-learn's Pipeline and GridSearchCV exactly as
scikit-learn's own transformers do."""

import numpy as np
import pytest
import sklearn
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import impute as sk_impute
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk_ms
from sklearn import pipeline as sk_pipeline
from sklearn import preprocessing as sk_pre
from sklearn.base import clone as sk_clone
from sklearn.datasets import load_diabetes

from mathforml import base
from mathforml.exceptions import NotFittedError
from mathforml.preprocessing import (
    MinMaxScaler,
    OneHotEncoder,
    PolynomialFeatures,
    SimpleImputer,
    StandardScaler,
)

#: Ridge on features that agree to ~1e-15: predictions and CV scores agree closely.
SAME = dict(rtol=1e-9, atol=1e-9)
SKLEARN = tuple(int(p) for p in sklearn.__version__.split(".")[:2])

X_DIAB, Y_DIAB = load_diabetes(return_X_y=True)


def with_holes(X, seed=0, fraction=0.2):
    X = X.copy()
    X[np.random.default_rng(seed).random(X.shape) < fraction] = np.nan
    return X


def categorical_data(n=240, seed=0):
    """Three categorical columns (strings, ints, strings) and a target that
    depends on them."""
    rng = np.random.default_rng(seed)
    color = np.array(["red", "green", "blue"], dtype=object)[
        rng.integers(0, 3, n)
    ]
    size = rng.integers(1, 5, n)
    shape = np.array(["round", "square"], dtype=object)[rng.integers(0, 2, n)]
    X = np.column_stack([color, size.astype(object), shape])
    y = (
        (color == "red") * 2.0
        - (color == "blue")
        + 0.7 * size
        + (shape == "round") * 1.5
        + 0.3 * rng.standard_normal(n)
    )
    return X, y


X_CAT, Y_CAT = categorical_data()

# (ours, scikit-learn's twin, training data, target, a grid over one parameter)
CASES = {
    "StandardScaler": (
        StandardScaler(),
        sk_pre.StandardScaler(),
        X_DIAB,
        Y_DIAB,
        {"standardscaler__with_std": [True, False]},
    ),
    "MinMaxScaler": (
        MinMaxScaler(),
        sk_pre.MinMaxScaler(),
        X_DIAB,
        Y_DIAB,
        {"minmaxscaler__feature_range": [(0, 1), (-1, 1), (0, 10)]},
    ),
    "SimpleImputer": (
        SimpleImputer(),
        sk_impute.SimpleImputer(),
        with_holes(X_DIAB),
        Y_DIAB,
        {
            "simpleimputer__strategy": [
                "mean",
                "median",
                "most_frequent",
                "constant",
            ]
        },
    ),
    "OneHotEncoder": (
        OneHotEncoder(handle_unknown="ignore"),
        sk_pre.OneHotEncoder(handle_unknown="ignore", sparse_output=False),
        X_CAT,
        Y_CAT,
        {"onehotencoder__drop": [None, "first"]},
    ),
    "PolynomialFeatures": (
        PolynomialFeatures(),
        sk_pre.PolynomialFeatures(),
        X_DIAB[:, :4],
        Y_DIAB,
        {"polynomialfeatures__degree": [1, 2, 3]},
    ),
}
NAMES = list(CASES)


def fresh(name):
    """A new unfitted copy of the case's pair (the table holds one object)."""
    ours, theirs, X, y, grid = CASES[name]
    return sk_clone(ours), sk_clone(theirs), X, y, grid


@pytest.mark.parametrize("name", NAMES)
def test_is_a_transformer_and_fit_returns_self(name):
    ours, _, X, _, _ = fresh(name)
    assert isinstance(ours, base.TransformerMixin)
    assert isinstance(ours, base.BaseEstimator)
    mro = type(ours).__mro__
    assert mro.index(base.TransformerMixin) < mro.index(base.BaseEstimator)
    assert ours.fit(X) is ours
    assert ours.n_features_in_ == X.shape[1]


@pytest.mark.parametrize("name", NAMES)
def test_fit_transform_equals_fit_then_transform(name):
    ours, _, X, y, _ = fresh(name)
    assert_array_equal(
        ours.fit_transform(X, y), sk_clone(ours).fit(X).transform(X)
    )


@pytest.mark.parametrize("name", NAMES)
def test_not_fitted_error_before_fit(name):
    ours, _, X, _, _ = fresh(name)
    methods = ["transform", "get_feature_names_out"]
    if hasattr(ours, "inverse_transform"):
        methods.append("inverse_transform")
    for method in methods:
        args = () if method == "get_feature_names_out" else (X,)
        with pytest.raises(NotFittedError, match="not fitted"):
            getattr(ours, method)(*args)


@pytest.mark.parametrize("name", NAMES)
def test_wrong_number_of_features_at_transform(name):
    ours, _, X, _, _ = fresh(name)
    ours.fit(X)
    kind = type(ours).__name__
    with pytest.raises(
        ValueError, match=rf"X has {X.shape[1] - 1} features, but {kind}"
    ):
        ours.transform(X[:, :-1])
    wider = np.column_stack([X, X[:, :1]])
    with pytest.raises(ValueError, match=rf"X has {X.shape[1] + 1} features"):
        ours.transform(wider)


@pytest.mark.parametrize("name", NAMES)
def test_lists_are_accepted(name):
    ours, _, X, _, _ = fresh(name)
    assert_array_equal(
        ours.fit(X[:30].tolist()).transform(X[30:40].tolist()),
        sk_clone(ours).fit(X[:30]).transform(X[30:40]),
    )


def test_inverse_transform_exactly_where_scikit_learn_has_it():
    for name in NAMES:
        ours, theirs, *_ = fresh(name)
        assert hasattr(ours, "inverse_transform") == (
            name in {"StandardScaler", "MinMaxScaler"}
        ), name
        assert hasattr(theirs, "get_feature_names_out")
        assert hasattr(ours, "get_feature_names_out"), name


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "cloner", [base.clone, sk_clone], ids=["ours", "sklearn"]
)
def test_clone_gives_an_unfitted_copy_with_the_same_parameters(name, cloner):
    ours, _, X, _, _ = fresh(name)
    ours.fit(X)
    copy = cloner(ours)
    assert type(copy) is type(ours) and copy is not ours
    assert copy.get_params() == ours.get_params()
    assert not hasattr(copy, "n_features_in_")
    with pytest.raises(NotFittedError):
        copy.transform(X)


@pytest.mark.parametrize("name", NAMES)
def test_hyperparameters_have_scikit_learns_names_and_defaults(name):
    ours, theirs, *_ = fresh(name)
    sk_defaults = type(theirs)().get_params()
    for key, value in type(ours)().get_params().items():
        assert key in sk_defaults, key
        assert sk_defaults[key] == value, key
    assert repr(ours).startswith(f"{type(ours).__name__}(")


def test_repr_and_set_params():
    poly = PolynomialFeatures(degree=3)
    assert repr(poly) == (
        "PolynomialFeatures(degree=3, include_bias=True, interaction_only=False)"
    )
    assert poly.set_params(degree=4) is poly and poly.degree == 4
    with pytest.raises(ValueError, match="Invalid parameter 'order'"):
        poly.set_params(order=2)


@pytest.mark.skipif(SKLEARN < (1, 6), reason="scikit-learn < 1.6 has no Tags")
@pytest.mark.parametrize("name", NAMES)
def test_scikit_learn_sees_a_transformer(name):
    from sklearn.utils import get_tags

    ours, *_ = fresh(name)
    tags = get_tags(ours)
    assert tags.transformer_tags is not None
    assert tags.estimator_type is None


@pytest.mark.parametrize("name", NAMES)
def test_in_a_scikit_learn_pipeline_as_scikit_learns_own(name):
    ours, theirs, X, y, _ = fresh(name)
    train, test = np.arange(0, len(y), 2), np.arange(1, len(y), 2)
    pipes = [
        sk_pipeline.make_pipeline(t, sk_linear.Ridge(alpha=0.1)).fit(
            X[train], y[train]
        )
        for t in (ours, theirs)
    ]
    assert_allclose(
        pipes[0].predict(X[test]), pipes[1].predict(X[test]), **SAME
    )
    assert pipes[0].score(X[test], y[test]) == pytest.approx(
        pipes[1].score(X[test], y[test]), rel=1e-9, abs=1e-12
    )


@pytest.mark.parametrize("name", NAMES)
def test_grid_search_over_a_hyperparameter_as_scikit_learns_own(name):
    ours, theirs, X, y, grid = fresh(name)
    searches = [
        sk_ms.GridSearchCV(
            sk_pipeline.make_pipeline(t, sk_linear.Ridge(alpha=0.1)),
            grid,
            cv=sk_ms.KFold(5, shuffle=True, random_state=0),
        ).fit(X, y)
        for t in (ours, theirs)
    ]
    (param,) = grid
    assert searches[0].best_params_ == searches[1].best_params_
    assert len(set(map(str, grid[param]))) == len(
        searches[0].cv_results_["mean_test_score"]
    )
    assert_allclose(
        searches[0].cv_results_["mean_test_score"],
        searches[1].cv_results_["mean_test_score"],
        **SAME,
    )
    # the candidates really differ: the search is not comparing one model
    assert np.ptp(searches[0].cv_results_["mean_test_score"]) > 1e-6
    best = searches[0].best_estimator_.steps[0][1]
    assert type(best) is type(ours)
    assert (
        getattr(best, param.split("__")[1]) == searches[0].best_params_[param]
    )


def test_grid_search_picks_the_degree_of_a_cubic():
    rng = np.random.default_rng(3)
    x = rng.uniform(-2, 2, size=(120, 1))
    y = x[:, 0] ** 3 - 2 * x[:, 0] + 0.1 * rng.standard_normal(120)
    search = sk_ms.GridSearchCV(
        sk_pipeline.make_pipeline(
            PolynomialFeatures(), sk_linear.Ridge(alpha=1e-6)
        ),
        {"polynomialfeatures__degree": [1, 2, 3, 4, 5]},
        cv=5,
    ).fit(x, y)
    assert search.best_params_["polynomialfeatures__degree"] in (3, 4, 5)
    scores = search.cv_results_["mean_test_score"]
    assert scores[2] > max(scores[0], scores[1]) + 0.1


def test_cross_validation_refits_the_scaler_on_each_fold():
    # the leak check: ours inside cross_val_score gives scikit-learn's scores, so
    # each fold's scaler saw only that fold's training rows
    X = X_DIAB * np.array([1, 100, 1, 1e-3, 1, 1, 1, 1, 1, 10])
    cv = sk_ms.KFold(5, shuffle=True, random_state=1)
    scores = [
        sk_ms.cross_val_score(
            sk_pipeline.make_pipeline(s, sk_linear.Ridge(alpha=1.0)),
            X,
            Y_DIAB,
            cv=cv,
        )
        for s in (StandardScaler(), sk_pre.StandardScaler())
    ]
    assert_allclose(scores[0], scores[1], **SAME)
    # scaling once on all rows (the leak) gives different scores
    leaked = sk_ms.cross_val_score(
        sk_linear.Ridge(alpha=1.0),
        StandardScaler().fit_transform(X),
        Y_DIAB,
        cv=cv,
    )
    assert not np.allclose(leaked, scores[0], rtol=1e-6, atol=0)


def test_in_the_package_pipeline_too():
    from mathforml.models import Ridge
    from mathforml.pipeline import make_pipeline

    X = with_holes(X_DIAB, seed=4)
    ours = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        PolynomialFeatures(degree=2),
        Ridge(alpha=1.0),
    ).fit(X[:300], Y_DIAB[:300])
    theirs = sk_pipeline.make_pipeline(
        sk_impute.SimpleImputer(strategy="median"),
        sk_pre.StandardScaler(),
        sk_pre.PolynomialFeatures(degree=2),
        sk_linear.Ridge(alpha=1.0),
    ).fit(X[:300], Y_DIAB[:300])
    assert_allclose(ours.predict(X[300:]), theirs.predict(X[300:]), **SAME)
