"""Chapter 10's self-checking exercises: their expected answers against independent oracles.

test_check.py runs the right answers and the planted mistakes (from ch10_answers.py);
here the expected answers stored in the cases are checked against scikit-learn, SciPy,
a direct centering of feature vectors and a Monte Carlo estimate, and odd answers must
fail with a message.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from ch10_answers import RIGHT_CH10, WRONG_CH10, pca_by_eigh, responsibilities
from scipy.special import gamma
from sklearn.decomposition import PCA
from sklearn.mixture import GaussianMixture

from mathforml.practice import check, exercises
from mathforml.practice._core import _REGISTRY
from tolerances import DIRECT

NAMES = list(RIGHT_CH10)


def cases(name, seed=0):
    return _REGISTRY[name].cases(np.random.default_rng(seed))


def test_the_four_exercises_are_registered_with_their_sections():
    listed = exercises()
    assert set(NAMES) <= set(listed)
    sections = {name: _REGISTRY[name].section for name in NAMES}
    assert sections == {
        "pca-by-eigh": "sec-pca",
        "center-gram": "sec-kernel-pca",
        "responsibilities": "sec-gaussian-mixtures",
        "ball-volume-fraction": "sec-curse-of-dimensionality",
    }


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_pca_expected_answers_are_scikit_learns_up_to_sign(seed):
    for case in cases("pca-by-eigh", seed):
        X, k = case.args
        components, variances = case.expected
        ref = PCA(n_components=k).fit(X)
        signs = np.sign(np.sum(components * ref.components_, axis=1))
        np.testing.assert_allclose(
            components * signs[:, None], ref.components_, **DIRECT
        )
        np.testing.assert_allclose(
            variances, ref.explained_variance_, **DIRECT
        )
        np.testing.assert_allclose(
            components @ components.T, np.eye(k), **DIRECT
        )


def test_pca_accepts_either_sign_of_each_axis():
    flipped = lambda X, k: (  # noqa: E731
        pca_by_eigh(X, k)[0] * (-1.0) ** np.arange(k)[:, None],
        pca_by_eigh(X, k)[1],
    )
    assert check("pca-by-eigh", flipped).passed


def test_pca_cases_have_distinct_variances_and_a_far_mean():
    for case in cases("pca-by-eigh"):
        X = case.args[0]
        lam = np.linalg.eigvalsh(np.cov(X, rowvar=False))
        assert np.min(np.diff(lam)) > 0.05 * lam.max()  # axes well defined
    assert np.abs(cases("pca-by-eigh")[-1].args[0].mean(axis=0)).min() > 40


def test_center_gram_expected_answers_are_gram_matrices_of_centered_features():
    for case in cases("center-gram"):
        (K,) = case.args
        Kc = case.expected
        # rows and columns of a centered Gram matrix sum to zero
        np.testing.assert_allclose(Kc.sum(axis=0), 0.0, atol=1e-9)
        np.testing.assert_allclose(Kc.sum(axis=1), 0.0, atol=1e-9)
    # the linear kernel: centering K is centering the points
    K = cases("center-gram")[0].args[0]
    w, V = np.linalg.eigh(K)  # K = X Xᵀ with X of rank 2: recover some X
    X = V[:, -2:] * np.sqrt(w[-2:])
    np.testing.assert_allclose(X @ X.T, K, rtol=1e-9, atol=1e-9)
    Xc = X - X.mean(axis=0)
    np.testing.assert_allclose(
        cases("center-gram")[0].expected, Xc @ Xc.T, atol=1e-9
    )
    assert cases("center-gram")[-1].expected.tolist() == [[0.0]]


def sklearn_mixture(weights, means, covariances):
    gm = GaussianMixture(n_components=len(weights), covariance_type="full")
    gm.weights_ = np.asarray(weights)
    gm.means_ = np.asarray(means)
    gm.covariances_ = np.asarray(covariances)
    gm.precisions_cholesky_ = np.linalg.cholesky(
        np.linalg.inv(gm.covariances_)
    )
    return gm


def test_responsibilities_equal_scikit_learns_and_rows_sum_to_one():
    all_cases = cases("responsibilities")
    for case in all_cases:
        X, weights, means, covariances = case.args
        R = case.expected
        np.testing.assert_allclose(R.sum(axis=1), 1.0, rtol=1e-12)
        assert np.all(R >= 0)
        gm = sklearn_mixture(weights, means, covariances)
        np.testing.assert_allclose(
            R, gm.predict_proba(X), rtol=1e-7, atol=1e-12
        )
        np.testing.assert_allclose(R, responsibilities(*case.args), **DIRECT)
    # the last case really underflows for the naive ratio
    X, weights, means, covariances = all_cases[-1].args
    with np.errstate(all="ignore"):
        naive = responsibilities(*all_cases[-1].args, logs=False)
    assert np.isnan(naive).any() and np.all(
        np.isfinite(all_cases[-1].expected)
    )


def test_ball_fraction_against_gamma_and_monte_carlo():
    rng = np.random.default_rng(0)
    for case in cases("ball-volume-fraction"):
        (d,) = case.args
        exact = np.pi ** (d / 2) / gamma(d / 2 + 1) / 2.0**d
        assert case.expected == pytest.approx(exact, rel=1e-12)
        if d <= 3:
            points = rng.uniform(-1.0, 1.0, size=(200_000, d))
            inside = np.mean(np.sum(points**2, axis=1) <= 1.0)
            assert inside == pytest.approx(exact, abs=4e-3)
    assert [c.args[0] for c in cases("ball-volume-fraction")] == [
        3,
        1,
        2,
        10,
        30,
    ]


@pytest.mark.parametrize(
    ("name", "answer", "says"),
    [
        (
            "pca-by-eigh",
            lambda X, k: X,
            "pair (components, explained_variance)",
        ),
        ("pca-by-eigh", lambda X, k: ("axes", [1.0]), "components"),
        ("center-gram", lambda K: K[:1], "shape"),
        ("responsibilities", lambda *a: "R", "array of numbers"),
        ("ball-volume-fraction", lambda d: [1.0, 2.0], "expected"),
        ("ball-volume-fraction", lambda d: None, "None"),
    ],
)
def test_odd_answers_fail_with_a_message(name, answer, says):
    report = check(name, answer)
    assert not report.passed
    assert says in " ".join(str(report).split()), str(report)  # unwrapped


def test_responsibilities_equal_the_direct_density_ratio_where_it_is_finite():
    for case in cases("responsibilities"):
        with np.errstate(all="ignore"):
            naive = responsibilities(*case.args, logs=False)
        finite = np.all(np.isfinite(naive), axis=1)
        assert finite.sum() >= len(naive) - 1
        np.testing.assert_allclose(
            case.expected[finite], naive[finite], rtol=1e-9, atol=1e-12
        )


def test_the_far_point_is_more_than_40_standard_deviations_from_each_component():
    X, _, means, covariances = cases("responsibilities")[-1].args
    for mu, Sigma in zip(means, covariances):
        diff = X[1] - mu
        assert np.sqrt(diff @ np.linalg.solve(Sigma, diff)) > 40


def test_pca_not_centering_is_caught_on_the_far_cloud_alone():
    far = cases("pca-by-eigh")[-1]
    X, k = far.args
    wrong = _REGISTRY["pca-by-eigh"].agrees(
        pca_by_eigh(X, k, center=False), far
    )
    assert (
        _REGISTRY["pca-by-eigh"].agrees(pca_by_eigh(X, k), far) and not wrong
    )


def test_a_factorial_of_a_half_integer_is_a_failed_check_not_a_crash():
    def with_factorial(d):
        return math.pi ** (d / 2) / math.factorial(d / 2) / 2**d

    report = check("ball-volume-fraction", with_factorial)
    assert not report.passed and "TypeError" in str(report), str(report)


def test_every_planted_mistake_really_differs_from_the_answer_on_some_case():
    # each hint fires only where the wrong answer and the right one differ
    for name, wrong, _ in WRONG_CH10:
        differs = False
        for case in cases(name):
            try:
                with np.errstate(all="ignore"):
                    got = wrong(*case.args)
            except ZeroDivisionError:  # n − 1 = 0 on the one-point Gram matrix
                differs = True
                continue
            differs |= not _REGISTRY[name].agrees(got, case)
        assert differs, name


@pytest.mark.parametrize("name", NAMES)
def test_the_right_answer_matches_no_mistake(name):
    for case in cases(name):
        got = RIGHT_CH10[name](*case.args)
        assert _REGISTRY[name].agrees(got, case)
        for mistake in _REGISTRY[name].mistakes:
            assert not mistake.matches(got, case), mistake.hint
