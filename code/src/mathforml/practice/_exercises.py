"""The self-checking exercises of Chapters 1-4, each with its cases and usual mistakes."""

from __future__ import annotations

import numpy as np

from mathforml.practice._core import Case, Exercise, Mistake, close, register

RTOL, ATOL = 1e-6, 1e-8


def _array(x) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _close(got, expected, rtol=RTOL, atol=ATOL) -> bool:
    return close(got, expected, rtol=rtol, atol=atol)


def _well_conditioned(rng, n) -> np.ndarray:
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (
        Q @ np.diag(rng.uniform(1, 3, n)) @ Q.T
        + rng.standard_normal((n, n)) * 0.1
    )


# --- Chapter 1: Gaussian elimination ---------------------------------------------------


def _solve_cases(rng):
    A3 = _well_conditioned(rng, 3)
    b3 = rng.standard_normal(3)
    A5 = _well_conditioned(rng, 5)
    b5 = rng.standard_normal(5)
    Z = np.array(
        [[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 3.0]]
    )  # zero first pivot
    T = np.array([[1e-12, 1.0], [1.0, 1.0]])  # tiny first pivot
    bz, bt = np.array([3.0, 2.0, 5.0]), np.array([1.0, 2.0])
    return [
        Case("a random 3×3 system", (A3, b3), np.linalg.solve(A3, b3)),
        Case("a random 5×5 system", (A5, b5), np.linalg.solve(A5, b5)),
        Case(
            "a system whose first pivot is 0, A = [[0, 2, 1], [1, 1, 0], [2, 0, 3]]",
            (Z, bz),
            np.linalg.solve(Z, bz),
        ),
        Case(
            "a system whose first pivot is 1e-12, A = [[1e-12, 1], [1, 1]]",
            (T, bt),
            np.linalg.solve(T, bt),
        ),
    ]


register(
    Exercise(
        name="gauss-solve",
        section="sec-linear-systems",
        wants="function",
        signature="solve(A, b) -> x, solving A x = b by Gaussian elimination",
        cases=_solve_cases,
        agrees=lambda got, case: _close(
            got, case.expected, rtol=1e-6, atol=1e-9
        ),
        mistakes=(
            Mistake(
                "the answer solves Aᵀx = b: check which index of A is the row.",
                lambda got, c: _close(
                    got, np.linalg.solve(c.args[0].T, c.args[1])
                ),
            ),
            Mistake(
                "the first pivot is zero or tiny here. Swap in the row with the largest "
                "|entry| in the pivot column before eliminating (partial pivoting).",
                lambda got, c: abs(c.args[0][0, 0]) < 1e-6,
            ),
            Mistake(
                "the answer has the wrong shape: return a 1-D array of length n.",
                lambda got, c: _array(got).shape != c.expected.shape,
            ),
        ),
    )
)


# --- Chapter 2: Gram-Schmidt and projections --------------------------------------------


def _gs_cases(rng):
    A = rng.standard_normal((6, 3))
    square = rng.standard_normal((4, 4))
    t = np.linspace(0, 1, 20)
    V = np.vander(
        t, 10, increasing=True
    )  # monomials: nearly dependent columns
    return [
        Case("a random 6×3 matrix", (A,), A),
        Case("a random 4×4 matrix", (square,), square),
        Case(
            "the 20×10 monomial matrix [1, t, …, t⁹] on [0, 1] (κ ≈ 4 × 10⁶)",
            (V,),
            V,
        ),
    ]


def _gs_agrees(got, case):
    (A,) = case.args
    Q, R = (_array(g) for g in got)
    m, n = A.shape
    return (
        Q.shape == (m, n)
        and R.shape == (n, n)
        and np.allclose(np.triu(R), R, atol=1e-12)
        and np.all(np.diag(R) > 0)
        and np.allclose(Q @ R, A, rtol=1e-8, atol=1e-10)
        and np.linalg.norm(Q.T @ Q - np.eye(n)) < 1e-8
    )


