"""Run every generated Colab notebook top to bottom in a fresh, Colab-like environment.

The environment is a new virtual environment with only what Colab has and the book
needs: numpy, scipy, matplotlib, scikit-learn and ipykernel, at the versions pinned in
requirements.txt, or with ``--floor`` at the oldest versions the book declares (the
package's lower bounds and FLOOR_EXTRA). Environments are kept in ~/.cache/mathforml,
keyed by their pins, so a second run reuses them (CI starts without them).
No myst-nb and no mathforml: the first cell of each notebook installs
mathforml the way a reader's does (here from this checkout instead of GitHub). The
first notebook runs it into the environment without mathforml; every other notebook must
start with the same cell and runs from its second cell on. Each notebook runs in an
empty temporary folder, as in Colab, with its own kernel.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("numpy", "scipy", "matplotlib", "scikit-learn", "ipykernel")
# What only the pages need, at the oldest version the book supports (README, "using this
# book"): scikit-learn for its data sets, and a Jupyter kernel of the IPython 8 era.
FLOOR_EXTRA = ["scikit-learn==1.3.2", "ipykernel==6.29.5", "ipython==8.18.1"]


def pins() -> list[str]:
    wanted, found = {p.lower() for p in PACKAGES}, []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        name = re.split(r"[=<>\[ ]", line, maxsplit=1)[0].lower()
        if name in wanted:
            found.append(line.strip())
    return found


def floor_pins() -> list[str]:
    """The oldest versions the book declares: the package's floors (code/pyproject.toml)
    and the book's own for what only the pages use (FLOOR_EXTRA)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from floor_env import floor_pins as package_floor

    return package_floor() + FLOOR_EXTRA


def cache_dir(name: str, pinned: list[str]) -> Path:
    """An environment kept between runs outside _build, keyed by what it pins."""
    digest = hashlib.sha256("\n".join(pinned).encode()).hexdigest()[:12]
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mathforml"
    return base / f"{name}-{sys.version_info.major}.{sys.version_info.minor}-{digest}"


def make_env(env: Path, pinned: list[str]) -> Path:
    """Create the environment (once per pin set) and its kernelspec."""
    stamp = env / ".pins"
    want = "\n".join(pinned)
    if not (stamp.exists() and stamp.read_text() == want):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(env)], check=True)
        subprocess.run([str(env / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                        "--only-binary=:all:", *pinned], check=True)
        stamp.write_text(want)
    spec = env / "share" / "jupyter" / "kernels" / "colab-like"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(env / "bin" / "python"), "-m", "ipykernel_launcher", "-f",
                 "{connection_file}"],
        "display_name": "Colab-like", "language": "python"}))
    return env / "share" / "jupyter"


def run(path: Path, install: bool = True) -> tuple[Path, float, str | None]:
    """Execute one notebook in a fresh kernel and folder. Without `install`, its first cell
    (the install cell, checked to be the first notebook's) is left out."""
    nb = nbformat.read(path, as_version=4)
    if not install:
        nb.cells = nb.cells[1:]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cwd:
        client = NotebookClient(nb, timeout=300, kernel_name="colab-like",
                                resources={"metadata": {"path": cwd}})
        try:
            client.execute()
        except Exception as err:  # report every failing notebook, then fail
            return path, time.perf_counter() - start, f"{type(err).__name__}: {err}"[:3000]
    return path, time.perf_counter() - start, None


def first_cell(path: Path) -> str:
    cells = nbformat.read(path, as_version=4).cells
    return cells[0].source if cells and cells[0].cell_type == "code" else ""


def main(argv: list[str]) -> int:
    floor = "--floor" in argv
    argv = [a for a in argv if a != "--floor"]
    folder = Path(argv[0]) if argv else ROOT / "_build" / "colab"
    notebooks = sorted(folder.rglob("*.ipynb"))
    if not notebooks:
        print(f"run_colab: no notebooks in {folder}: run `make notebooks` first")
        return 1
    install = first_cell(notebooks[0])
    odd = [p for p in notebooks if "%pip install" not in install or first_cell(p) != install]
    if odd:
        print(f"run_colab: every notebook must start with the same install cell (a %pip "
              f"install of mathforml); these do not, against {notebooks[0].name}'s:\n"
              + "\n".join(str(p.relative_to(folder)) for p in odd))
        return 1
    pinned = floor_pins() if floor else pins()
    env = Path(os.environ.get("MFML_COLAB_ENV") or cache_dir(
        "colab-floor" if floor else "colab", pinned))
    print(f"run_colab: {'floor' if floor else 'newest'} versions: {', '.join(pinned)}")
    jupyter_path = make_env(env, pinned)
    os.environ["JUPYTER_PATH"] = str(jupyter_path)
    os.environ.pop("MATHFORML_BOOK", None)  # the notebooks run as a reader's would
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    # Two notebooks run at once on two cores: one BLAS/OpenMP thread each, or their threads
    # fight (small matrix products of a Gaussian mixture slowed down several times). The
    # build (scripts/preexecute.py) runs its pages the same way.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    # Start as a fresh Colab runtime does: without mathforml, so the first notebook's install
    # cell really installs it. That notebook runs alone. Every other notebook starts with the
    # same install cell (checked above); run again it would only find that version installed,
    # after ~3 s of pip cloning and resolving, so the others run without it.
    subprocess.run([str(env / "bin" / "pip"), "uninstall", "-q", "-y", "mathforml"],
                   check=False, capture_output=True)
    failures = 0
    first = [run(notebooks[0])]
    with ThreadPoolExecutor(max_workers=2) as pool:
        rest = pool.map(lambda path: run(path, install=False), notebooks[1:])
        for path, seconds, error in first + list(rest):
            status = "ok" if error is None else "FAILED"
            print(f"colab {status:6s} {seconds:6.1f} s  {path.relative_to(folder)}")
            if error:
                failures += 1
                print(error)
    print(f"run_colab: {len(notebooks) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
