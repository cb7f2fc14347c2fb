"""Permutation importance (its exact expectation for least squares, scikit-learn's
estimate, properties), drop-column importance (scikit-learn's cross_val_score on the
same folds, the collinearity pitfall) and partial dependence (scikit-learn's brute
method, closed forms)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import ensemble as sk_ensemble
from sklearn import inspection as sk_inspection
from sklearn import linear_model as sk_linear
from sklearn import model_selection as sk_model_selection
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.preprocessing import StandardScaler

from mathforml.exceptions import NotFittedError
from mathforml.inspection import (
    PermutationImportanceResult,
    drop_column_importance,
    partial_dependence,
    permutation_importance,
)
from mathforml.model_selection import KFold
from mathforml.models import LogisticRegression, Ridge
from tolerances import DIRECT

X_DIAB, Y_DIAB = load_diabetes(return_X_y=True)
X_BC, Y_BC = load_breast_cancer(return_X_y=True)
X_BC = StandardScaler().fit_transform(X_BC)
X_BC6 = X_BC[:, :6]  # six columns keep the cross-validations short


def informative_and_noise(rng, n=400):
    """Column 0 drives y, column 1 is unrelated noise, column 2 a twin of 0."""
    x0, x1 = rng.standard_normal(n), rng.standard_normal(n)
    y = 2 * x0 + 0.5 * rng.standard_normal(n)
    return np.column_stack([x0, x1, x0]), y


# ---------------------------------------------------- permutation importance
def test_importances_shape_and_summary(rng):
    model = Ridge(alpha=1.0).fit(X_DIAB, Y_DIAB)
    result = permutation_importance(
        model, X_DIAB, Y_DIAB, n_repeats=4, rng=rng
    )
    assert isinstance(result, PermutationImportanceResult)
    assert result.importances.shape == (10, 4)
    assert_allclose(result.importances_mean, result.importances.mean(axis=1))
    assert_allclose(
        result.importances_std, np.std(result.importances, axis=1, ddof=0)
    )
    with pytest.raises(AttributeError):
        result.importances_mean = None  # frozen


def test_unrelated_feature_near_zero_informative_large(rng):
    X, y = informative_and_noise(rng)
    X = X[:, :2]
    model = Ridge(alpha=1.0).fit(X[:200], y[:200])
    result = permutation_importance(
        model, X[200:], y[200:], n_repeats=10, rng=0
    )
    assert result.importances_mean[0] > 1.0  # R^2 falls from ~0.94 below 0
    assert abs(result.importances_mean[1]) < 0.01
    assert np.all(np.abs(result.importances[1]) < 0.02)


def test_a_column_the_model_ignores_has_importance_exactly_zero(rng):
    X = np.column_stack([rng.standard_normal(50), np.full(50, 3.0)])
    model = Ridge(alpha=0.1).fit(X, X[:, 0])
    result = permutation_importance(model, X, X[:, 0], n_repeats=3, rng=rng)
    assert_array_equal(result.importances[1], 0.0)


def test_expectation_for_least_squares_is_exact(rng):
    # For least squares with an intercept, the residual r is orthogonal to 1 and
    # to every column, so shuffling column j raises the residual sum of squares
    # by 2 w_j^2 S_jj on average (S_jj: its centered sum of squares); R^2 drops by
    # that over the total sum of squares.
    model = Ridge(alpha=0.0).fit(X_DIAB, Y_DIAB)
    n_repeats = 300
    result = permutation_importance(
        model, X_DIAB, Y_DIAB, n_repeats=n_repeats, rng=rng
    )
    S = np.sum((X_DIAB - X_DIAB.mean(axis=0)) ** 2, axis=0)
    SST = np.sum((Y_DIAB - Y_DIAB.mean()) ** 2)
    expected = 2 * model.coef_**2 * S / SST
    standard_error = result.importances_std / np.sqrt(n_repeats)
    assert np.all(
        np.abs(result.importances_mean - expected) < 5 * standard_error
    )


@pytest.mark.parametrize("library", ["ours", "sklearn"])
def test_agrees_with_sklearn_within_monte_carlo_error(library):
    model = (
        Ridge(alpha=0.5) if library == "ours" else sk_linear.Ridge(alpha=0.5)
    ).fit(X_DIAB, Y_DIAB)
    n_repeats = 100
    ours = permutation_importance(
        model, X_DIAB, Y_DIAB, n_repeats=n_repeats, rng=1
    )
    theirs = sk_inspection.permutation_importance(
        model, X_DIAB, Y_DIAB, n_repeats=n_repeats, random_state=1
    )
    assert theirs.importances.shape == ours.importances.shape
    se = np.sqrt(
        (ours.importances_std**2 + theirs.importances_std**2) / n_repeats
    )
    assert np.all(
        np.abs(ours.importances_mean - theirs.importances_mean)
        < 5 * se + 1e-12
    )


def test_reproducible_with_the_seed(rng):
    model = Ridge(alpha=1.0).fit(X_DIAB, Y_DIAB)
    a = permutation_importance(model, X_DIAB, Y_DIAB, n_repeats=3, rng=11)
    b = permutation_importance(model, X_DIAB, Y_DIAB, n_repeats=3, rng=11)
    c = permutation_importance(model, X_DIAB, Y_DIAB, n_repeats=3, rng=12)
    assert_array_equal(a.importances, b.importances)
    assert not np.array_equal(a.importances, c.importances)


def test_scoring_by_name_and_by_callable():
    model = Ridge(alpha=1.0).fit(X_DIAB, Y_DIAB)

    def neg_mse(estimator, X, y):
        return -np.mean((estimator.predict(X) - y) ** 2)

    by_r2 = permutation_importance(model, X_DIAB, Y_DIAB, n_repeats=3, rng=5)
    by_name = permutation_importance(
        model,
        X_DIAB,
        Y_DIAB,
        n_repeats=3,
        scoring="neg_mean_squared_error",
        rng=5,
    )
    by_callable = permutation_importance(
        model, X_DIAB, Y_DIAB, n_repeats=3, scoring=neg_mse, rng=5
    )
    assert_allclose(by_name.importances, by_callable.importances, **DIRECT)
    # R^2 = 1 - MSE / var(y): the same shuffles move both by a fixed factor
    assert_allclose(
        by_callable.importances / np.var(Y_DIAB), by_r2.importances, **DIRECT
    )


def test_classifier_accuracy_importance():
    model = LogisticRegression(C=1.0).fit(X_BC6, Y_BC)
    result = permutation_importance(model, X_BC6, Y_BC, n_repeats=3, rng=0)
    # accuracy moves in steps of 1/n
    steps = result.importances * len(Y_BC)
    assert_allclose(steps, np.round(steps), rtol=0, atol=1e-9)
    assert result.importances_mean.max() > 0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n_repeats": 0}, ValueError, "n_repeats must be >= 1"),
        ({"n_repeats": 2.5}, TypeError, "n_repeats must be an integer"),
        ({"scoring": "loudness"}, ValueError, "scoring must be one of"),
        ({"rng": "seed"}, TypeError, "rng must be"),
        ({"y": Y_DIAB[:-1]}, ValueError, "same number of samples"),
        ({"X": X_DIAB[:, 0]}, ValueError, "X must be 2-D"),
        ({"X": np.full((3, 2), np.nan), "y": [1, 2, 3]}, ValueError, "finite"),
    ],
)
def test_permutation_importance_bad_input(kwargs, error, match):
    model = Ridge(alpha=1.0).fit(X_DIAB, Y_DIAB)
    args = {"X": X_DIAB, "y": Y_DIAB, **kwargs}
    with pytest.raises(error, match=match):
        permutation_importance(model, **args)


def test_permutation_importance_needs_a_fitted_model():
    with pytest.raises(NotFittedError):
        permutation_importance(Ridge(), X_DIAB, Y_DIAB, rng=0)


# ---------------------------------------------------- drop-column importance
def test_drop_column_equals_sklearn_cross_validation():
    ours = drop_column_importance(Ridge(alpha=1.0), X_DIAB, Y_DIAB, cv=5)
    folds = sk_model_selection.KFold(5)  # without shuffling: the same folds

    def sk_cv(X):
        return sk_model_selection.cross_val_score(
            sk_linear.Ridge(alpha=1.0), X, Y_DIAB, cv=folds
        ).mean()

    base = sk_cv(X_DIAB)
    expected = [base - sk_cv(np.delete(X_DIAB, j, axis=1)) for j in range(10)]
    assert_allclose(ours, expected, rtol=1e-9, atol=1e-12)


def test_drop_column_for_a_classifier_with_stratified_folds():
    ours = drop_column_importance(
        LogisticRegression(C=1.0), X_BC6, Y_BC, cv=3, scoring="accuracy"
    )
    folds = sk_model_selection.StratifiedKFold(3)

    def sk_cv(X):
        return sk_model_selection.cross_val_score(
            sk_linear.LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000),
            X,
            Y_BC,
            cv=folds,
            scoring="accuracy",
        ).mean()

    base = sk_cv(X_BC6)
    expected = [base - sk_cv(np.delete(X_BC6, j, axis=1)) for j in range(6)]
    # the same folds and (to ~1e-5) the same fits: the same predicted labels
    assert_allclose(ours, expected, rtol=0, atol=1e-12)


def test_twin_columns_the_collinearity_pitfall(rng):
    X, y = informative_and_noise(rng)  # column 2 is a copy of column 0
    model = Ridge(alpha=1.0)
    drops = drop_column_importance(model, X, y, cv=5)
    permuted = permutation_importance(
        model.fit(X, y), X, y, n_repeats=5, rng=rng
    ).importances_mean
    # dropping either twin loses nothing: the other one carries the signal
    assert np.all(np.abs(drops) < 0.01)
    # but the fitted model splits the weight between the twins, so shuffling
    # either one hurts
    assert permuted[0] > 0.3 and permuted[2] > 0.3
    assert abs(permuted[1]) < 0.01
    # without the twin, dropping column 0 is costly
    alone = drop_column_importance(model, X[:, :2], y, cv=5)
    assert alone[0] > 0.5 and abs(alone[1]) < 0.01


def test_the_folds_are_drawn_once():
    class CountingKFold:
        def __init__(self):
            self.calls = 0

        def split(self, X, y=None):
            self.calls += 1
            return KFold(3, shuffle=True, rng=self.calls).split(X, y)

    splitter = CountingKFold()
    drop_column_importance(Ridge(), X_DIAB[:, :3], Y_DIAB, cv=splitter)
    assert splitter.calls == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"X": X_DIAB[:, :1]}, ValueError, "at least two columns"),
        ({"cv": 1}, ValueError, "cv must be >= 2"),
        ({"cv": "five"}, TypeError, "cv must be an int"),
        ({"scoring": "loudness"}, ValueError, "scoring must be one of"),
        ({"y": Y_DIAB[:10]}, ValueError, "same number of samples"),
        ({"model": "ridge"}, TypeError, "model must be an estimator"),
    ],
)
def test_drop_column_bad_input(kwargs, error, match):
    args = {"model": Ridge(), "X": X_DIAB, "y": Y_DIAB, **kwargs}
    with pytest.raises(error, match=match):
        drop_column_importance(**args)


# ---------------------------------------------------------- partial dependence
def sklearn_average(model, X, feature, grid_resolution=20):
    result = sk_inspection.partial_dependence(
        model,
        X,
        [feature],
        kind="average",
        method="brute",
        grid_resolution=grid_resolution,
    )
    return result["grid_values"][0], result["average"][0]


@pytest.mark.parametrize(
    ("make_model", "X", "y"),
    [
        (lambda: Ridge(alpha=0.1), X_DIAB, Y_DIAB),
        (lambda: sk_linear.Ridge(alpha=0.1), X_DIAB, Y_DIAB),
        (
            lambda: sk_ensemble.RandomForestRegressor(
                n_estimators=10, max_depth=4, random_state=0
            ),
            X_DIAB,
            Y_DIAB,
        ),
        (lambda: LogisticRegression(C=0.5), X_BC, Y_BC),
        (lambda: sk_linear.LogisticRegression(C=0.5), X_BC, Y_BC),
        (
            lambda: sk_ensemble.RandomForestClassifier(
                n_estimators=10, max_depth=4, random_state=0
            ),
            X_BC,
            Y_BC,
        ),
    ],
    ids=[
        "ours-ridge",
        "sk-ridge",
        "sk-forest-reg",
        "ours-logistic",
        "sk-logistic",
        "sk-forest-clf",
    ],
)
@pytest.mark.parametrize("feature", [0, 2, 5])
def test_partial_dependence_equals_sklearn_brute(make_model, X, y, feature):
    model = make_model().fit(X, y)
    grid, expected = sklearn_average(model, X, feature)
    assert_allclose(
        partial_dependence(model, X, feature, grid), expected, **DIRECT
    )


@pytest.mark.parametrize(
    ("make_model", "X", "y"),
    [
        (lambda: Ridge(alpha=0.1), X_DIAB, Y_DIAB),
        (lambda: LogisticRegression(C=0.5), X_BC, Y_BC),
        (
            lambda: sk_ensemble.RandomForestClassifier(
                n_estimators=10, max_depth=4, random_state=0
            ),
            X_BC,
            Y_BC,
        ),
    ],
    ids=["ours-ridge", "ours-logistic", "sk-forest-clf"],
)
def test_individual_curves_equal_sklearn_and_average_to_pd(make_model, X, y):
    model = make_model().fit(X, y)
    result = sk_inspection.partial_dependence(
        model, X, [2], kind="individual", method="brute", grid_resolution=9
    )
    grid = result["grid_values"][0]
    ice = partial_dependence(model, X, 2, grid, kind="individual")
    assert ice.shape == (X.shape[0], len(grid))
    assert_allclose(ice, result["individual"][0], **DIRECT)
    # the partial dependence is the mean of the ICE curves
    assert_allclose(ice.mean(axis=0), partial_dependence(model, X, 2, grid))
    # row i of the ICE is model i's prediction with column 2 moved
    X_moved = X[:5].copy()
    X_moved[:, 2] = grid[4]
    predict = getattr(model, "predict_proba", None)
    expected = predict(X_moved)[:, 1] if predict else model.predict(X_moved)
    assert_allclose(ice[:5, 4], expected, **DIRECT)


def test_partial_dependence_of_a_linear_model_is_its_line(rng):
    model = Ridge(alpha=1.0).fit(X_DIAB, Y_DIAB)
    grid = np.linspace(-1.0, 1.0, 7)  # far outside the data: any grid works
    pd = partial_dependence(model, X_DIAB, 3, grid)
    others = np.delete(X_DIAB, 3, axis=1) @ np.delete(model.coef_, 3)
    expected = model.intercept_ + others.mean() + model.coef_[3] * grid
    assert_allclose(pd, expected, **DIRECT)


def test_partial_dependence_of_a_classifier_is_a_probability():
    model = LogisticRegression(C=0.5).fit(
        X_BC, np.where(Y_BC, "benign", "bad")
    )
    pd = partial_dependence(model, X_BC, 0, [-3.0, 0.0, 3.0])
    assert np.all((pd > 0) & (pd < 1))
    X0 = X_BC.copy()
    X0[:, 0] = 0.0
    assert pd[1] == pytest.approx(model.predict_proba(X0)[:, 1].mean())


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"feature": 30}, ValueError, "feature must be <= 29"),
        ({"feature": -1}, ValueError, "feature must be >= 0"),
        ({"feature": 1.5}, TypeError, "feature must be an integer"),
        ({"grid": []}, ValueError, "grid must not be empty"),
        ({"grid": [[0.0, 1.0]]}, ValueError, "grid must be a 1-D vector"),
        ({"grid": [0.0, np.nan]}, ValueError, "grid must contain only finite"),
        ({"X": X_BC[:, 0]}, ValueError, "X must be 2-D"),
        ({"kind": "both"}, ValueError, "kind must be one of 'average', "),
        ({"kind": None}, ValueError, "kind must be one of"),
    ],
)
def test_partial_dependence_bad_input(kwargs, error, match):
    model = LogisticRegression().fit(X_BC, Y_BC)
    args = {"X": X_BC, "feature": 0, "grid": [0.0, 1.0], **kwargs}
    with pytest.raises(error, match=match):
        partial_dependence(model, **args)


def test_partial_dependence_refuses_what_it_cannot_average():
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=r"binary classifier.*3 classes"):
        partial_dependence(LogisticRegression().fit(X, y), X, 0, [1.0])
    with pytest.raises(NotFittedError):
        partial_dependence(LogisticRegression(), X, 0, [1.0])
    with pytest.raises(NotFittedError):
        partial_dependence(Ridge(), X, 0, [1.0])
