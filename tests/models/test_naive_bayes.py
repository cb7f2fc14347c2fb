"""GaussianNB and MultinomialNB against scikit-learn (iris, breast cancer, digits,
the SMS word counts, random data), against the spam-filter lab's numbers, against
scipy.stats densities, and the numerics of the posteriors."""

import warnings
from itertools import pairwise

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy import stats
from scipy.special import gammaln
from sklearn import naive_bayes as sk
from sklearn.base import clone as sk_clone
from sklearn.datasets import load_breast_cancer, load_digits, load_iris

from mathforml.base import clone, is_classifier
from mathforml.datasets import load_sms_word_counts
from mathforml.exceptions import NotFittedError
from mathforml.models import GaussianNB, MultinomialNB
from mathforml.models._naive_bayes import (
    _gaussian_joint_log_likelihood,
    _multinomial_joint_log_likelihood,
)
from mathforml.probability import bayes_update

#: Same formulas, same order of operations as scikit-learn: agreement to rounding.
#: atol: below 1e-300 floats are subnormal and lose their relative precision.
SAME = dict(rtol=1e-10, atol=1e-300)
#: Log-posteriors near 0 (a sure class) compare absolutely.
LOG_PROBA = dict(rtol=1e-10, atol=1e-12)
PREDICT = ("predict", "predict_proba", "predict_log_proba")
PREDICT_ALL = (*PREDICT, "predict_joint_log_proba")


def _load(loader):
    X, y = loader(return_X_y=True)
    return X, y


DATA = {
    "iris": _load(load_iris),
    "breast_cancer": _load(load_breast_cancer),
    "digits": _load(load_digits),  # pixel intensities 0..16: counts
}


def sms_messages(seed=0):
    """The table, its messages rebuilt as word-presence rows (5574 x 22; each
    word in exactly as many spam (ham) messages as the collection has), and
    their labels."""
    counts = load_sms_word_counts()
    P, y = counts.presence_rows(rng=seed)
    return counts, P, y


def present_absent(P):
    """Each word as two counts, present and absent: a multinomial model of
    these rows is the lab's Bernoulli model (each row has 22 counts in all)."""
    return np.hstack([P, 1.0 - P])


SMS, P_SMS, Y_SMS = sms_messages()


def close_to_sklearn(ours, theirs, X):
    """Every learned attribute and every prediction, to rounding."""
    assert_array_equal(ours.classes_, theirs.classes_)
    assert ours.n_features_in_ == theirs.n_features_in_
    assert_allclose(ours.class_count_, theirs.class_count_, rtol=0, atol=0)
    if isinstance(ours, GaussianNB):
        assert_allclose(ours.class_prior_, theirs.class_prior_, **SAME)
        assert_allclose(ours.theta_, theirs.theta_, **SAME)
        assert_allclose(ours.var_, theirs.var_, **SAME)
        assert ours.epsilon_ == pytest.approx(theirs.epsilon_, rel=1e-12)
    else:
        assert_allclose(ours.class_log_prior_, theirs.class_log_prior_, **SAME)
        assert_allclose(ours.feature_count_, theirs.feature_count_, **SAME)
        assert_allclose(
            ours.feature_log_prob_, theirs.feature_log_prob_, **SAME
        )
    assert_allclose(
        ours.predict_joint_log_proba(X),
        theirs.predict_joint_log_proba(X),
        **SAME,
    )
    assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), **SAME)
    assert_allclose(
        ours.predict_log_proba(X), theirs.predict_log_proba(X), **LOG_PROBA
    )
    assert_array_equal(ours.predict(X), theirs.predict(X))
    assert ours.score(X, theirs.predict(X)) == 1.0
    posteriors_are_consistent(ours, X)


