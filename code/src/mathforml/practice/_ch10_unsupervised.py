"""The self-checking exercises of Chapter 10 (unsupervised learning), with their usual
mistakes.

The expected answers are computed here with plain NumPy and SciPy, independently of
``mathforml.models``, so that a bug there cannot make a wrong answer pass.
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaln, logsumexp

from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import explain_array as _explain_array
from mathforml.practice._core import scalar as _scalar
from mathforml.practice._core import shaped as _array

_TOL = {"rtol": 1e-7, "atol": 1e-10}


# --- 10.1 PCA through the covariance matrix ----------------------------------------


def _pca(X, k, *, center=True, ddof=1, largest=True):
    """Rows: the k leading unit eigenvectors of the sample covariance; their variances."""
    Xc = X - X.mean(axis=0) if center else X
    lam, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - ddof))
    order = np.argsort(lam)[::-1] if largest else np.argsort(lam)
    order = order[:k]
    return V[:, order].T, lam[order]


def _pca_cases(rng):
    out = []
    for description, n, d, k, shift in [
        ("8 random points in 3 dimensions, k = 2", 8, 3, 2, 0.0),
        (
            "20 random points in 4 dimensions, k = 4 (every axis)",
            20,
            4,
            4,
            0.0,
        ),
        (
            "30 points in 3 dimensions whose mean is far from the origin "
            "(about 50 in every coordinate), k = 1",
            30,
            3,
            1,
            50.0,
        ),
    ]:
        scales = np.linspace(
            3.0, 1.0, d
        )  # distinct variances: the axes are unique
        X = rng.standard_normal((n, d)) * scales @ _rotation(rng, d) + shift
        out.append(Case(description, (X, k), _pca(X, k)))
    return out


def _rotation(rng, d):
    Q, R = np.linalg.qr(rng.standard_normal((d, d)))
    return Q * np.sign(np.diag(R))


def _pca_parts(got, c):
    """The reader's (components, variances) as arrays of the expected shapes, or None."""
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return None
    components = _array(got[0], c.expected[0].shape)
    variances = _array(got[1], c.expected[1].shape)
    return components, variances


def _same_axes(components, expected) -> bool:
    """Equal rows up to the sign of each row."""
    if not np.all(np.isfinite(components)):
        return False
    signs = np.sign(np.sum(components * expected, axis=1))
    signs[signs == 0] = 1.0
    return _close(components * signs[:, None], expected, **_TOL)


def _pca_agrees(got, c) -> bool:
    parts = _pca_parts(got, c)
    return (
        parts is not None
        and _same_axes(parts[0], c.expected[0])
        and _close(parts[1], c.expected[1], **_TOL)
    )


def _pca_is(got, c, wrong) -> bool:
    """The reader's answer is the ``wrong`` one, which differs from the answer."""
    parts = _pca_parts(got, c)
    if parts is None:
        return False
    same_as_wrong = _same_axes(parts[0], wrong[0]) and _close(
        parts[1], wrong[1], **_TOL
    )
    wrong_is_right = _same_axes(wrong[0], c.expected[0]) and _close(
        wrong[1], c.expected[1], **_TOL
    )
    return same_as_wrong and not wrong_is_right


def _pca_variances_are(got, c, wrong_variances) -> bool:
    parts = _pca_parts(got, c)
    return (
        parts is not None
        and _same_axes(parts[0], c.expected[0])
        and _close(parts[1], wrong_variances, **_TOL)
        and not _close(wrong_variances, c.expected[1], **_TOL)
    )


def _columns_not_rows(got, c) -> bool:
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return False
    k, d = c.expected[0].shape
    transposed = _array(got[0], (d, k))
    return k != d and _same_axes(transposed.T, c.expected[0])


def _not_unit(got, c) -> bool:
    parts = _pca_parts(got, c)
    if parts is None or not np.all(np.isfinite(parts[0])):
        return False
    norms = np.linalg.norm(parts[0], axis=1)
    unit = parts[0] / np.where(norms > 0, norms, 1.0)[:, None]
    return not np.allclose(norms, 1.0, rtol=1e-6) and _same_axes(
        unit, c.expected[0]
    )


def _pca_explain(got, c) -> str:
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        kind = type(got).__name__
        if isinstance(got, (tuple, list)):
            kind += f" of length {len(got)}"
        return f"expected the pair (components, explained_variance), got a {kind}."
    components = _array(got[0], c.expected[0].shape)
    if not _same_axes(components, c.expected[0]):
        text = _explain_array("components", got[0], c.expected[0])
        if np.all(np.isfinite(components)):
            text += " (the check accepts either sign of each row)"
        return text
    return _explain_array("explained_variance", got[1], c.expected[1])


