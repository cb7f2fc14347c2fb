"""The machinery of :func:`check`: run a reader's answer on a family of cases, explain."""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Case", "Exercise", "Mistake", "Report", "check", "exercises"]


def close(got, expected, *, rtol: float = 1e-9, atol: float = 1e-12) -> bool:
    """Whether an answer has the expected shape and values (for the exercises' checks)."""
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    return got.shape == expected.shape and np.allclose(
        got, expected, rtol=rtol, atol=atol
    )


def norm_logpdf(x, loc, scale):
    """SciPy's Normal log-density, imported when first needed (scipy.stats loads slowly)."""
    from scipy import stats

    return stats.norm.logpdf(x, loc, scale)


def shaped(got, shape) -> np.ndarray:
    """The reader's answer as a float array of ``shape``, or NaNs when it is not."""
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return np.full(shape, np.nan)
    return value if value.shape == tuple(shape) else np.full(shape, np.nan)


def scalar(got) -> float:
    """The reader's answer as one float, or NaN when it is not a single number."""
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return float("nan")
    return float(value) if value.shape == () else float("nan")


def explain_array(
    name: str, got, expected, *, rtol: float = 1e-7, atol: float = 1e-10
) -> str:
    """What is wrong with a reader's array, in words: its type, its shape, or the values
    (for a matrix, its first wrong row)."""
    shape = np.shape(expected)
    try:
        value = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return (
            f"expected {name} to be an array of numbers of shape {shape}; "
            f"got {got!r:.60}."
        )
    if value.shape != shape:
        return (
            f"expected {name} to have shape {shape}; got shape {value.shape}."
        )
    where = ""
    if value.ndim == 2:  # show the first wrong row, not the whole matrix
        bad = ~np.isclose(value, expected, rtol=rtol, atol=atol).all(axis=1)
        row = int(np.argmax(bad))
        name, value, expected = f"{name}[{row}]", value[row], expected[row]
        where = " (its first wrong row)"
    with np.printoptions(precision=4, suppress=True, threshold=30):
        return f"{name}{where} is wrong: expected {expected}, got {value}."


@dataclass(frozen=True)
class Case:
    """One input to try: a description, the arguments, and the expected answer."""

    description: str
    args: tuple
    expected: Any


@dataclass(frozen=True)
class Mistake:
    """A usual mistake: ``matches(got, case)`` says whether the answer looks like it."""

    hint: str
    matches: Callable[[Any, Case], bool]


@dataclass(frozen=True)
class Exercise:
    """A self-checking exercise: what it wants, the cases, how to compare, the mistakes."""

    name: str
    section: str
    wants: str  # "function" or "value"
    signature: str
    cases: Callable[[np.random.Generator], list[Case]]
    agrees: Callable[[Any, Case], bool]
    mistakes: tuple[Mistake, ...] = ()
    explain: Callable[[Any, Case], str] | None = None


@dataclass
class Report:
    """What :func:`check` found. It prints as plain sentences; ``passed`` is a bool.

    Notes
    -----
    :ref:`sec-using-this-book` shows how the exercises are checked.
    """

    name: str
    passed: bool
    n_cases: int
    n_passed: int
    lines: list[str] = field(default_factory=list)
    hint: str | None = None

    def __str__(self) -> str:
        head = (
            f"✓ {self.name}: all {self.n_cases} checks passed."
            if self.passed
            else f"✗ {self.name}: {self.n_passed} of {self.n_cases} checks passed."
        )
        body = [
            textwrap.fill(line, 78, subsequent_indent="  ")
            for line in self.lines
        ]
        if self.hint:
            body.append(
                textwrap.fill("Hint: " + self.hint, 78, subsequent_indent="  ")
            )
        return "\n".join([head, *body])

    def __repr__(self) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return self.passed


_REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    if exercise.name in _REGISTRY:
        raise ValueError(f"exercise {exercise.name!r} is registered twice")
    _REGISTRY[exercise.name] = exercise
    return exercise


def exercises() -> dict[str, str]:
    """The self-checking exercises, by name, with the signature each expects.

    Returns
    -------
    dict
        ``{name: signature}``, in the order of the book.

    Notes
    -----
    :ref:`sec-using-this-book` shows how the exercises are checked.

    Examples
    --------
    >>> "gram-schmidt" in exercises()
    True
    """
    return {name: ex.signature for name, ex in _REGISTRY.items()}


def _short(x) -> str:
    if isinstance(x, (float, np.floating)) or (
        isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind == "f"
    ):
        return f"{float(x):.10g}"
    if isinstance(x, np.ndarray) or (
        isinstance(x, (list, tuple))
        and len(x)
        and isinstance(x[0], np.ndarray)
    ):
        with np.printoptions(
            precision=4, suppress=True, threshold=30, linewidth=74
        ):
            text = (
                repr(x)
                if not isinstance(x, tuple)
                else "(" + ", ".join(repr(np.asarray(a)) for a in x) + ")"
            )
    else:
        text = repr(x)
    return text if len(text) < 400 else text[:400] + " ..."


