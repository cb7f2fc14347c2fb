"""Named tolerances: every comparison states both rtol and atol."""

#: Direct methods on well-conditioned inputs (solves, factorizations) against LAPACK.
DIRECT = dict(rtol=1e-9, atol=1e-10)
#: Iterative methods run to their default tolerance.
ITERATIVE = dict(rtol=1e-6, atol=1e-8)
#: Finite-difference derivatives with the default step.
FINITE_DIFF = dict(rtol=1e-5, atol=1e-7)
#: Monte Carlo estimates (compare with several standard errors instead where possible).
MONTE_CARLO = dict(rtol=5e-2, atol=5e-2)