def posteriors_are_consistent(model, X):
    P = model.predict_proba(X)
    log_P = model.predict_log_proba(X)
    jll = model.predict_joint_log_proba(X)
    assert P.shape == jll.shape == (len(X), model.classes_.size)
    assert np.all((P >= 0) & (P <= 1)) and np.all(log_P <= 0)
    assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    assert_allclose(np.exp(log_P), P, rtol=1e-12, atol=0)
    # the posterior is the joint probability over its sum: differences agree
    assert_allclose(
        log_P - log_P[:, :1], jll - jll[:, :1], rtol=1e-12, atol=1e-9
    )
    assert_array_equal(
        model.predict(X), model.classes_[np.argmax(jll, axis=1)]
    )


# ---------------------------------------------------------------- scikit-learn
@pytest.mark.parametrize("name", DATA)
@pytest.mark.parametrize("var_smoothing", [1e-9, 1e-6, 0.1])
def test_gaussian_equals_sklearn(name, var_smoothing):
    X, y = DATA[name]
    ours = GaussianNB(var_smoothing=var_smoothing).fit(X, y)
    theirs = sk.GaussianNB(var_smoothing=var_smoothing).fit(X, y)
    close_to_sklearn(ours, theirs, X)


@pytest.mark.parametrize("name", DATA)
@pytest.mark.parametrize("alpha", [1.0, 0.3, 1e-4, 10.0])
def test_multinomial_equals_sklearn(name, alpha):
    X, y = DATA[name]
    ours = MultinomialNB(alpha=alpha).fit(X, y)
    theirs = sk.MultinomialNB(alpha=alpha).fit(X, y)
    close_to_sklearn(ours, theirs, X)


@pytest.mark.parametrize("coding", ["present", "present_absent"])
def test_sms_word_counts_equal_sklearn(coding):
    X = P_SMS if coding == "present" else present_absent(P_SMS)
    for ours, theirs in [
        (GaussianNB(), sk.GaussianNB()),
        (MultinomialNB(), sk.MultinomialNB()),
        (MultinomialNB(alpha=0.1), sk.MultinomialNB(alpha=0.1)),
    ]:
        close_to_sklearn(ours.fit(X, Y_SMS), theirs.fit(X, Y_SMS), X)


def random_problem(seed, n_classes, kind):
    """Classes that differ in location and scale (Gaussian) or in their word
    probabilities (Poisson counts), labeled by strings."""
    rng = np.random.default_rng(seed)
    names = np.array(["cat", "dog", "emu", "fox"])[:n_classes]
    codes = rng.integers(0, n_classes, 150)
    codes[:n_classes] = np.arange(n_classes)  # every class present
    if kind == "gaussian":
        mu = rng.normal(0, 2, (n_classes, 4))
        sd = rng.uniform(0.3, 3.0, (n_classes, 4)) * [1.0, 10.0, 0.1, 1.0]
        X = mu[codes] + sd[codes] * rng.standard_normal((150, 4))
    else:
        rates = rng.gamma(1.0, 2.0, (n_classes, 6))
        X = rng.poisson(rates[codes]).astype(float)
    return X, names[codes]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("n_classes", [2, 3, 4])
def test_random_data_with_string_labels_equal_sklearn(seed, n_classes):
    X, y = random_problem(seed, n_classes, "gaussian")
    close_to_sklearn(GaussianNB().fit(X, y), sk.GaussianNB().fit(X, y), X)
    X, y = random_problem(seed, n_classes, "counts")
    for alpha in (1.0, 0.5):
        close_to_sklearn(
            MultinomialNB(alpha=alpha).fit(X, y),
            sk.MultinomialNB(alpha=alpha).fit(X, y),
            X,
        )


def test_string_labels_give_the_same_model_as_numbers():
    X, y = DATA["iris"]
    names = np.array(["zeta", "alpha", "mid"])[y]  # sorted: 1, 2, 0
    by_name = GaussianNB().fit(X, names)
    by_number = GaussianNB().fit(X, y)
    assert_array_equal(by_name.classes_, ["alpha", "mid", "zeta"])
    assert_allclose(
        by_name.theta_, by_number.theta_[[1, 2, 0]], rtol=0, atol=0
    )
    assert_allclose(
        by_name.predict_proba(X),
        by_number.predict_proba(X)[:, [1, 2, 0]],
        **SAME,
    )
    assert_array_equal(
        by_name.predict(X),
        np.array(["zeta", "alpha", "mid"])[by_number.predict(X)],
    )
    m = MultinomialNB().fit(X, names)
    assert_array_equal(m.classes_, ["alpha", "mid", "zeta"])
    assert set(m.predict(X)) <= set(m.classes_)


