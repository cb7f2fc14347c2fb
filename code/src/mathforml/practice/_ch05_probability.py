"""The self-checking exercises of Chapter 5 (probability), with their usual mistakes."""

from __future__ import annotations

import numpy as np

from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import norm_logpdf as _norm_logpdf

# --- 5.2 Bayes' theorem over a finite set of hypotheses ----------------------------


def _bayes_cases(rng):
    disease = (np.array([0.01, 0.99]), np.array([0.95, 0.05]))
    coins = (np.array([0.5, 0.25, 0.25]), np.array([0.5, 0.9, 0.1]) ** 3)
    prior = rng.dirichlet(np.ones(6))
    lik = rng.uniform(0.0, 1.0, 6)
    ruled_out = (np.array([0.2, 0.5, 0.3]), np.array([0.0, 0.4, 0.1]))
    return [
        Case(
            "a test with prior [0.01, 0.99] (sick, healthy) and likelihood of a "
            "positive result [0.95, 0.05]",
            disease,
            disease[0] * disease[1] / (disease[0] @ disease[1]),
        ),
        Case(
            "three coins (fair, 90 % heads, 10 % heads), prior [0.5, 0.25, 0.25], "
            "after three heads",
            coins,
            coins[0] * coins[1] / (coins[0] @ coins[1]),
        ),
        Case(
            "a random prior over six hypotheses",
            (prior, lik),
            prior * lik / (prior @ lik),
        ),
        Case(
            "prior [0.2, 0.5, 0.3] and likelihood [0, 0.4, 0.1]: the data rule "
            "out the first hypothesis",
            ruled_out,
            np.array([0.0, 0.2, 0.03]) / 0.23,
        ),
    ]


register(
    Exercise(
        name="bayes-posterior",
        section="sec-bayes-theorem",
        wants="function",
        signature="posterior(prior, likelihood) -> the normalized posterior array",
        cases=_bayes_cases,
        agrees=lambda got, case: _close(
            got, case.expected, rtol=1e-9, atol=1e-12
        ),
        mistakes=(
            Mistake(
                "the entries do not sum to 1: divide prior × likelihood by its sum, "
                "the evidence P(data).",
                lambda got, c: _close(got, c.args[0] * c.args[1]),
            ),
            Mistake(
                "that is the likelihood normalized, without the prior: base rates "
                "matter.",
                lambda got, c: _close(got, c.args[1] / c.args[1].sum()),
            ),
            Mistake(
                "multiply the prior by the likelihood; adding them mixes two "
                "different kinds of number.",
                lambda got, c: _close(
                    got,
                    (c.args[0] + c.args[1]) / (c.args[0] + c.args[1]).sum(),
                ),
            ),
        ),
    )
)


# --- 5.4 the sample covariance matrix ----------------------------------------------


def _cov_cases(rng):
    X1 = rng.standard_normal((50, 3)) @ np.array(
        [[2.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.5, -0.3, 0.2]]
    )
    X2 = rng.standard_normal((8, 2)) + 100.0  # far from the origin
    X3 = rng.standard_normal((5, 4))  # fewer samples than one expects
    return [
        Case(
            "50 samples of 3 correlated features",
            (X1,),
            np.cov(X1, rowvar=False),
        ),
        Case(
            "8 samples of 2 features whose means are about 100",
            (X2,),
            np.cov(X2, rowvar=False),
        ),
        Case("5 samples of 4 features", (X3,), np.cov(X3, rowvar=False)),
    ]


def _uncentered(X):
    return X.T @ X / (len(X) - 1)


