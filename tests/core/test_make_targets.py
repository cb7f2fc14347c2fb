"""Every Makefile target builds what it needs, from a fresh checkout.

A clean clone (no .venv, no _build) is asked what each target would do (`make -n`): the
targets that need the HTML build it first, every target installs the environment first,
and the cheap ones (`make help`) run for real.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs git and a git checkout",
)


@pytest.fixture(scope="module")
def clean_clone(tmp_path_factory):
    dest = tmp_path_factory.mktemp("clone") / "book"
    subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(dest)],
        check=True,
    )
    return dest


def dry_run(clone: Path, target: str) -> str:
    result = subprocess.run(
        ["make", "-n", target],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize(
    "target", ["html", "pdf", "notebooks", "serve", "bench", "test"]
)
def test_a_target_installs_the_environment_first(clean_clone, target):
    plan = dry_run(clean_clone, target)
    assert "python3 -m venv .venv" in plan  # before anything runs .venv/bin
    assert plan.index("python3 -m venv .venv") < plan.index(".venv/bin/")


@pytest.mark.parametrize("target", ["notebooks", "serve"])
def test_targets_that_need_the_html_build_it(clean_clone, target):
    plan = dry_run(clean_clone, target)
    assert "--builder html" in plan or "make --no-print-directory html" in plan


def test_notebooks_are_generated_after_the_html(clean_clone):
    plan = dry_run(clean_clone, "notebooks")
    assert plan.index("--builder html") < plan.index(
        "colab.py --out ./_build/colab"
    )


def test_help_runs_on_a_clean_tree(clean_clone):
    out = subprocess.run(
        ["make", "help"],
        cwd=clean_clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for target in ("serve", "test", "html", "pdf", "notebooks", "bench"):
        assert f"make {target}" in out