def _gs_explain(got, case):
    (A,) = case.args
    try:
        Q, R = (_array(g) for g in got)
    except (TypeError, ValueError):
        return f"expected a pair (Q, R); got {type(got).__name__}."
    n = A.shape[1]
    parts = [
        f"shapes Q {Q.shape}, R {R.shape} (expected {A.shape} and {(n, n)})"
    ]
    if Q.shape == A.shape and R.shape == (n, n):
        parts += [
            f"‖QᵀQ − I‖ = {np.linalg.norm(Q.T @ Q - np.eye(n)):.1e} (want < 10⁻⁸)",
            f"‖QR − A‖ = {np.linalg.norm(Q @ R - A):.1e}",
            f"R upper triangular: {np.allclose(np.triu(R), R, atol=1e-12)}",
            f"diagonal of R positive: {bool(np.all(np.diag(R) > 0))}",
        ]
    return "; ".join(parts) + "."


def _gs_not_unit(got, case):
    Q = _array(got[0])
    return not np.allclose(np.linalg.norm(Q, axis=0), 1, atol=1e-6)


def _gs_lost_orthogonality(got, case):
    Q, R = (_array(g) for g in got)
    n = case.args[0].shape[1]
    return (
        np.allclose(Q @ R, case.args[0], rtol=1e-8, atol=1e-10)
        and np.linalg.norm(Q.T @ Q - np.eye(n)) >= 1e-8
    )


register(
    Exercise(
        name="gram-schmidt",
        section="sec-gram-schmidt",
        wants="function",
        signature="gram_schmidt(A) -> (Q, R), with A = QR, QᵀQ = I, R upper triangular, "
        "diag(R) > 0",
        cases=_gs_cases,
        agrees=_gs_agrees,
        explain=_gs_explain,
        mistakes=(
            Mistake(
                "the columns of Q are not unit vectors: divide each one by its norm "
                "(and store that norm on R's diagonal).",
                _gs_not_unit,
            ),
            Mistake(
                "QR rebuilds A but QᵀQ is far from I on nearly dependent columns: that is "
                "classical Gram–Schmidt. Subtract each projection from the *updated* "
                "vector (modified Gram–Schmidt), or orthogonalize twice.",
                _gs_lost_orthogonality,
            ),
            Mistake(
                "R is lower triangular: R[i, j] = qᵢᵀaⱼ belongs above the diagonal "
                "(i ≤ j); you may have filled R[j, i].",
                lambda got, c: np.allclose(
                    np.tril(_array(got[1])), _array(got[1])
                ),
            ),
            Mistake(
                "some diagonal entries of R are negative: the convention is diag(R) > 0, "
                "so the sign of each qⱼ is fixed.",
                lambda got, c: np.any(np.diag(_array(got[1])) < 0),
            ),
        ),
    )
)


def _project_cases(rng):
    A = rng.standard_normal((5, 2))
    b = rng.standard_normal(5)
    line = np.array([[1.0], [2.0], [2.0]])
    c = np.array([3.0, 0.0, 3.0])
    inside = A @ np.array([2.0, -1.0])

    def p(b, A):
        return A @ np.linalg.lstsq(A, b, rcond=None)[0]

    return [
        Case(
            "b = (3, 0, 3) and the line through a = (1, 2, 2)",
            (c, line),
            p(c, line),
        ),
        Case(
            "a random plane in ℝ⁵ (A is 5×2, columns not orthogonal)",
            (b, A),
            p(b, A),
        ),
        Case(
            "a vector b already in the column space of A", (inside, A), inside
        ),
    ]


