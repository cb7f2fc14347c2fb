"""The self-checking exercises of Chapter 6 (statistics), with their usual mistakes."""

from __future__ import annotations

import numpy as np

from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import norm_logpdf as _norm_logpdf
from mathforml.practice._core import scalar as _scalar

# --- 6.2 the negative log-likelihood of a Normal sample -----------------------------


def _nll_cases(rng):
    from scipy import stats  # here, not at import: it takes ~1 s to load

    out = []
    for description, x, mu, sigma in [
        (
            "five values, mu = 1, sigma = 2",
            np.array([0.5, 2.0, -1.0, 3.5, 1.2]),
            1.0,
            2.0,
        ),
        (
            "40 draws from N(3, 0.5²), at the true mu and sigma",
            3 + 0.5 * rng.standard_normal(40),
            3.0,
            0.5,
        ),
        (
            "12 draws from N(0, 1), at a wrong mu = 2, sigma = 3",
            rng.standard_normal(12),
            2.0,
            3.0,
        ),
    ]:
        expected = -stats.norm.logpdf(x, loc=mu, scale=sigma).sum()
        out.append(Case(description, (x, mu, sigma), expected))
    return out


def _half_log_2pi_n(c) -> float:
    return 0.5 * np.log(2 * np.pi) * len(c.args[0])


register(
    Exercise(
        name="normal-nll",
        section="sec-maximum-likelihood",
        wants="function",
        signature="nll(x, mu, sigma) -> the negative log-likelihood of x under N(mu, sigma²)",
        cases=_nll_cases,
        agrees=lambda got, case: _close(_scalar(got), case.expected),
        mistakes=(
            Mistake(
                "that is the log-likelihood; the loss is its negative, a number to "
                "minimize.",
                lambda got, c: _close(_scalar(got), -c.expected),
            ),
            Mistake(
                "sum over the sample: you returned the mean negative log-likelihood, "
                "which has the same minimizer but is not the likelihood of the data.",
                lambda got, c: _close(
                    _scalar(got), c.expected / len(c.args[0])
                ),
            ),
            Mistake(
                "each point contributes ½·log(2π) as well; the constant does not move "
                "the minimizer but belongs to the value.",
                lambda got, c: _close(
                    _scalar(got), c.expected - _half_log_2pi_n(c)
                ),
            ),
            Mistake(
                "sigma is the standard deviation, not the variance: each term is "
                "(x − mu)²/(2 sigma²) + log sigma + ½ log(2π).",
                lambda got, c: _close(
                    _scalar(got),
                    -_norm_logpdf(
                        c.args[0], c.args[1], np.sqrt(c.args[2])
                    ).sum(),
                ),
            ),
        ),
    )
)


# --- 6.3 the Beta posterior of a coin ------------------------------------------------


def _beta_cases(rng):
    from scipy import stats  # here, not at import: it takes ~1 s to load

    n = int(rng.integers(20, 60))
    k = int(rng.binomial(n, 0.3))
    out = []
    for description, (a, b, k_, n_) in [
        ("a Beta(2, 2) prior and 7 heads in 10 flips", (2.0, 2.0, 7, 10)),
        ("a Beta(5, 3) prior and 0 heads in 4 flips", (5.0, 3.0, 0, 4)),
        (f"a Beta(1.5, 4) prior and {k} heads in {n} flips", (1.5, 4.0, k, n)),
    ]:
        post = stats.beta(a + k_, b + n_ - k_)
        mode = (a + k_ - 1) / (a + b + n_ - 2)
        out.append(
            Case(description, (a, b, k_, n_), np.array([post.mean(), mode]))
        )
    return out


def _pair(got) -> np.ndarray:
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return np.full(2, np.nan)
    return value if value.shape == (2,) else np.full(2, np.nan)


def _beta_mistaken_mean(c, swapped=False) -> float:
    a, b, k, n = c.args
    return ((b + n - k) if swapped else (a + k)) / (a + b + n)


