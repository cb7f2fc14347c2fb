"""The multivariate Gaussian: density, sampling through Cholesky, marginals, conditionals."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.linalg import solve_triangular

from mathforml._validation import (
    as_array,
    as_matrix,
    as_vector,
    check_int,
    check_rng,
)
from mathforml.linalg import cholesky

__all__ = ["MultivariateNormal"]


class MultivariateNormal:
    r"""The Gaussian :math:`\mathcal{N}(\boldsymbol\mu, \boldsymbol\Sigma)` on
    :math:`\mathbb{R}^d`.

    Parameters
    ----------
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite covariance matrix.

    Raises
    ------
    ValueError
        If the shapes disagree, or ``cov`` is not symmetric positive definite.

    Notes
    -----
    With :math:`\boldsymbol\Sigma = \mathbf{L}\mathbf{L}^\top` (Cholesky),
    :math:`\boldsymbol\mu + \mathbf{L}\mathbf{z}` with standard normal :math:`\mathbf{z}` has
    this distribution, and the density needs only triangular solves:

    .. math::
        \log p(\mathbf{x}) = -\tfrac12 \lVert \mathbf{L}^{-1}(\mathbf{x}-\boldsymbol\mu)
        \rVert^2 - \textstyle\sum_i \log L_{ii} - \tfrac{d}{2}\log 2\pi.

    :ref:`sec-multivariate-gaussian` teaches the distribution, its marginals and its
    conditionals.


    Examples
    --------
    >>> g = MultivariateNormal([0.0, 0.0], [[2.0, 1.0], [1.0, 2.0]])
    >>> round(g.pdf([0.0, 0.0]), 4)
    0.0919
    >>> g.condition([0], [1.0]).mean, g.condition([0], [1.0]).cov
    (array([0.5]), array([[1.5]]))
    """

    def __init__(self, mean: ArrayLike, cov: ArrayLike):
        self.mean = as_vector(mean, name="mean")
        d = self.mean.shape[0]
        self.cov = as_matrix(cov, name="cov", square=True)
        if self.cov.shape != (d, d):
            raise ValueError(
                f"cov must have shape ({d}, {d}) to match mean; got "
                f"{self.cov.shape}."
            )
        try:
            self._L = cholesky(self.cov)
        except np.linalg.LinAlgError as err:
            raise ValueError(
                f"cov must be symmetric positive definite: {err}"
            ) from None

    @property
    def dim(self) -> int:
        return self.mean.shape[0]

    def __repr__(self) -> str:
        return f"MultivariateNormal(mean={self.mean!r}, cov={self.cov!r})"

    def logpdf(self, x: ArrayLike):
        """Log-density at ``x`` (shape ``(d,)``, or ``(n, d)`` for n points)."""
        x = as_array(x, name="x")
        if x.shape[-1:] != (self.dim,) or x.ndim > 2:
            raise ValueError(
                f"x must have shape ({self.dim},) or (n, {self.dim}); got "
                f"{x.shape}."
            )
        return self._logpdf(x)

    def _logpdf(self, x: np.ndarray):
        z = solve_triangular(
            self._L, (x - self.mean).T, lower=True
        )  # L z = x - mu
        maha = np.sum(z**2, axis=0)
        log_det = 2 * np.sum(np.log(np.diag(self._L)))
        out = -0.5 * (maha + log_det + self.dim * np.log(2 * np.pi))
        return float(out) if x.ndim == 1 else out

    def pdf(self, x: ArrayLike):
        """Density at ``x`` (shape ``(d,)``, or ``(n, d)`` for n points)."""
        out = np.exp(self.logpdf(x))
        return float(out) if np.ndim(out) == 0 else out

    def sample(self, size: int, *, rng=None) -> np.ndarray:
        """``size`` independent draws, shape ``(size, d)``: mean + L z."""
        size = check_int(size, name="size", minimum=0)
        Z = check_rng(rng).standard_normal((size, self.dim))
        return self.mean + Z @ self._L.T

    def _indices(self, indices, name: str) -> np.ndarray:
        idx = np.asarray(indices)
        if (
            idx.ndim != 1
            or idx.size == 0
            or not np.issubdtype(idx.dtype, np.integer)
        ):
            raise TypeError(
                f"{name} must be a non-empty list of integer coordinates; got "
                f"{indices!r}."
            )
        if (
            np.any((idx < 0) | (idx >= self.dim))
            or len(set(idx.tolist())) != idx.size
        ):
            raise ValueError(
                f"{name} must be distinct coordinates in 0..{self.dim - 1}; got "
                f"{idx.tolist()}."
            )
        return idx

    def marginal(self, indices) -> MultivariateNormal:
        """The distribution of the coordinates ``indices``: keep their mean and block."""
        idx = self._indices(indices, "indices")
        return MultivariateNormal(self.mean[idx], self.cov[np.ix_(idx, idx)])

    def condition(self, indices, values: ArrayLike) -> MultivariateNormal:
        """The distribution of the other coordinates given ``x[indices] = values``."""
        o = self._indices(indices, "indices")
        v = as_vector(values, name="values", size=o.size)
        r = np.array([i for i in range(self.dim) if i not in set(o.tolist())])
        if r.size == 0:
            raise ValueError(
                "indices must leave at least one coordinate unobserved."
            )
        mean, cov = _condition(self.mean, self.cov, r, o, v)
        return MultivariateNormal(mean, cov)


def _condition(mu, S, r, o, v):
    """Schur complement: mean and covariance of x_r given x_o = v."""
    L = cholesky(S[np.ix_(o, o)])  # S_oo = L Lᵀ

    def solve_oo(B):  # S_oo⁻¹ B by two triangular solves
        return solve_triangular(
            L.T, solve_triangular(L, B, lower=True), lower=False
        )

    S_ro = S[np.ix_(r, o)]
    mean = mu[r] + S_ro @ solve_oo(v - mu[o])
    cov = S[np.ix_(r, r)] - S_ro @ solve_oo(S_ro.T)
    return mean, (cov + cov.T) / 2  # symmetric to the last bit