register(
    Exercise(
        name="project",
        section="sec-projections",
        wants="function",
        signature="project(b, A) -> p, the orthogonal projection of b onto the column "
        "space of A (the order of the package's project)",
        cases=_project_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "you returned the coefficients x̂ (length n), not the projection p = A x̂ "
                "(length m).",
                lambda got, c: _array(got).shape == (c.args[1].shape[1],),
            ),
            Mistake(
                "you returned the residual b − p; the projection is what is left when the "
                "residual is removed.",
                lambda got, c: _close(got, c.args[0] - c.expected),
            ),
            Mistake(
                "A Aᵀ b is the projection only when the columns of A are orthonormal. "
                "Solve the normal equations AᵀA x̂ = Aᵀb, or orthonormalize A first.",
                lambda got, c: _close(
                    got, c.args[1] @ c.args[1].T @ c.args[0]
                ),
            ),
        ),
    )
)


# --- Chapter 3: eigenvalues and low rank -----------------------------------------------


def _eig_mistake_diagonal(got, case):
    return sorted(np.ravel(_array(got)).tolist()) == [2.0, 2.0]


register(
    Exercise(
        name="eigenvalues-2x2",
        section="sec-eigenvalues",
        wants="value",
        signature="a list of the two eigenvalues of [[2, 1], [1, 2]], in any order",
        cases=lambda rng: [
            Case("the matrix [[2, 1], [1, 2]]", (), np.array([1.0, 3.0]))
        ],
        agrees=lambda got, case: _close(
            np.sort(np.ravel(_array(got))), case.expected
        ),
        explain=lambda got, case: (
            f"expected {np.array([1.0, 3.0])} (in any order), got "
            f"{np.ravel(_array(got))}."
        ),
        mistakes=(
            Mistake(
                "those are the diagonal entries. The eigenvalues of a non-diagonal matrix "
                "are the roots of det(A - λI) = 0.",
                _eig_mistake_diagonal,
            ),
            Mistake(
                "their sum should be the trace (4) and their product the determinant (3): "
                "solve λ² − 4λ + 3 = 0.",
                lambda got, c: np.size(got) == 2,
            ),
            Mistake(
                "a 2×2 matrix has exactly two eigenvalues (counted with multiplicity).",
                lambda got, c: np.size(got) != 2,
            ),
        ),
    )
)


def _low_rank_cases(rng):
    A = rng.standard_normal((6, 4))
    tall = rng.standard_normal((8, 3)) @ rng.standard_normal((3, 5))
    wide = rng.standard_normal((3, 7))

    def best(A, k):
        U, s, Vt = np.linalg.svd(A, full_matrices=False)
        return (U[:, :k] * s[:k]) @ Vt[:k]

    return [
        Case("a random 6×4 matrix with k = 2", (A, 2), best(A, 2)),
        Case(
            "an 8×5 matrix of rank 3 with k = 3 (the answer is the matrix itself)",
            (tall, 3),
            best(tall, 3),
        ),
        Case("a random 3×7 matrix with k = 1", (wide, 1), best(wide, 1)),
    ]


def _low_rank_off_by_one(got, case):
    A, k = case.args
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return any(
        _close(got, (U[:, :j] * s[:j]) @ Vt[:j])
        for j in (k - 1, k + 1)
        if j >= 0
    )


def _low_rank_no_s(got, case):
    A, k = case.args
    U, _s, Vt = np.linalg.svd(A, full_matrices=False)
    return _close(got, U[:, :k] @ Vt[:k])


register(
    Exercise(
        name="low-rank",
        section="sec-low-rank-approximation",
        wants="function",
        signature="low_rank(A, k) -> A_k, the best rank-k approximation of A",
        cases=_low_rank_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "that is a rank k − 1 or k + 1 approximation: keep exactly the first k "
                "singular triplets (Python slices [:k] stop before k).",
                _low_rank_off_by_one,
            ),
            Mistake(
                "the singular values are missing: A_k = U_k diag(s_k) V_kᵀ, not U_k V_kᵀ.",
                _low_rank_no_s,
            ),
            Mistake(
                "the shape differs from A's: A_k has the shape of A.",
                lambda got, c: _array(got).shape != c.args[0].shape,
            ),
        ),
    )
)


# --- Chapter 4: gradients and backpropagation --------------------------------------------