register(
    Exercise(
        name="beta-posterior",
        section="sec-bayesian-inference",
        wants="function",
        signature="posterior_summary(a, b, k, n) -> (mean, map) of the Beta posterior",
        cases=_beta_cases,
        agrees=lambda got, case: _close(_pair(got), case.expected),
        mistakes=(
            Mistake(
                "the mean is right; the MAP is the mode, (a + k − 1)/(a + b + n − 2), "
                "not the mean again.",
                lambda got, c: (
                    np.isclose(_pair(got)[0], c.expected[0])
                    and np.isclose(_pair(got)[1], c.expected[0])
                ),
            ),
            Mistake(
                "k/n is the maximum-likelihood estimate: the prior's pseudo-counts a "
                "and b belong in the posterior too.",
                lambda got, c: (
                    c.args[3] > 0
                    and np.isclose(_pair(got)[0], c.args[2] / c.args[3])
                ),
            ),
            Mistake(
                "successes add to a and failures to b: the posterior is "
                "Beta(a + k, b + n − k).",
                lambda got, c: np.isclose(
                    _pair(got)[0], _beta_mistaken_mean(c, True)
                ),
            ),
            Mistake(
                "your two values are in the wrong order: return (mean, map).",
                lambda got, c: (
                    np.allclose(_pair(got), c.expected[::-1])
                    and not np.isclose(c.expected[0], c.expected[1])
                ),
            ),
            Mistake(
                "the mean is right; the second value k/n is the maximum-likelihood "
                "estimate. The MAP adds the prior's a − 1 and b − 1: "
                "(a + k − 1)/(a + b + n − 2).",
                lambda got, c: (
                    c.args[3] > 0
                    and np.isclose(_pair(got)[0], c.expected[0])
                    and np.isclose(_pair(got)[1], c.args[2] / c.args[3])
                    and not np.isclose(c.expected[1], c.args[2] / c.args[3])
                ),
            ),
            Mistake(
                "b counts the failures: add n − k to it, not n.",
                lambda got, c: np.isclose(
                    _pair(got)[0],
                    (c.args[0] + c.args[2])
                    / (c.args[0] + c.args[1] + c.args[2] + c.args[3]),
                ),
            ),
            Mistake(
                "the mean is right; the mode of Beta(α, β) is (α − 1)/(α + β − 2): "
                "subtract 2 in the denominator as well as 1 in the numerator.",
                lambda got, c: (
                    np.isclose(_pair(got)[0], c.expected[0])
                    and np.isclose(
                        _pair(got)[1],
                        (c.args[0] + c.args[2] - 1)
                        / (c.args[0] + c.args[1] + c.args[3]),
                    )
                ),
            ),
        ),
    )
)


# --- 6.4 the one-sample t statistic ------------------------------------------------


def _t_cases(rng):
    from scipy import stats  # here, not at import: it takes ~1 s to load

    out = []
    for description, x, mu0 in [
        (
            "five values [5.1, 4.8, 5.6, 5.0, 5.9] against mu0 = 5",
            np.array([5.1, 4.8, 5.6, 5.0, 5.9]),
            5.0,
        ),
        (
            "12 draws from N(10, 3²) against mu0 = 12",
            10 + 3 * rng.standard_normal(12),
            12.0,
        ),
        (
            "30 draws from N(0.2, 0.5²) against mu0 = 0",
            0.2 + 0.5 * rng.standard_normal(30),
            0.0,
        ),
    ]:
        out.append(
            Case(description, (x, mu0), stats.ttest_1samp(x, mu0).statistic)
        )
    return out


def _t_variant(c, *, ddof=1, root_n=True, square=False) -> float:
    x, mu0 = c.args
    s = x.std(ddof=ddof)
    scale = s**2 if square else s
    return (x.mean() - mu0) / (scale / np.sqrt(len(x)) if root_n else scale)


register(
    Exercise(
        name="t-statistic",
        section="sec-hypothesis-tests",
        wants="function",
        signature="t_statistic(x, mu0) -> the one-sample t statistic (a float)",
        cases=_t_cases,
        agrees=lambda got, case: _close(_scalar(got), case.expected),
        mistakes=(
            Mistake(
                "use the sample standard deviation with ddof=1 (divide by n − 1): "
                "np.std's default divides by n.",
                lambda got, c: _close(_scalar(got), _t_variant(c, ddof=0)),
            ),
            Mistake(
                "divide by the standard error s/√n, not by s: the mean of n values "
                "varies √n times less than one value.",
                lambda got, c: _close(
                    _scalar(got), _t_variant(c, root_n=False)
                ),
            ),
            Mistake(
                "the standard error uses the standard deviation s, not the variance s².",
                lambda got, c: _close(
                    _scalar(got), _t_variant(c, square=True)
                ),
            ),
        ),
    )
)


# --- 6.6 entropy in bits -------------------------------------------------------------