# ---------------------------------------------------------- the spam-filter lab
def lab_smoothed():
    """The lab's Laplace estimates (eq-lab-spam-laplace) and prior."""
    p_spam = (SMS.spam + 1) / (SMS.n_spam + 2)
    p_ham = (SMS.ham + 1) / (SMS.n_ham + 2)
    prior = np.array([SMS.n_spam, SMS.n_ham]) / (SMS.n_spam + SMS.n_ham)
    return p_spam, p_ham, prior


def lab_log_likelihoods(present, p_spam, p_ham):
    """The lab's log P(message | spam), log P(message | ham)."""
    return np.array(
        [
            np.sum(np.where(present, np.log(p), np.log1p(-p)))
            for p in (p_spam, p_ham)
        ]
    )


def coded(message):
    present = np.isin(SMS.words, message.split())
    return present, present_absent(present[None, :].astype(float))


URGENT = "urgent you have won a cash prize call now to claim"
FRIENDLY = "sorry i will call you later ok"


def test_multinomial_on_present_absent_counts_is_the_labs_filter():
    # classes_ = ["ham", "spam"]: the lab's order (spam, ham) reversed
    p_spam, p_ham, prior = lab_smoothed()
    model = MultinomialNB(alpha=1.0).fit(present_absent(P_SMS), Y_SMS)
    assert_array_equal(model.classes_, ["ham", "spam"])
    assert_allclose(
        np.exp(model.class_log_prior_), prior[::-1], rtol=1e-14, atol=0
    )
    d = len(SMS.words)  # 22 counts per row: each probability is the lab's / 22
    ham_present = np.exp(model.feature_log_prob_[0, :d]) * d
    spam_present = np.exp(model.feature_log_prob_[1, :d]) * d
    assert_allclose(spam_present, p_spam, rtol=1e-13, atol=0)
    assert_allclose(ham_present, p_ham, rtol=1e-13, atol=0)
    assert_allclose(model.feature_count_[1, :d], SMS.spam, rtol=0, atol=0)
    for message in (URGENT, FRIENDLY, ""):
        present, x = coded(message)
        log_lik = lab_log_likelihoods(present, p_spam, p_ham)
        lab = bayes_update(prior, np.exp(log_lik - log_lik.max()))
        assert_allclose(
            model.predict_proba(x)[0], lab[::-1], rtol=1e-12, atol=1e-15
        )
    assert model.predict(coded(URGENT)[1])[0] == "spam"
    assert model.predict(coded(FRIENDLY)[1])[0] == "ham"
    assert (
        model.predict_proba(coded(URGENT)[1])[0, 1] > 0.999
    )  # as the lab says


def test_unsmoothed_one_word_posterior_is_the_share_of_spam_among_its_messages():
    # the lab's Part 2: with alpha = 0, P(spam | "free") = spam / (spam + ham)
    i = SMS.index("free")
    X = present_absent(P_SMS[:, [i]])
    model = MultinomialNB(alpha=0.0).fit(X, Y_SMS)
    by_count = SMS.spam[i] / (SMS.spam[i] + SMS.ham[i])
    assert_allclose(
        model.predict_proba([[1.0, 0.0]])[0],
        [1 - by_count, by_count],
        rtol=1e-12,
        atol=0,
    )