def _singular_values(c):
    X = c.args[0]
    return np.sqrt(c.expected[1] * (len(X) - 1))


register(
    Exercise(
        name="pca-by-eigh",
        section="sec-pca",
        wants="function",
        signature=(
            "pca_by_eigh(X, k) -> (components, explained_variance): the k leading "
            "unit eigenvectors of the sample covariance as the rows of a k × d "
            "array (either sign), and their eigenvalues, largest first"
        ),
        cases=_pca_cases,
        agrees=_pca_agrees,
        explain=_pca_explain,
        mistakes=(
            Mistake(
                "center X first: without subtracting the mean, XᵀX/(n − 1) is not "
                "the covariance, and its first eigenvector points towards the mean "
                "rather than along the spread.",
                lambda got, c: _pca_is(got, c, _pca(*c.args, center=False)),
            ),
            Mistake(
                "divide by n − 1, not n: the explained variances are the sample "
                "variances along the axes, with the n − 1 of np.var(ddof=1).",
                lambda got, c: _pca_variances_are(
                    got, c, _pca(*c.args, ddof=0)[1]
                ),
            ),
            Mistake(
                "np.linalg.eigh returns the eigenvalues in increasing order, so its "
                "last k are the largest: reverse the order before you keep k.",
                lambda got, c: _pca_is(got, c, _pca(*c.args, largest=False)),
            ),
            Mistake(
                "the axes must be the rows: eigh returns the eigenvectors as the "
                "columns of its second output, so transpose them.",
                _columns_not_rows,
            ),
            Mistake(
                "those are the singular values of the centered X; the variances are "
                "their squares divided by n − 1.",
                lambda got, c: _pca_variances_are(got, c, _singular_values(c)),
            ),
            Mistake(
                "each axis must be a unit vector: divide each row by its length.",
                _not_unit,
            ),
        ),
    )
)


# --- 10.3 centering a Gram matrix in feature space ---------------------------------


def _centered(K, *, rows=True, cols=True, grand=True, divisor=None):
    n = len(K)
    m = n if divisor is None else divisor
    out = K.copy()
    if cols:
        out = out - K.sum(axis=0, keepdims=True) / m
    if rows:
        out = out - K.sum(axis=1, keepdims=True) / m
    if grand and rows and cols:
        out = out + K.sum() / (m * m)
    return out


def _gram_cases(rng):
    X = rng.standard_normal((6, 2)) + 3.0
    Y = rng.standard_normal((8, 3))
    sq = np.sum((Y[:, None, :] - Y[None, :, :]) ** 2, axis=-1)
    K_rbf = np.exp(-0.5 * sq)
    Z = rng.standard_normal((5, 2))
    K_poly = (Z @ Z.T + 1.0) ** 2
    cases = [
        (
            "the linear kernel K = XXᵀ of 6 points in 2 dimensions whose mean "
            "is about (3, 3)",
            X @ X.T,
        ),
        ("an RBF Gram matrix of 8 random points in 3 dimensions", K_rbf),
        ("the degree-2 polynomial kernel (xᵀx' + 1)² of 5 points", K_poly),
        ("a single point, K = [[2.5]]", np.array([[2.5]])),
    ]
    return [Case(d, (K,), _centered(K)) for d, K in cases]


def _gram_is(got, c, wrong) -> bool:
    return _close(_array(got, c.expected.shape), wrong, **_TOL) and not _close(
        wrong, c.expected, **_TOL
    )


def _gram_variant(**kwargs):
    return lambda got, c: _gram_is(got, c, _centered(c.args[0], **kwargs))


register(
    Exercise(
        name="center-gram",
        section="sec-kernel-pca",
        wants="function",
        signature=(
            "center_gram(K) -> K − 1ₙK − K1ₙ + 1ₙK1ₙ, the n × n Gram matrix of "
            "the centered feature vectors (1ₙ: the n × n matrix of 1/n)"
        ),
        cases=_gram_cases,
        agrees=lambda got, c: _close(
            _array(got, c.expected.shape), c.expected, **_TOL
        ),
        explain=lambda got, c: _explain_array("K̃", got, c.expected),
        mistakes=(
            Mistake(
                "you removed the column means only (K − 1ₙK): centering the "
                "feature vectors changes both sides of every inner product, so "
                "the row means must go too, and the grand mean comes back.",
                _gram_variant(rows=False),
            ),
            Mistake(
                "you removed the row means only (K − K1ₙ): subtract the column "
                "means as well, then add the grand mean back.",
                _gram_variant(cols=False),
            ),
            Mistake(
                "after subtracting the row and the column means you subtracted the "
                "grand mean twice: add it back once, + 1ₙK1ₙ.",
                _gram_variant(grand=False),
            ),
            Mistake(
                "the means divide by n, not n − 1: 1ₙ is the matrix with every "
                "entry 1/n.",
                lambda got, c: (
                    len(c.args[0]) > 1
                    and _gram_is(
                        got,
                        c,
                        _centered(c.args[0], divisor=len(c.args[0]) - 1),
                    )
                ),
            ),
        ),
    )
)


