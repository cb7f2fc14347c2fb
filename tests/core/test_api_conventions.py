"""The package's conventions (code/README.md), checked over every public function."""

import importlib
import inspect

import pytest

SUBPACKAGES = [
    "linalg",
    "calculus",
    "autodiff",
    "probability",
    "datasets",
    "plotting",
    "practice",
    "stats",
    "information",
    "optim",
    "models",
    "base",
    "pipeline",
    "preprocessing",
    "model_selection",
    "metrics",
    "inspection",
]
# NumPy's spelling, kept on purpose; and sample counts, which are data (as in sklearn)
POSITIONAL_OPTIONS_ALLOWED = {
    ("linalg", "norm", "ord"),
    ("autodiff", "clip", "low"),
    ("autodiff", "clip", "high"),
    ("datasets", "make_line_data", "n_samples"),
    ("optim", "conjugate_gradient", "x0"),     # a starting point, as in scipy's cg
}


def public_functions():
    for sub in SUBPACKAGES:
        module = importlib.import_module(f"mathforml.{sub}")
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield sub, name, obj


@pytest.mark.parametrize(
    ("sub", "name", "function"),
    list(public_functions()),
    ids=[f"{s}.{n}" for s, n, _ in public_functions()],
)
def test_options_are_keyword_only(sub, name, function):
    positional_options = [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.kind is p.POSITIONAL_OR_KEYWORD
        and p.default is not p.empty
        and (sub, name, p.name) not in POSITIONAL_OPTIONS_ALLOWED
    ]
    assert positional_options == [], (
        f"{sub}.{name}: make {positional_options} keyword-only (after a `*`)"
    )


def test_every_subpackage_lists_its_public_names():
    for sub in SUBPACKAGES:
        module = importlib.import_module(f"mathforml.{sub}")
        assert sorted(module.__all__) == sorted(set(module.__all__))
        for name in module.__all__:
            assert hasattr(module, name), (
                f"{sub}.__all__ names a missing {name}"
            )