def _entropy_cases(rng):
    from scipy import stats  # here, not at import: it takes ~1 s to load

    p = rng.dirichlet(np.ones(6))
    p[[1, 4]] = 0.0
    p /= p.sum()
    out = []
    for description, q in [
        ("p = [1/2, 1/4, 1/8, 1/8]", np.array([0.5, 0.25, 0.125, 0.125])),
        (
            "p = [0.7, 0, 0.3], with an impossible outcome",
            np.array([0.7, 0.0, 0.3]),
        ),
        ("the uniform distribution on 8 outcomes", np.full(8, 1 / 8)),
        ("a random distribution on 6 outcomes with two zeros", p),
    ]:
        out.append(Case(description, (q,), stats.entropy(q, base=2)))
    return out


register(
    Exercise(
        name="entropy-bits",
        section="sec-information-theory",
        wants="function",
        signature="entropy_bits(p) -> the entropy of the probability vector p, in bits",
        cases=_entropy_cases,
        agrees=lambda got, case: _close(_scalar(got), case.expected),
        mistakes=(
            Mistake(
                "got NaN: 0 · log 0 is taken to be 0, so leave the zero "
                "probabilities out of the sum (p[p > 0]).",
                lambda got, c: (
                    np.isnan(_scalar(got)) and np.any(c.args[0] == 0)
                ),
            ),
            Mistake(
                "bits need log base 2 (np.log2); np.log gives nats, smaller by a factor "
                "ln 2.",
                lambda got, c: _close(_scalar(got), c.expected * np.log(2)),
            ),
            Mistake(
                "entropy is −Σ p log p; without the minus sign it comes out negative.",
                lambda got, c: (
                    c.expected > 0 and _close(_scalar(got), -c.expected)
                ),
            ),
        ),
    )
)


# --- 6.7 the information gain of a split -------------------------------------------


def _label_entropy(y) -> float:
    from scipy import stats  # here, not at import: it takes ~1 s to load

    _, counts = np.unique(y, return_counts=True)
    return float(stats.entropy(counts, base=2))


def _gain_parts(y, mask):
    n, n_left = len(y), int(mask.sum())
    left, right = _label_entropy(y[mask]), _label_entropy(y[~mask])
    return _label_entropy(y), n_left / n, left, right


def _gain_cases(rng):
    y3 = rng.integers(0, 3, 40)
    mask3 = rng.random(40) < 0.3
    mask3[:2] = [True, False]  # both sides non-empty
    spam = np.array(["spam"] * 6 + ["ham"] * 14)
    spam_mask = np.array([True] * 5 + [False] + [True] * 2 + [False] * 12)
    out = []
    for description, y, mask in [
        (
            "labels [0, 0, 0, 1, 1, 1, 1, 1] split after the fourth",
            np.array([0, 0, 0, 1, 1, 1, 1, 1]),
            np.arange(8) < 4,
        ),
        ("20 messages ('spam'/'ham'), 7 of them on the left", spam, spam_mask),
        ("40 random labels from 3 classes and a random split", y3, mask3),
    ]:
        parent, w, left, right = _gain_parts(y, mask)
        out.append(
            Case(description, (y, mask), parent - w * left - (1 - w) * right)
        )
    return out


def _unweighted_gain(c) -> float:
    parent, _, left, right = _gain_parts(*c.args)
    return parent - (left + right) / 2


def _children_only(c) -> float:
    _, w, left, right = _gain_parts(*c.args)
    return w * left + (1 - w) * right


register(
    Exercise(
        name="information-gain",
        section="sec-entropy-in-ml",
        wants="function",
        signature="gain(y, mask) -> the information gain in bits of splitting y by mask",
        cases=_gain_cases,
        agrees=lambda got, case: _close(_scalar(got), case.expected),
        mistakes=(
            Mistake(
                "weight each child's entropy by its share of the examples, n_left/n "
                "and n_right/n, not ½ each.",
                lambda got, c: _close(_scalar(got), _unweighted_gain(c)),
            ),
            Mistake(
                "that is the weighted entropy of the children; the gain is the "
                "parent's entropy minus it.",
                lambda got, c: _close(_scalar(got), _children_only(c)),
            ),
            Mistake(
                "bits need log base 2; with np.log the gain is in nats, smaller by a "
                "factor ln 2.",
                lambda got, c: _close(_scalar(got), c.expected * np.log(2)),
            ),
        ),
    )
)