def test_unsmoothed_zero_count_rules_ham_out_as_in_the_lab():
    # the lab's Part 3: "claim" is in no ham message, so with alpha = 0 the ham
    # likelihood of the urgent message is 0: log -inf, not NaN as in sklearn
    model = MultinomialNB(alpha=0.0).fit(present_absent(P_SMS), Y_SMS)
    present, x = coded(URGENT)
    p_spam, p_ham = SMS.spam / SMS.n_spam, SMS.ham / SMS.n_ham
    with np.errstate(divide="ignore"):
        log_lik = lab_log_likelihoods(present, p_spam, p_ham)
    jll = model.predict_joint_log_proba(x)[0]
    assert jll[0] == -np.inf and np.isneginf(log_lik[1])
    d = len(SMS.words)
    prior_spam = SMS.n_spam / (SMS.n_spam + SMS.n_ham)
    expected = np.log(prior_spam) + log_lik[0] - d * np.log(d)
    assert_allclose(jll[1], expected, rtol=1e-12, atol=0)
    assert_array_equal(model.predict_proba(x), [[0.0, 1.0]])
    assert_array_equal(model.predict_log_proba(x), [[-np.inf, 0.0]])
    assert model.predict(x)[0] == "spam"


# ------------------------------------------------------- the pure functions
def test_gaussian_joint_log_likelihood_is_a_sum_of_normal_log_densities(rng):
    X = rng.normal(size=(20, 3)) * 4
    theta = rng.normal(size=(4, 3))
    var = rng.uniform(0.1, 5.0, size=(4, 3))
    log_prior = np.log(rng.dirichlet(np.ones(4)))
    expected = (
        stats.norm.logpdf(X[:, None, :], theta, np.sqrt(var)).sum(axis=2)
        + log_prior
    )
    got = _gaussian_joint_log_likelihood(X, theta, var, log_prior)
    assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_multinomial_joint_log_likelihood_is_the_pmf_without_its_coefficient(
    rng,
):
    X = rng.poisson(3.0, size=(15, 5)).astype(float)
    p = rng.dirichlet(np.ones(5), size=3)
    log_prior = np.log(rng.dirichlet(np.ones(3)))
    n = X.sum(axis=1)
    coefficient = gammaln(n + 1) - gammaln(X + 1).sum(axis=1)
    pmf = np.column_stack(
        [stats.multinomial.logpmf(X, n=n, p=p[c]) for c in range(3)]
    )
    got = _multinomial_joint_log_likelihood(X, np.log(p), log_prior)
    assert_allclose(
        got + coefficient[:, None], pmf + log_prior, rtol=1e-12, atol=1e-12
    )


def test_multinomial_zero_probability_means_impossible_only_where_counted():
    with np.errstate(divide="ignore"):  # one -inf entry
        log_p = np.log(np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]]))
    X = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0]])
    with np.errstate(all="raise"):
        got = _multinomial_joint_log_likelihood(X, log_p, np.log([0.4, 0.6]))
    assert_allclose(
        got[0],
        [
            np.log(0.4) + 3 * np.log(0.5),
            np.log(0.6) + np.log(0.2) + 2 * np.log(0.3),
        ],
        rtol=1e-14,
        atol=0,
    )
    assert got[1, 0] == -np.inf
    assert got[1, 1] == pytest.approx(
        np.log(0.6) + np.log(0.3) + np.log(0.5), rel=1e-14
    )


# ------------------------------------------------------------- smoothing
def test_constant_feature_within_a_class_gets_epsilon_as_its_variance():
    X, y = DATA["digits"]
    raw = np.array([X[y == c].var(axis=0) for c in range(10)])
    assert np.sum(raw == 0) > 50  # corner pixels are always 0 in some classes
    for var_smoothing in (1e-9, 1e-3):
        model = GaussianNB(var_smoothing=var_smoothing).fit(X, y)
        epsilon = var_smoothing * np.var(X, axis=0).max()
        assert model.epsilon_ == pytest.approx(epsilon, rel=1e-14)
        assert_array_equal(model.var_[raw == 0], model.epsilon_)
        assert_allclose(
            model.var_ - model.epsilon_, raw, rtol=1e-12, atol=1e-15
        )
        assert np.all(np.isfinite(model.predict_joint_log_proba(X)))
    with pytest.raises(
        ValueError, match=r"Feature 0 of X is constant within class 0"
    ):
        GaussianNB(var_smoothing=0.0).fit(X, y)
    # without a zero variance, var_smoothing = 0 is plain maximum likelihood
    Xi, yi = DATA["iris"]
    close_to_sklearn(
        GaussianNB(var_smoothing=0.0).fit(Xi, yi),
        sk.GaussianNB(var_smoothing=0.0).fit(Xi, yi),
        Xi,
    )