# --- 10.4 the responsibilities of a Gaussian mixture -------------------------------


def _log_joint(X, weights, means, covariances):
    """log pi_k + log N(x_i | mu_k, Sigma_k), an n × K array (Cholesky, in logs)."""
    n, d = X.shape
    out = np.empty((n, len(weights)))
    for k, (w, mu, cov) in enumerate(zip(weights, means, covariances)):
        L = np.linalg.cholesky(cov)
        z = np.linalg.solve(L, (X - mu).T)
        log_det = 2.0 * np.sum(np.log(np.diag(L)))
        out[:, k] = (
            np.log(w)
            - 0.5 * (d * np.log(2 * np.pi) + log_det)
            - 0.5 * np.sum(z * z, axis=0)
        )
    return out


def _responsibilities(X, weights, means, covariances):
    log_joint = _log_joint(X, weights, means, covariances)
    return np.exp(log_joint - logsumexp(log_joint, axis=1, keepdims=True))


def _mixture_cases(rng):
    out = []
    X1 = np.sort(rng.uniform(-3.0, 3.5, 8))[:, None]  # many shared points
    args1 = (
        X1,
        np.array([0.4, 0.6]),
        np.array([[-1.0], [1.5]]),
        np.array([[[1.0]], [[0.49]]]),
    )
    out.append(
        Case(
            "8 points on a line and two overlapping components, N(−1, 1) with "
            "weight 0.4 and N(1.5, 0.7²) with weight 0.6",
            args1,
            None,
        )
    )
    means = np.array([[0.0, 0.0], [3.0, 1.0], [-1.0, 3.0]])
    covariances = np.array(
        [
            [[1.0, 0.6], [0.6, 1.0]],
            [[0.5, -0.2], [-0.2, 2.0]],
            [[2.0, 0.0], [0.0, 0.3]],
        ]
    )
    X2 = np.concatenate(
        [rng.multivariate_normal(m, S, 4) for m, S in zip(means, covariances)]
    )
    out.append(
        Case(
            "12 points in the plane and three correlated components with "
            "weights 0.5, 0.3, 0.2",
            (X2, np.array([0.5, 0.3, 0.2]), means, covariances),
            None,
        )
    )
    X3 = np.array([[0.5, 0.2], [40.0, -35.0], [2.5, 1.5]])
    out.append(
        Case(
            "three points and the first two components of the previous case "
            "(weights 0.5, 0.5); the point (40, −35) is more than 40 standard "
            "deviations from both, where every density underflows to 0",
            (X3, np.array([0.5, 0.5]), means[:2], covariances[:2]),
            None,
        )
    )
    return [
        Case(c.description, c.args, _responsibilities(*c.args)) for c in out
    ]


def _densities(c, *, weighted=True, normalize=True, inverse=True, det=True):
    X, weights, means, covariances = c.args
    n, d = X.shape
    dens = np.empty((n, len(weights)))
    for k, (w, mu, cov) in enumerate(zip(weights, means, covariances)):
        diff = X - mu
        M = np.linalg.inv(cov) if inverse else cov
        quad = np.einsum("ij,jk,ik->i", diff, M, diff)
        scale = np.sqrt(
            (2 * np.pi) ** d * (np.linalg.det(cov) if det else 1.0)
        )
        dens[:, k] = (w if weighted else 1.0) * np.exp(-0.5 * quad) / scale
    if normalize == "points":
        return dens / dens.sum(axis=0, keepdims=True)
    return dens / dens.sum(axis=1, keepdims=True) if normalize else dens


def _mixture_is(got, c, wrong) -> bool:
    got = _array(got, c.expected.shape)
    finite = np.all(np.isfinite(wrong), axis=1)
    return (
        bool(finite.any())
        and np.allclose(got[finite], wrong[finite], **_TOL)
        and not np.allclose(wrong[finite], c.expected[finite], **_TOL)
    )


def _mixture_variant(**kwargs):
    def matches(got, c):
        with np.errstate(all="ignore"):
            wrong = _densities(c, **kwargs)
        return _mixture_is(got, c, wrong)

    return matches