def check(name: str, answer, *, rng=0) -> Report:
    r"""Check your answer to a self-checking exercise and explain what went wrong.

    Runs your function (or compares your value) against the package's reference on a
    family of inputs: random ones, edge cases, and ill-conditioned ones where the
    lesson is about them. It never raises on a wrong answer: it says which input failed,
    what was expected, what came back, and, when the answer looks like a usual mistake,
    a hint.

    Parameters
    ----------
    name : str
        The exercise's name, as the book gives it (see :func:`exercises`).
    answer : callable or value
        Your function for an exercise that asks for one, otherwise your value.
    rng : int or numpy.random.Generator, default 0
        Seed of the random inputs (the same seed gives the same inputs).

    Returns
    -------
    Report
        Prints as sentences; ``bool(report)`` (or ``report.passed``) is whether every
        check passed.

    Raises
    ------
    ValueError
        If ``name`` is not an exercise.
    TypeError
        If the exercise asks for a function and ``answer`` is not callable.

    Notes
    -----
    :ref:`sec-using-this-book` shows how the exercises are checked.

    Examples
    --------
    >>> import numpy as np
    >>> check("eigenvalues-2x2", [3.0, 1.0]).passed
    True
    >>> print(check("eigenvalues-2x2", [2.0, 2.0]))  # doctest: +NORMALIZE_WHITESPACE
    ✗ eigenvalues-2x2: 0 of 1 checks passed.
    On the matrix [[2, 1], [1, 2]]: expected [1. 3.] (in any order), got [2. 2.].
    Hint: those are the diagonal entries. The eigenvalues of a non-diagonal matrix
      are the roots of det(A - λI) = 0.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"name must be the exercise's name, a string; got {name!r}."
        )
    if name not in _REGISTRY:
        known = ", ".join(_REGISTRY)
        raise ValueError(
            f"name must be one of the exercises: {known}; got {name!r}."
        )
    ex = _REGISTRY[name]
    if ex.wants == "function" and not callable(answer):
        raise TypeError(
            f"{name} asks for a function {ex.signature}; got "
            f"{type(answer).__name__}. Pass the function itself, not its result."
        )
    generator = np.random.default_rng(rng)
    cases = ex.cases(generator)
    n_passed = 0
    for case in cases:
        if ex.wants == "function":
            try:
                # NaN and overflow in the reader's code show up in the comparison below,
                # explained, rather than as a warning (or, under -W error, an exception)
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)
                    got = answer(
                        *[
                            np.copy(a) if isinstance(a, np.ndarray) else a
                            for a in case.args
                        ]
                    )
            except (
                Exception
            ) as err:  # the reader's code failed: explain, don't raise
                return Report(
                    name,
                    False,
                    len(cases),
                    n_passed,
                    [
                        f"On {case.description}: your function raised "
                        f"{type(err).__name__}: {err}"
                    ],
                    hint=_hint(ex, None, case)
                    or "run it on this input yourself and read the traceback.",
                )
        else:
            got = answer
        ok, problem = _agrees(ex, got, case)
        if ok:
            n_passed += 1
            continue
        expected = _explain(ex, got, case)
        lines = [f"On {case.description}: {problem or expected}"]
        return Report(
            name, False, len(cases), n_passed, lines, _hint(ex, got, case)
        )
    return Report(name, True, len(cases), n_passed)


def _explain(ex: Exercise, got, case: Case) -> str:
    default = f"expected {_short(case.expected)}, got {_short(got)}."
    if ex.explain is None:
        return default
    try:
        return ex.explain(got, case)
    except (
        Exception
    ):  # an answer of an unexpected kind: say plainly what came back
        return default


def _agrees(ex: Exercise, got, case: Case) -> tuple[bool, str | None]:
    if got is None:
        return (
            False,
            "your answer is None. Did the function forget to `return`?",
        )
    try:
        return bool(ex.agrees(got, case)), None
    except Exception as err:  # never raise on a wrong answer: explain it
        return False, (
            f"your answer could not be compared with the expected one "
            f"({type(err).__name__}: {err}). Expected "
            f"{_short(case.expected)}, got {_short(got)}."
        )


def _hint(ex: Exercise, got, case: Case) -> str | None:
    if got is None:
        return None
    for mistake in ex.mistakes:
        try:
            if mistake.matches(got, case):
                return mistake.hint
        except Exception:  # a mistake's test may not fit this kind of answer
            continue
    return None
