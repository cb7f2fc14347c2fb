"""Every estimator and transformer of the package follows scikit-learn's conventions
(:ref:`sec-ml-pipeline`): hyperparameters stored unchanged and validated in ``fit``,
``get_params``/``set_params``/``clone`` (the package's and scikit-learn's), ``fit``
returns ``self``, ``NotFittedError`` before use, a readable ``repr``, the right kind
for ``is_classifier``; and the package's models work inside scikit-learn's tools.

The classes are imported lazily: one whose module does not exist yet is skipped,
with the reason shown in the test report.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass, field

import numpy as np
import pytest
import sklearn.base
from numpy.testing import assert_allclose
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk_ms
from sklearn import pipeline as sk_pipeline
from sklearn import preprocessing as sk_pre
from sklearn.datasets import load_breast_cancer, load_diabetes

from mathforml import base
from mathforml.exceptions import NotFittedError

_RNG = np.random.default_rng(8)
X_NUM = _RNG.standard_normal((40, 3)) * [1.0, 5.0, 0.2] + [0.0, 2.0, -1.0]
X_CAT = _RNG.integers(0, 3, size=(40, 3)).astype(float)
Y_REG = X_NUM @ [1.0, -0.5, 2.0] + 0.1 * _RNG.standard_normal(40)
Y_CLF = np.where(X_NUM[:, 0] + 0.5 * _RNG.standard_normal(40) > 0, "yes", "no")
METHODS = (
    "predict",
    "predict_proba",
    "decision_function",
    "transform",
    "score",
)


def _get(module: str, name: str):
    """``mathforml.<module>.<name>``, or skip the test while it is not written."""
    try:
        mod = importlib.import_module(f"mathforml.{module}")
    except ModuleNotFoundError:
        pytest.skip(f"mathforml.{module} does not exist yet")
    if not hasattr(mod, name):
        pytest.skip(f"mathforml.{module}.{name} does not exist yet")
    return getattr(mod, name)


@dataclass
class Spec:
    module: str
    name: str
    params: (
        dict  # valid, non-default hyperparameters (est(...) for an estimator)
    )
    bad: dict  # a hyperparameter that fit must refuse
    kind: str  # "regressor", "classifier", "transformer" or "clusterer"
    X: np.ndarray = field(default_factory=lambda: X_NUM)

    @property
    def id(self):
        return (
            self.name if self.module != "pipeline" else f"Pipeline-{self.kind}"
        )

    def _value(self, value):
        if isinstance(value, list):
            return [self._value(v) for v in value]
        if isinstance(value, tuple) and len(value) == 3 and value[0] == "est":
            _, (module, name), params = value
            return _get(module, name)(**params)
        if (
            isinstance(value, tuple)
            and len(value) == 2
            and isinstance(value[1], tuple)
        ):
            return (value[0], self._value(value[1]))
        return value

    @property
    def cls(self):
        return _get(self.module, self.name)

    def make(self, **override):
        params = {k: self._value(v) for k, v in self.params.items()}
        return self.cls(**{**params, **override})

    @property
    def y(self):
        return {
            "regressor": Y_REG,
            "classifier": Y_CLF,
            "transformer": None,
            "clusterer": None,
        }[self.kind]


def est(module, name, **params):
    return ("est", (module, name), params)


SPECS = [
    Spec(
        "preprocessing",
        "StandardScaler",
        {"with_std": False},
        {"with_mean": "yes"},
        "transformer",
    ),
    Spec(
        "preprocessing",
        "MinMaxScaler",
        {"feature_range": (-1.0, 1.0)},
        {"feature_range": (1.0, 0.0)},
        "transformer",
    ),
    Spec(
        "preprocessing",
        "SimpleImputer",
        {"strategy": "median"},
        {"strategy": "mode"},
        "transformer",
    ),
    Spec(
        "preprocessing",
        "OneHotEncoder",
        {"handle_unknown": "ignore"},
        {"handle_unknown": "skip"},
        "transformer",
        X=X_CAT,
    ),
    Spec(
        "preprocessing",
        "PolynomialFeatures",
        {"degree": 3},
        {"degree": -1},
        "transformer",
    ),
    Spec("models", "Ridge", {"alpha": 2.0}, {"alpha": -1.0}, "regressor"),
    Spec("models", "Lasso", {"alpha": 0.05}, {"alpha": -1.0}, "regressor"),
    Spec(
        "models",
        "ElasticNet",
        {"alpha": 0.05, "l1_ratio": 0.3},
        {"l1_ratio": 2.0},
        "regressor",
    ),
    Spec("models", "LogisticRegression", {"C": 0.5}, {"C": 0.0}, "classifier"),
    Spec(
        "models",
        "LinearRegression",
        {"fit_intercept": False},
        {"solver": "svd"},
        "regressor",
    ),
    Spec(
        "models",
        "BayesianLinearRegression",
        {"alpha": 2.0, "beta": 3.0},
        {"alpha": 0.0},
        "regressor",
    ),
    Spec(
        "models",
        "GaussianNB",
        {"var_smoothing": 1e-6},
        {"var_smoothing": -1.0},
        "classifier",
    ),
    Spec(
        "models",
        "MultinomialNB",
        {"alpha": 0.5},
        {"alpha": -1.0},
        "classifier",
        X=X_CAT,
    ),
    Spec("models", "SVC", {"C": 2.0}, {"C": 0.0}, "classifier"),
    Spec(
        "models",
        "MLPClassifier",
        {"hidden_layer_sizes": (5,), "n_epochs": 5, "rng": 0},
        {"activation": "elu"},
        "classifier",
    ),
    Spec("models", "PCA", {"n_components": 2}, {"n_components": 0}, "transformer"),
    Spec(
        "models",
        "KernelPCA",
        {"n_components": 2, "gamma": 0.5},
        {"kernel": "sigmoid"},
        "transformer",
    ),
    Spec(
        "models",
        "KMeans",
        {"n_clusters": 2, "n_init": 2, "rng": 0},
        {"n_clusters": 0},
        "clusterer",
    ),
    Spec(
        "models",
        "GaussianMixture",
        {"n_components": 2, "rng": 0},
        {"covariance_type": "tied"},
        "clusterer",
    ),
    Spec(
        "pipeline",
        "Pipeline",
        {
            "steps": [
                ("scale", est("preprocessing", "StandardScaler")),
                ("ridge", est("models", "Ridge", alpha=2.0)),
            ]
        },
        {"steps": "scale then ridge"},
        "regressor",
    ),
    Spec(
        "pipeline",
        "Pipeline",
        {
            "steps": [
                ("scale", est("preprocessing", "StandardScaler")),
                ("logistic", est("models", "LogisticRegression", C=0.5)),
            ]
        },
        {"steps": "scale then logistic"},
        "classifier",
    ),
]
parametrize = pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])


def param_names(cls) -> list[str]:
    sig = inspect.signature(cls.__init__).parameters.values()
    return sorted(p.name for p in sig if p.name != "self")


def is_fitted(estimator) -> bool:
    if hasattr(estimator, "__sklearn_is_fitted__"):
        return bool(estimator.__sklearn_is_fitted__())
    try:
        base.check_is_fitted(estimator)
    except NotFittedError:
        return False
    return True


def fit(spec, estimator):
    return estimator.fit(spec.X, spec.y)


# ------------------------------------------------------------------ __init__
@parametrize
def test_init_stores_every_argument_unchanged_and_validates_nothing(spec):
    cls = spec.cls
    names = param_names(cls)
    assert names, f"{cls.__name__} has no hyperparameters"
    for p in inspect.signature(cls.__init__).parameters.values():
        assert p.name == "self" or p.kind in (
            p.KEYWORD_ONLY,
            p.POSITIONAL_OR_KEYWORD,
        )
    # anything at all is accepted and stored as is: validation is fit's job
    sentinels = {name: object() for name in names}
    estimator = cls(**sentinels)
    for name, value in sentinels.items():
        assert getattr(estimator, name) is value
    assert not is_fitted(spec.make())


@parametrize
def test_a_bad_hyperparameter_is_refused_by_fit_not_by_init(spec):
    estimator = spec.make(**spec.bad)  # no error here
    (name,) = spec.bad
    with pytest.raises((TypeError, ValueError), match=name):
        fit(spec, estimator)


# -------------------------------------------------------- get/set_params
@parametrize
def test_get_params_round_trips_through_set_params(spec):
    estimator = spec.make()
    params = estimator.get_params(deep=False)
    assert sorted(params) == param_names(spec.cls)
    for name, value in params.items():
        assert value is getattr(estimator, name)
    other = spec.cls(**{name: object() for name in params})
    assert other.set_params(**params) is other
    assert all(other.get_params(deep=False)[k] is v for k, v in params.items())
    deep = estimator.get_params(deep=True)
    assert set(params) <= set(deep)
    estimator.set_params(**deep)
    assert repr(estimator.get_params(deep=True)) == repr(deep)
    with pytest.raises(ValueError, match="Invalid parameter"):
        estimator.set_params(no_such_parameter=1)


@pytest.mark.parametrize(
    "spec",
    [s for s in SPECS if s.module == "pipeline"],
    ids=[s.id for s in SPECS if s.module == "pipeline"],
)
def test_set_params_reaches_into_nested_estimators(spec):
    pipe = spec.make()
    name, last = pipe.steps[-1]
    key = next(iter(last.get_params(deep=False)))
    new = object()
    pipe.set_params(**{f"{name}__{key}": new})
    assert (
        getattr(last, key) is new
        and pipe.get_params()[f"{name}__{key}"] is new
    )


# ------------------------------------------------------------------ clone
@parametrize
@pytest.mark.parametrize(
    "clone",
    [base.clone, sklearn.base.clone],
    ids=["base.clone", "sklearn.clone"],
)
def test_clone_is_an_unfitted_copy_with_equal_params(spec, clone):
    original = fit(spec, spec.make())
    assert is_fitted(original)
    copy = clone(original)
    assert type(copy) is type(original) and copy is not original
    assert not is_fitted(copy)
    assert repr(copy) == repr(original)
    assert repr(copy.get_params(deep=True)) == repr(
        original.get_params(deep=True)
    )
    for name, value in copy.get_params(deep=False).items():
        if hasattr(value, "get_params") or isinstance(value, list):
            assert value is not original.get_params(deep=False)[name]
    fit(spec, copy)  # the copy works
    assert is_fitted(copy)


# ------------------------------------------------------------------ fit
@parametrize
def test_fit_returns_self_and_does_not_change_the_params(spec):
    estimator = spec.make()
    before = estimator.get_params(deep=False)
    before_repr = repr(estimator.get_params(deep=True))
    assert fit(spec, estimator) is estimator
    after = estimator.get_params(deep=False)
    assert all(after[k] is v for k, v in before.items())
    assert repr(estimator.get_params(deep=True)) == before_repr
    assert estimator.n_features_in_ == spec.X.shape[1]
    if spec.kind == "classifier":
        assert list(estimator.classes_) == ["no", "yes"]


@parametrize
def test_not_fitted_error_before_fit_and_a_clear_error_for_a_wrong_width(spec):
    estimator = spec.make()
    methods = [m for m in METHODS if hasattr(estimator, m)]
    assert methods
    for method in methods:
        args = (spec.X, spec.y) if method == "score" else (spec.X,)
        if method == "score" and spec.y is None:
            continue
        with pytest.raises(NotFittedError, match=r"(?i)not fitted"):
            getattr(estimator, method)(*args)
    fit(spec, estimator)
    method = "transform" if spec.kind == "transformer" else "predict"
    d = spec.X.shape[1]  # a pipeline's first step is the one that complains
    message = rf"X has {d - 1} features, but [A-Za-z]+ was fitted with {d}\."
    with pytest.raises(ValueError, match=message):
        getattr(estimator, method)(spec.X[:, :-1])


# ------------------------------------------------------------- repr, kind
@parametrize
def test_repr_shows_the_class_and_its_params(spec):
    estimator = spec.make()
    text = repr(estimator)
    assert text.startswith(f"{spec.name}(")
    for name, value in estimator.get_params(deep=False).items():
        assert f"{name}={value!r}" in text


@parametrize
def test_is_classifier_in_both_libraries(spec):
    estimator = spec.make()
    expected = spec.kind == "classifier"
    assert base.is_classifier(estimator) is expected
    assert sklearn.base.is_classifier(estimator) is expected
    assert sklearn.base.is_regressor(estimator) is (spec.kind == "regressor")


# ------------------------------------------------- inside scikit-learn's tools
def test_our_logistic_regression_in_sklearn_pipeline_search_and_cv():
    LogisticRegression = _get("models", "LogisticRegression")
    X, y = load_breast_cancer(return_X_y=True)
    grid = {"logistic__C": [0.01, 0.1, 1.0, 10.0]}
    results = {}
    for lib, model in [
        ("ours", LogisticRegression()),
        ("sklearn", sk_linear.LogisticRegression(tol=1e-10, max_iter=10_000)),
    ]:
        pipe = sk_pipeline.Pipeline(
            [("scale", sk_pre.StandardScaler()), ("logistic", model)]
        )
        search = sk_ms.GridSearchCV(pipe, grid, cv=5, scoring="neg_log_loss")
        search.fit(X, y)
        results[lib] = (
            search.cv_results_["mean_test_score"],
            search.best_params_,
            sk_ms.cross_val_score(pipe, X, y, cv=5),  # accuracy, stratified
            search.best_estimator_.predict_proba(X)[:, 1],
        )
    (ll, best, acc, proba), (ll_sk, best_sk, acc_sk, proba_sk) = (
        results.values()
    )
    # close, not equal: lbfgs stops at a gradient of about 1e-5 (see test_logistic)
    assert_allclose(ll, ll_sk, rtol=1e-5, atol=1e-7)
    assert best == best_sk
    assert_allclose(acc, acc_sk, rtol=0, atol=1e-12)
    assert_allclose(proba, proba_sk, rtol=0, atol=1e-5)


def test_our_ridge_in_sklearn_pipeline_search_and_cv():
    Ridge = _get("models", "Ridge")
    X, y = load_diabetes(return_X_y=True)
    grid = {"ridge__alpha": [0.1, 1.0, 10.0, 100.0]}
    results = {}
    for lib, model in [("ours", Ridge()), ("sklearn", sk_linear.Ridge())]:
        pipe = sk_pipeline.Pipeline(
            [("scale", sk_pre.StandardScaler()), ("ridge", model)]
        )
        search = sk_ms.GridSearchCV(pipe, grid, cv=5).fit(X, y)  # R^2
        results[lib] = (
            search.cv_results_["mean_test_score"],
            search.best_params_,
            sk_ms.cross_val_score(
                pipe, X, y, cv=5, scoring="neg_mean_squared_error"
            ),
        )
    (r2, best, mse), (r2_sk, best_sk, mse_sk) = results.values()
    assert_allclose(r2, r2_sk, rtol=1e-10, atol=1e-12)
    assert best == best_sk
    assert_allclose(mse, mse_sk, rtol=1e-10, atol=1e-12)