register(
    Exercise(
        name="covariance-matrix",
        section="sec-expectation",
        wants="function",
        signature="covariance(X) -> the (D, D) sample covariance of X (N, D)",
        cases=_cov_cases,
        agrees=lambda got, case: _close(
            got, case.expected, rtol=1e-9, atol=1e-9
        ),
        mistakes=(
            Mistake(
                "divide by N − 1, not N: the sample covariance corrects for the "
                "mean being estimated from the same data.",
                lambda got, c: _close(
                    got, np.cov(c.args[0], rowvar=False, bias=True)
                ),
            ),
            Mistake(
                "rows of X are samples: the result should be D × D. You computed "
                "the N × N covariance of the rows.",
                lambda got, c: np.shape(got) == (len(c.args[0]),) * 2,
            ),
            Mistake(
                "subtract each column's mean first; without centering you get "
                "XᵀX / (N − 1), which mixes in the means.",
                lambda got, c: (
                    _close(got, _uncentered(c.args[0]))
                    or _close(got, c.args[0].T @ c.args[0] / len(c.args[0]))
                ),
            ),
        ),
    )
)


# --- 5.5 the log-density of a Normal -------------------------------------------------


def _normal_cases(rng):
    from scipy import stats  # here, not at import: it takes ~1 s to load

    x = rng.normal(1.0, 2.0, 7)
    far = np.array([40.0, -60.0])
    return [
        Case(
            "x = 0.5 with mu = 0, sigma = 1",
            (0.5, 0.0, 1.0),
            stats.norm.logpdf(0.5),
        ),
        Case(
            "seven points with mu = 1, sigma = 2",
            (x, 1.0, 2.0),
            stats.norm.logpdf(x, 1.0, 2.0),
        ),
        Case(
            "x = [40, -60] with mu = 0, sigma = 1, where the density underflows to 0",
            (far, 0.0, 1.0),
            stats.norm.logpdf(far),
        ),
    ]


register(
    Exercise(
        name="normal-logpdf",
        section="sec-distributions",
        wants="function",
        signature="normal_logpdf(x, mu, sigma) -> log N(x; mu, sigma²)",
        cases=_normal_cases,
        agrees=lambda got, case: _close(
            got, case.expected, rtol=1e-9, atol=1e-9
        ),
        mistakes=(
            Mistake(
                "sigma is the standard deviation: the exponent divides by 2σ², and "
                "the constant is −log σ − ½ log 2π.",
                lambda got, c: (
                    c.args[2] != 1.0
                    and _close(
                        got,
                        _norm_logpdf(c.args[0], c.args[1], np.sqrt(c.args[2])),
                    )
                ),
            ),
            Mistake(
                "the density underflows to 0 this far out, and log 0 = −∞. Write the "
                "logarithm out by hand: −(x − μ)²/(2σ²) − log σ − ½ log 2π.",
                lambda got, c: np.any(np.isinf(np.asarray(got, dtype=float))),
            ),
            Mistake(
                "that is the density itself; the exercise asks for its logarithm.",
                lambda got, c: _close(got, np.exp(c.expected)),
            ),
        ),
    )
)


# --- 5.6 conditioning a 2-D Gaussian -----------------------------------------------


def _conditional(mu, S, b) -> tuple[float, float]:
    mean = mu[0] + S[0, 1] / S[1, 1] * (b - mu[1])
    return float(mean), float(S[0, 0] - S[0, 1] ** 2 / S[1, 1])


def _gauss_cases(rng):
    mu1, S1 = np.array([1.0, 2.0]), np.array([[2.0, 1.2], [1.2, 1.0]])
    mu2, S2 = np.array([0.0, 0.0]), np.array([[1.0, -0.5], [-0.5, 4.0]])
    mu3, S3 = np.array([5.0, -3.0]), np.array([[3.0, 0.0], [0.0, 2.0]])
    return [
        Case(
            "mu = [1, 2], Sigma = [[2, 1.2], [1.2, 1]], b = 3",
            (mu1, S1, 3.0),
            _conditional(mu1, S1, 3.0),
        ),
        Case(
            "mu = [0, 0], Sigma = [[1, -0.5], [-0.5, 4]], b = -2",
            (mu2, S2, -2.0),
            _conditional(mu2, S2, -2.0),
        ),
        Case(
            "independent coordinates, mu = [5, -3], Sigma = [[3, 0], [0, 2]], b = 7",
            (mu3, S3, 7.0),
            _conditional(mu3, S3, 7.0),
        ),
    ]