def _mse_cases(rng):
    X = rng.standard_normal((20, 3))
    y = rng.standard_normal(20)
    w = rng.standard_normal(3)
    X1 = rng.standard_normal((7, 1))
    y1, w1 = rng.standard_normal(7), np.array([0.5])

    def grad(w, X, y):
        return 2 / len(y) * X.T @ (X @ w - y)

    return [
        Case("N = 20 samples, D = 3 features", (w, X, y), grad(w, X, y)),
        Case("N = 7 samples, D = 1 feature", (w1, X1, y1), grad(w1, X1, y1)),
    ]


def _mse_scaled(factor):
    return lambda got, c: _close(got, factor(len(c.args[2])) * c.expected)


register(
    Exercise(
        name="gradient-mse",
        section="sec-matrix-calculus",
        wants="function",
        signature="grad(w, X, y) -> the gradient of L(w) = (1/N)‖Xw − y‖² with respect to w",
        cases=_mse_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "off by a factor 2: the derivative of the square brings down a 2.",
                _mse_scaled(lambda n: 0.5),
            ),
            Mistake(
                "off by a factor N: L is a mean, so its gradient carries 1/N.",
                _mse_scaled(lambda n: n),
            ),
            Mistake(
                "the sign is flipped: the residual is Xw − y, not y − Xw.",
                _mse_scaled(lambda n: -1.0),
            ),
            Mistake(
                "the gradient has one entry per weight (shape (D,)): use Xᵀr, not X r or "
                "r Xᵀ.",
                lambda got, c: _array(got).shape != c.expected.shape,
            ),
        ),
    )
)


def _layer_cases(rng):
    def case(n, d, k, text):
        X, W, b = (
            rng.standard_normal((n, d)),
            rng.standard_normal((d, k)),
            rng.standard_normal(k),
        )
        G = rng.standard_normal((n, k))
        return Case(text, (X, W, b, G), (G @ W.T, X.T @ G, G.sum(axis=0)))

    return [
        case(4, 3, 2, "a batch of N = 4, 3 inputs, 2 outputs"),
        case(1, 5, 3, "a batch of one sample, 5 inputs, 3 outputs"),
        case(6, 2, 4, "a batch of N = 6, 2 inputs, 4 outputs"),
    ]


def _layer_agrees(got, case):
    return len(got) == 3 and all(
        _close(g, e) for g, e in zip(got, case.expected)
    )


def _layer_explain(got, case):
    names = ("dX", "dW", "db")
    try:
        parts = [
            f"{n}: shape {_array(g).shape} (expected {e.shape}), "
            f"{'right' if _close(g, e) else 'wrong'}"
            for n, g, e in zip(names, got, case.expected)
        ]
    except TypeError:
        return f"expected a tuple (dX, dW, db); got {type(got).__name__}."
    return "; ".join(parts) + "."


register(
    Exercise(
        name="linear-layer-backward",
        section="sec-backpropagation",
        wants="function",
        signature="backward(X, W, b, G) -> (dX, dW, db) for Y = X W + b, given G = ∂L/∂Y",
        cases=_layer_cases,
        agrees=_layer_agrees,
        explain=_layer_explain,
        mistakes=(
            Mistake(
                "dW is transposed: it must have W's shape (D, K), which Xᵀ G has.",
                lambda got, c: _close(got[1], c.expected[1].T),
            ),
            Mistake(
                "db must add up G over the batch (axis 0): b is added to every row of XW.",
                lambda got, c: (
                    _array(got[2]).shape != c.expected[2].shape
                    or _close(got[2], c.expected[2] / c.args[0].shape[0])
                ),
            ),
            Mistake(
                "dX = G Wᵀ: the gradient flows back through W transposed.",
                lambda got, c: not _close(got[0], c.expected[0]),
            ),
        ),
    )
)