def _underflow(got, c) -> bool:
    got = _array(got, c.expected.shape)
    with np.errstate(all="ignore"):
        naive = _densities(c)
    lost = ~np.all(np.isfinite(naive), axis=1)
    return bool(lost.any()) and not np.all(np.isfinite(got[lost]))


register(
    Exercise(
        name="responsibilities",
        section="sec-gaussian-mixtures",
        wants="function",
        signature=(
            "responsibilities(X, weights, means, covariances) -> R, n × K: "
            "r_ik = π_k N(x_i | μ_k, Σ_k) / Σ_j π_j N(x_i | μ_j, Σ_j)"
        ),
        cases=_mixture_cases,
        agrees=lambda got, c: _close(
            _array(got, c.expected.shape), c.expected, **_TOL
        ),
        explain=lambda got, c: _explain_array("R", got, c.expected),
        mistakes=(
            Mistake(
                "your densities underflow to 0 for a point far from every "
                "component, and 0/0 is NaN: compute log π_k + log N(x_i | μ_k, Σ_k) "
                "in logs and normalize each row with logsumexp "
                "(scipy.special.logsumexp).",
                _underflow,
            ),
            Mistake(
                "the weights π_k are missing: a component that explains more of "
                "the data takes a larger share of every point.",
                _mixture_variant(weighted=False),
            ),
            Mistake(
                "each ROW must sum to 1 (a point's shares over the K components); "
                "you divided by the column sums, over the points.",
                _mixture_variant(normalize="points"),
            ),
            Mistake(
                "the exponent of the Gaussian is −½ (x − μ)ᵀ Σ⁻¹ (x − μ): you used "
                "Σ where its inverse belongs.",
                _mixture_variant(inverse=False),
            ),
            Mistake(
                "the determinant is missing: N(x | μ, Σ) has the factor "
                "1/√((2π)ᵈ det Σ), and it differs between the components.",
                _mixture_variant(det=False),
            ),
            Mistake(
                "those are π_k N(x_i | μ_k, Σ_k) before normalizing: divide each "
                "row by its sum so that the responsibilities sum to 1.",
                _mixture_variant(normalize=False),
            ),
        ),
    )
)


# --- 10.5 the unit ball inside the cube ---------------------------------------------


def _ball_fraction(d, *, shift=1.0, power=1.0, radius=1.0):
    """π^(d/2) r^d / Γ(d/2 + shift) / 2^(power·d), in logs (no overflow)."""
    log = (
        0.5 * d * np.log(np.pi)
        + d * np.log(radius)
        - gammaln(0.5 * d + shift)
        - power * d * np.log(2.0)
    )
    return float(np.exp(log))


_DIMENSIONS = (  # d = 3 first: at d = 1 and d = 2 some mistakes give the right number
    ("d = 3 (the ball inside the cube)", 3),
    ("d = 1 (the interval [−1, 1] fills itself)", 1),
    ("d = 2 (the disk in the square)", 2),
    ("d = 10, the cube [−1, 1]¹⁰", 10),
    ("d = 30, where the ball fills almost none of the cube", 30),
)


def _ball_is(**kwargs):
    def matches(got, c):
        wrong = _ball_fraction(*c.args, **kwargs)
        return np.isclose(
            _scalar(got), wrong, rtol=1e-9, atol=0
        ) and not np.isclose(wrong, c.expected, rtol=1e-9, atol=0)

    return matches


register(
    Exercise(
        name="ball-volume-fraction",
        section="sec-curse-of-dimensionality",
        wants="function",
        signature=(
            "ball_volume_fraction(d) -> π^(d/2) / (Γ(d/2 + 1)·2^d), the share of "
            "the cube [−1, 1]^d inside the unit ball"
        ),
        cases=lambda rng: [
            Case(description, (d,), _ball_fraction(d))
            for description, d in _DIMENSIONS
        ],
        agrees=lambda got, c: bool(
            np.isclose(_scalar(got), c.expected, rtol=1e-9, atol=0)
        ),
        mistakes=(
            Mistake(
                "the cube [−1, 1]^d has side 2, so its volume is 2^d, not 1: "
                "divide the ball's volume by 2^d.",
                _ball_is(power=0.0),
            ),
            Mistake(
                "the ball's volume is π^(d/2) / Γ(d/2 + 1): the Gamma function "
                "takes d/2 + 1, not d/2 (Γ(d/2 + 1) = (d/2)! for even d).",
                _ball_is(shift=0.0),
            ),
            Mistake(
                "the ball inscribed in [−1, 1]^d has radius 1, not 1/2.",
                _ball_is(radius=0.5),
            ),
        ),
    )
)
