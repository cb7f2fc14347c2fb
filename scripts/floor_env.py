"""Run the package's tests at the oldest numpy, scipy and matplotlib it declares.

Reads the lower bounds from code/pyproject.toml (`numpy>=1.26` → `numpy==1.26`), builds a
virtual environment with exactly those (a Colab-like floor), installs the package and the
test tools, and runs the unit tests and doctests there. The environment is kept in
_build/floor-env and rebuilt when the bounds change.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
ENV = ROOT / "_build" / "floor-env"
# Test-time tools that still support the floor versions above.
TOOLS = ["pytest==8.3.5", "hypothesis==6.131.0", "scikit-learn==1.5.2"]


def floor_pins() -> list[str]:
    project = tomllib.loads((ROOT / "code" / "pyproject.toml").read_text())["project"]
    pins = []
    for dep in project["dependencies"]:
        m = re.fullmatch(r"([\w-]+)>=([\w.]+)", dep.replace(" ", ""))
        if not m:
            raise SystemExit(f"floor: dependency {dep!r} has no plain lower bound")
        pins.append(f"{m.group(1)}=={m.group(2)}")
    return pins


def main() -> int:
    pins = floor_pins() + TOOLS
    stamp = ENV / ".pins"
    if not (stamp.exists() and stamp.read_text() == "\n".join(pins)):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(ENV)], check=True)
        subprocess.run([str(ENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                        "--only-binary=:all:", *pins], check=True)
        stamp.write_text("\n".join(pins))
    subprocess.run([str(ENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                    "--no-deps", "--force-reinstall", str(ROOT / "code")], check=True)
    print("floor: testing mathforml with " + ", ".join(floor_pins()))
    return subprocess.run(
        [str(ENV / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests", "--ignore=tests/book", "--doctest-modules", "--pyargs", "mathforml"],
        cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