def _central_cases(rng):
    return [
        Case(
            "f = sin at x = 1 with h = 10⁻³",
            (np.sin, 1.0, 1e-3),
            (np.sin(1.001) - np.sin(0.999)) / 2e-3,
        ),
        Case(
            "f(x) = x³ at x = 2 with h = 0.1",
            (lambda x: x**3, 2.0, 0.1),
            ((2.1) ** 3 - (1.9) ** 3) / 0.2,
        ),
        Case(
            "f = exp at x = 0 with h = 0.5",
            (np.exp, 0.0, 0.5),
            (np.exp(0.5) - np.exp(-0.5)) / 1.0,
        ),
    ]


def _forward(got, c):
    f, x, h = c.args
    return np.isclose(got, (f(x + h) - f(x)) / h, rtol=1e-9, atol=1e-12)


register(
    Exercise(
        name="central-difference",
        section="sec-derivatives",
        wants="function",
        signature="central_difference(f, x, h) -> the central-difference estimate of f′(x)",
        cases=_central_cases,
        agrees=lambda got, case: (
            np.ndim(got) == 0
            and np.isclose(float(got), case.expected, rtol=1e-9, atol=1e-12)
        ),
        mistakes=(
            Mistake(
                "that is the forward difference (f(x+h) − f(x))/h: the central one looks "
                "both ways, (f(x+h) − f(x−h))/(2h), and its error shrinks like h².",
                _forward,
            ),
            Mistake(
                "off by a factor 2: the two points are 2h apart, so divide by 2h.",
                lambda got, c: np.isclose(
                    got, 2 * c.expected, rtol=1e-9, atol=1e-12
                ),
            ),
            Mistake(
                "the sign is flipped: f(x+h) comes first.",
                lambda got, c: np.isclose(
                    got, -c.expected, rtol=1e-9, atol=1e-12
                ),
            ),
        ),
    )
)


# --- More for Chapters 1-3: products, norms, power iteration ----------------------------


def _matmul_cases(rng):
    A, B = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
    S, T = rng.standard_normal((3, 3)), rng.standard_normal((3, 3))
    return [
        Case("a 3×4 times a 4×2 matrix", (A, B), A @ B),
        Case("two square 3×3 matrices", (S, T), S @ T),
    ]


register(
    Exercise(
        name="matmul",
        section="sec-matrix-operations",
        wants="function",
        signature="matmul(A, B) -> A B, with loops or dot products (not the @ operator)",
        cases=_matmul_cases,
        agrees=lambda got, case: _close(got, case.expected),
        mistakes=(
            Mistake(
                "that is the elementwise product A * B: entry (i, j) of A B is the dot "
                "product of row i of A with column j of B.",
                lambda got, c: _close(got, c.args[0] * c.args[1]),
            ),
            Mistake(
                "that is B A: matrix products do not commute, so keep the order.",
                lambda got, c: _close(got, c.args[1] @ c.args[0]),
            ),
            Mistake(
                "the result is transposed: A B has as many rows as A and as many columns "
                "as B.",
                lambda got, c: _close(got, c.expected.T),
            ),
        ),
    )
)


def _cosine_cases(rng):
    a, b = rng.standard_normal(5), rng.standard_normal(5)
    return [
        Case(
            "two random vectors in ℝ⁵",
            (a, b),
            a @ b / np.linalg.norm(a) / np.linalg.norm(b),
        ),
        Case(
            "a = (3, 4) and b = (6, 8), same direction",
            (np.array([3.0, 4.0]), np.array([6.0, 8.0])),
            1.0,
        ),
        Case(
            "a = (1, 0) and b = (0, 2), perpendicular",
            (np.array([1.0, 0.0]), np.array([0.0, 2.0])),
            0.0,
        ),
    ]


