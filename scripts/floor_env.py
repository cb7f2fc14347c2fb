"""Run the package's tests at the oldest numpy, scipy and matplotlib it declares.

Reads the lower bounds from code/pyproject.toml (`numpy>=1.26` → `numpy==1.26`), builds a
virtual environment with exactly those (a Colab-like floor), installs the package and the
test tools, and runs the unit tests and doctests there. The environment is kept in
~/.cache/mathforml (outside _build, so `make test` reuses it), keyed by its pins.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Test-time tools that still support the floor versions above.
TOOLS = ["pytest==8.3.5", "pytest-xdist==3.6.1", "hypothesis==6.131.0",
         "scikit-learn==1.5.2"]


def dependencies() -> list[str]:
    """The package's runtime dependencies (tomllib is Python 3.11+; the book runs on 3.10)."""
    text = (ROOT / "code" / "pyproject.toml").read_text()
    try:
        import tomllib
    except ModuleNotFoundError:
        block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.S | re.M).group(1)
        return re.findall(r'"([^"]+)"', block)
    return tomllib.loads(text)["project"]["dependencies"]


def floor_pins() -> list[str]:
    pins = []
    for dep in dependencies():
        m = re.fullmatch(r"([\w-]+)>=([\w.]+)", dep.replace(" ", ""))
        if not m:
            raise SystemExit(f"floor: dependency {dep!r} has no plain lower bound")
        pins.append(f"{m.group(1)}=={m.group(2)}")
    return pins


def main() -> int:
    pins = floor_pins() + TOOLS
    sys.path.insert(0, str(ROOT / "scripts"))
    from run_colab import cache_dir

    env_dir = cache_dir("floor", pins)
    stamp = env_dir / ".pins"
    if not (stamp.exists() and stamp.read_text() == "\n".join(pins)):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(env_dir)], check=True)
        subprocess.run([str(env_dir / "bin" / "pip"), "install", "-q",
                        "--disable-pip-version-check",
                        "--only-binary=:all:", *pins], check=True)
        stamp.write_text("\n".join(pins))
    subprocess.run([str(env_dir / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                    "--no-deps", "--force-reinstall", str(ROOT / "code")], check=True)
    print("floor: testing mathforml with " + ", ".join(floor_pins()))
    return subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider",
         "tests", "--ignore=tests/book", "--doctest-modules", "--pyargs", "mathforml"],
        cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