register(
    Exercise(
        name="gaussian-conditional",
        section="sec-multivariate-gaussian",
        wants="function",
        signature="conditional(mu, Sigma, b) -> (mean, variance) of X1 given X2 = b",
        cases=_gauss_cases,
        agrees=lambda got, case: (
            len(got) == 2
            and _close(
                np.asarray(got, dtype=float),
                case.expected,
                rtol=1e-9,
                atol=1e-12,
            )
        ),
        mistakes=(
            Mistake(
                "the mean is right but the variance is not: conditioning shrinks it "
                "to Σ₁₁ − Σ₁₂²/Σ₂₂, the part of X1 that X2 cannot explain.",
                lambda got, c: (
                    np.isclose(got[0], c.expected[0])
                    and np.isclose(got[1], c.args[1][0, 0])
                ),
            ),
            Mistake(
                "divide the covariance by the variance of the observed X2, Σ₂₂, not "
                "by Σ₁₁.",
                lambda got, c: np.isclose(
                    got[0],
                    c.args[0][0]
                    + c.args[1][0, 1]
                    / c.args[1][0, 0]
                    * (c.args[2] - c.args[0][1]),
                ),
            ),
            Mistake(
                "shift by how far b is from X2's mean, b − μ₂, not by b itself.",
                lambda got, c: np.isclose(
                    got[0],
                    c.args[0][0]
                    + c.args[1][0, 1] / c.args[1][1, 1] * c.args[2],
                ),
            ),
        ),
    )
)


# --- 5.8 the stationary distribution of a Markov chain -------------------------------


def _chain_cases(rng):
    weather = np.array([[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.2, 0.3, 0.5]])
    lazy = np.array([[0.99, 0.01], [0.02, 0.98]])  # slow mixing
    W = rng.uniform(0.1, 1.0, (5, 5))
    random5 = W / W.sum(axis=1, keepdims=True)
    out = []
    for description, P in [
        ("the three-state weather chain", weather),
        ("a slowly mixing chain [[0.99, 0.01], [0.02, 0.98]]", lazy),
        ("a random 5-state chain", random5),
    ]:
        w, V = np.linalg.eig(P.T)
        pi = np.real(V[:, np.argmin(np.abs(w - 1.0))])
        out.append(Case(description, (P,), pi / pi.sum()))
    return out


def _is_distribution(p) -> bool:
    p = np.asarray(p, dtype=float)
    return p.ndim == 1 and np.all(p >= 0) and np.isclose(p.sum(), 1.0)


def _normalized(v):
    v = np.real(np.asarray(v, dtype=complex))
    return v / v.sum()


register(
    Exercise(
        name="stationary-distribution",
        section="sec-markov-chains",
        wants="function",
        signature="stationary(P) -> the stationary row vector pi of a row-stochastic P",
        cases=_chain_cases,
        agrees=lambda got, case: _close(
            got, case.expected, rtol=1e-6, atol=1e-9
        ),
        mistakes=(
            Mistake(
                "the direction is right but it is not a probability vector: divide "
                "by the sum of its entries (a unit-length eigenvector is not one).",
                lambda got, c: _close(
                    _normalized(got), c.expected, rtol=1e-6, atol=1e-9
                ),
            ),
            Mistake(
                "that is an eigenvector of P, a right eigenvector. π is a row vector "
                "with π P = π: take the eigenvector of Pᵀ for the eigenvalue 1.",
                lambda got, c: np.allclose(
                    c.args[0] @ np.asarray(got, dtype=float),
                    np.asarray(got, dtype=float),
                ),
            ),
            Mistake(
                "a probability vector, but not yet stationary: p P ≠ p. If you "
                "iterate p ← p P, keep going until p stops changing (a chain whose "
                "second eigenvalue is near 1 mixes slowly).",
                lambda got, c: _is_distribution(got),
            ),
        ),
    )
)