register(
    Exercise(
        name="cosine-similarity",
        section="sec-vector-operations",
        wants="function",
        signature="cosine(a, b) -> the cosine of the angle between a and b",
        cases=_cosine_cases,
        agrees=lambda got, case: (
            np.ndim(got) == 0
            and np.isclose(float(got), case.expected, rtol=1e-9, atol=1e-12)
        ),
        mistakes=(
            Mistake(
                "that is the plain dot product: divide by both lengths, ‖a‖ ‖b‖.",
                lambda got, c: np.isclose(got, c.args[0] @ c.args[1]),
            ),
            Mistake(
                "divide by both lengths, not just one of them.",
                lambda got, c: (
                    np.isclose(
                        got, c.args[0] @ c.args[1] / np.linalg.norm(c.args[0])
                    )
                    or np.isclose(
                        got, c.args[0] @ c.args[1] / np.linalg.norm(c.args[1])
                    )
                ),
            ),
            Mistake(
                "that is the angle itself (in radians); the exercise asks for its cosine.",
                lambda got, c: np.isclose(
                    got, np.arccos(np.clip(c.expected, -1, 1))
                ),
            ),
        ),
    )
)


def _pnorm_cases(rng):
    x = np.array([3.0, -4.0, 1.0])
    return [
        Case(f"x = (3, -4, 1) with p = {p}", (x, p), np.linalg.norm(x, p))
        for p in (1, 2, np.inf)
    ]


register(
    Exercise(
        name="p-norm",
        section="sec-norms",
        wants="function",
        signature="p_norm(x, p) -> the p-norm of x for p = 1, 2 or np.inf",
        cases=_pnorm_cases,
        agrees=lambda got, case: (
            np.ndim(got) == 0
            and np.isclose(float(got), case.expected, rtol=1e-12, atol=1e-12)
        ),
        mistakes=(
            Mistake(
                "a norm adds absolute values: |−4| = 4, so negative entries must not cancel "
                "positive ones.",
                lambda got, c: (
                    np.isclose(got, np.sum(c.args[0]))
                    or np.isclose(got, np.max(c.args[0]))
                ),
            ),
            Mistake(
                "the 2-norm is the square root of the sum of squares; you returned the sum "
                "itself.",
                lambda got, c: np.isclose(got, np.sum(c.args[0] ** 2)),
            ),
            Mistake(
                "the ∞-norm is the largest |entry|, the limit of the p-norms as p grows, "
                "not a sum.",
                lambda got, c: c.args[1] == np.inf,
            ),
        ),
    )
)


def _dominant_cases(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    A = Q @ np.diag([5.0, 2.0, 1.0, 0.5]) @ Q.T
    B = (
        Q @ np.diag([-6.0, 3.0, 1.0, 0.5]) @ Q.T
    )  # dominant eigenvalue negative
    C = 1e3 * A  # iterates overflow unless normalized
    return [
        Case(
            "a symmetric 4×4 matrix with eigenvalues 5, 2, 1, 0.5", (A,), 5.0
        ),
        Case(
            "a symmetric 4×4 matrix with eigenvalues -6, 3, 1, 0.5", (B,), -6.0
        ),
        Case("1000 times the first matrix (eigenvalue 5000)", (C,), 5000.0),
    ]


register(
    Exercise(
        name="power-iteration",
        section="sec-power-iteration",
        wants="function",
        signature="dominant_eigenvalue(A) -> the eigenvalue of largest magnitude of a symmetric A",
        cases=_dominant_cases,
        agrees=lambda got, case: (
            np.ndim(got) == 0
            and np.isclose(float(got), case.expected, rtol=1e-6, atol=1e-9)
        ),
        mistakes=(
            Mistake(
                "the magnitude is right but the sign is lost: ‖A x‖ cannot be negative. Read "
                "the eigenvalue from the Rayleigh quotient xᵀA x (with ‖x‖ = 1).",
                lambda got, c: (
                    np.isclose(got, abs(c.expected), rtol=1e-6)
                    and c.expected < 0
                ),
            ),
            Mistake(
                "the iterates overflowed or vanished: normalize x after every multiplication.",
                lambda got, c: not np.isfinite(got),
            ),
            Mistake(
                "not converged yet: iterate until A x − λ x is small, not a fixed handful "
                "of times.",
                lambda got, c: np.isfinite(got),
            ),
        ),
    )
)