def test_class_with_one_sample(rng):
    X = rng.normal(size=(30, 3))
    y = np.where(np.arange(30) == 7, "single", np.where(X[:, 0] > 0, "a", "b"))
    ours, theirs = GaussianNB().fit(X, y), sk.GaussianNB().fit(X, y)
    close_to_sklearn(ours, theirs, X)
    k = list(ours.classes_).index("single")
    assert_array_equal(ours.theta_[k], X[7])
    assert_array_equal(ours.var_[k], ours.epsilon_)  # 0 + epsilon
    assert ours.predict(X[[7]])[0] == "single"  # a needle: its own point
    counts = rng.poisson(2.0, size=(30, 4)).astype(float)
    close_to_sklearn(
        MultinomialNB().fit(counts, y),
        sk.MultinomialNB().fit(counts, y),
        counts,
    )


def test_one_class_only_is_allowed_as_in_sklearn(rng):
    X = rng.poisson(2.0, size=(10, 3)).astype(float)
    y = np.full(10, "only")
    for ours, theirs in [
        (GaussianNB(), sk.GaussianNB()),
        (MultinomialNB(), sk.MultinomialNB()),
    ]:
        close_to_sklearn(ours.fit(X, y), theirs.fit(X, y), X)
        assert_array_equal(ours.predict_proba(X), np.ones((10, 1)))


def test_laplace_smoothing_moves_probabilities_towards_uniform():
    X, y = DATA["digits"]
    relative = X[y == 0].sum(axis=0) / X[y == 0].sum()
    with np.errstate(divide="ignore"):
        unsmoothed = np.exp(
            MultinomialNB(alpha=0.0).fit(X, y).feature_log_prob_[0]
        )
    assert_allclose(unsmoothed, relative, rtol=1e-12, atol=0)
    N = X[y == 0].sum()  # |p_j - 1/d| <= N / (N + d alpha)
    alphas = (0.0, 1.0, 100.0, 1e6)
    gaps = [
        np.max(
            np.abs(
                np.exp(MultinomialNB(alpha=a).fit(X, y).feature_log_prob_[0])
                - 1 / 64
            )
        )
        for a in alphas
    ]
    assert all(b < a for a, b in pairwise(gaps))
    for alpha, gap in zip(alphas, gaps, strict=True):
        assert gap <= N / (N + 64 * alpha)


def test_alpha_zero_is_sklearns_limit_of_small_alpha():
    # sklearn keeps alpha = 0 (force_alpha=True) and its sum 0 * log 0 is NaN;
    # its alpha = 1e-300 changes no nonzero count, and gives log p = -690 for
    # a count of 0, which is our -inf as far as any probability can tell
    X, y = DATA["digits"]
    ours = MultinomialNB(alpha=0.0).fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # log 0, 0 * -inf
        zero = sk.MultinomialNB(alpha=0.0).fit(X, y)
        assert np.isnan(zero.predict_proba(X)).any()
    tiny = sk.MultinomialNB(alpha=1e-300).fit(X, y)
    assert_array_equal(ours.feature_log_prob_, zero.feature_log_prob_)
    unseen = np.isneginf(ours.feature_log_prob_)
    assert unseen.sum() > 50
    assert_array_equal(
        ours.feature_log_prob_[~unseen], tiny.feature_log_prob_[~unseen]
    )
    P, P_tiny = ours.predict_proba(X), tiny.predict_proba(X)
    ruled_out = P == 0  # the row holds a pixel the class never showed
    assert 0 < ruled_out.sum() < P.size
    assert_allclose(P[~ruled_out], P_tiny[~ruled_out], **SAME)
    assert np.all(P_tiny[ruled_out] < 1e-100)
    assert ours.score(X, y) == tiny.score(X, y)
    # a row no class can produce: -inf joint, and a clear error for posteriors
    never = np.flatnonzero(unseen.all(axis=0))  # pixels 0 in every image
    assert never.size > 0
    impossible = np.zeros((1, 64))
    impossible[0, never[0]] = 1.0
    assert np.all(ours.predict_joint_log_proba(impossible) == -np.inf)
    for method in PREDICT:
        with pytest.raises(
            ValueError, match=r"probability 0 under every class.*alpha > 0"
        ):
            getattr(ours, method)(impossible)


# -------------------------------------------------------------- numerics
def test_huge_feature_values_do_not_overflow():
    X, y = DATA["breast_cancer"]
    with (
        warnings.catch_warnings(),
        np.errstate(over="raise", invalid="raise", divide="raise"),
    ):
        warnings.simplefilter("error")
        # Gaussian: scaling X scales theta by s and var by s^2; nothing else changes
        model = GaussianNB().fit(X, y)
        big = GaussianNB().fit(X * 1e100, y)
        assert_allclose(big.theta_, model.theta_ * 1e100, rtol=1e-13, atol=0)
        assert_allclose(big.var_, model.var_ * 1e200, rtol=1e-12, atol=0)
        assert_allclose(
            big.predict_proba(X * 1e100),
            model.predict_proba(X),
            rtol=1e-7,
            atol=1e-12,
        )
        far = X[:5] * 1e4  # joint log-probabilities near -1e13: exp underflows
        jll = model.predict_joint_log_proba(far)
        assert np.all(jll < -1e6) and np.all(np.isfinite(jll))
        log_P = model.predict_log_proba(far)
        assert np.all(np.isfinite(log_P)) and np.all(log_P <= 0)
        assert_allclose(
            model.predict_proba(far).sum(axis=1), 1.0, rtol=0, atol=1e-12
        )
        # Multinomial: counts of 1e12 give joint log-probabilities near -1e13
        Xc, yc = DATA["digits"]
        m = MultinomialNB().fit(Xc * 1e12, yc)
        jll = m.predict_joint_log_proba(Xc[:50] * 1e12)
        assert np.all(jll < -1e12) and np.all(np.isfinite(jll))
        P = m.predict_proba(Xc[:50] * 1e12)
        assert_allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)
        assert_array_equal(
            m.predict(Xc[:50] * 1e12),
            MultinomialNB().fit(Xc, yc).predict(Xc[:50]),
        )


def test_a_row_whose_density_overflows_is_a_clear_error():
    X, y = DATA["iris"]
    model = GaussianNB().fit(X, y)
    far = np.full((1, 4), 1e200)  # squared distance 1e400: inf
    assert np.all(model.predict_joint_log_proba(far) == -np.inf)
    for method in PREDICT:
        with pytest.raises(
            ValueError, match=r"row 0, with probability 0.*Rescale X"
        ):
            getattr(model, method)(far)


# ------------------------------------------------------------ conventions
@pytest.mark.parametrize("cls", [GaussianNB, MultinomialNB])
def test_estimator_conventions(cls):
    X, y = DATA["iris"]
    model = cls()
    assert is_classifier(model)
    assert repr(model) in (
        "GaussianNB(var_smoothing=1e-09)",
        "MultinomialNB(alpha=1.0)",
    )
    assert model.fit(X, y) is model
    fresh, theirs = clone(model), sk_clone(model)
    assert fresh.get_params() == theirs.get_params() == model.get_params()
    assert not hasattr(fresh, "classes_")
    assert model.score(X, y) == np.mean(model.predict(X) == y)


@pytest.mark.parametrize("cls", [GaussianNB, MultinomialNB])
@pytest.mark.parametrize("method", PREDICT_ALL)
def test_not_fitted_and_wrong_width(cls, method):
    X, y = DATA["iris"]
    with pytest.raises(NotFittedError, match="not fitted"):
        getattr(cls(), method)(X)
    with pytest.raises(
        ValueError, match=r"X has 3 features, but \w+NB was fitted with 4"
    ):
        getattr(cls().fit(X, y), method)(X[:, :3])


# --------------------------------------------------------------- bad input
X_OK, Y_OK = DATA["iris"]


@pytest.mark.parametrize(
    ("cls", "params", "data", "error", "match"),
    [
        (
            GaussianNB,
            {"var_smoothing": -1e-9},
            None,
            ValueError,
            r"var_smoothing must be >= 0; got -1e-09",
        ),
        (
            GaussianNB,
            {"var_smoothing": "1e-9"},
            None,
            TypeError,
            "var_smoothing must be a real number",
        ),
        (
            GaussianNB,
            {"var_smoothing": np.nan},
            None,
            ValueError,
            "var_smoothing must be finite",
        ),
        (
            MultinomialNB,
            {"alpha": -0.5},
            None,
            ValueError,
            r"alpha must be >= 0; got -0.5",
        ),
        (
            MultinomialNB,
            {"alpha": [1.0, 2.0, 1.0, 1.0]},
            None,
            TypeError,
            "alpha must be a real number",
        ),
        (
            MultinomialNB,
            {"alpha": None},
            None,
            TypeError,
            "alpha must be a real number",
        ),
        (
            MultinomialNB,
            {},
            (X_OK - 3.0, Y_OK),
            ValueError,
            r"X must hold non-negative counts for MultinomialNB; got X\[0, 2\] = -1.6",
        ),
        (
            GaussianNB,
            {},
            (np.where(X_OK > 7, np.nan, X_OK), Y_OK),
            ValueError,
            "X must contain only finite",
        ),
        (
            MultinomialNB,
            {},
            (np.where(X_OK > 7, np.inf, X_OK), Y_OK),
            ValueError,
            "X must contain only finite",
        ),
        (
            GaussianNB,
            {},
            (X_OK, Y_OK[:-1]),
            ValueError,
            r"y must have one label per row of X \(150\); got 149",
        ),
        (
            MultinomialNB,
            {},
            (X_OK[:-1], Y_OK),
            ValueError,
            "y must have one label per row of X",
        ),
        (GaussianNB, {}, (X_OK[:, 0], Y_OK), ValueError, "X must be 2-D"),
        (GaussianNB, {}, (X_OK, Y_OK[:, None]), ValueError, "y must be 1-D"),
        (
            MultinomialNB,
            {},
            (X_OK, np.where(Y_OK, np.nan, 0.0)),
            ValueError,
            "y must not contain NaN",
        ),
        (
            GaussianNB,
            {},
            (X_OK.astype(str), Y_OK),
            TypeError,
            "X must be an array of numbers",
        ),
        (
            GaussianNB,
            {},
            (X_OK[:0], Y_OK[:0]),
            ValueError,
            "X must not be empty",
        ),
    ],
)
def test_bad_input(cls, params, data, error, match):
    model = cls(**params)  # no validation at construction
    with pytest.raises(error, match=match):
        model.fit(*(data or (X_OK, Y_OK)))
    assert not hasattr(model, "classes_")  # nothing half-fitted


def test_negative_counts_are_refused_in_predict_too():
    model = MultinomialNB().fit(X_OK, Y_OK)
    bad = X_OK[:3].copy()
    bad[1, 3] = -2.0
    for method in PREDICT_ALL:
        with pytest.raises(
            ValueError,
            match=r"X must hold non-negative counts.*X\[1, 3\] = -2.0",
        ):
            getattr(model, method)(bad)


def test_predict_refuses_nan():
    for model in (
        GaussianNB().fit(X_OK, Y_OK),
        MultinomialNB().fit(X_OK, Y_OK),
    ):
        for method in PREDICT_ALL:
            with pytest.raises(ValueError, match="X must contain only finite"):
                getattr(model, method)(np.where(X_OK > 7, np.nan, X_OK))
