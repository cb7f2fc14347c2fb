"""Benchmarks: build times, page sizes and the package against NumPy. Printed, not asserted.

- execution time of every page (from the execution cache of a cold build);
- the cold HTML build against the sum of the page execution times (target: <= 1.3x,
  which needs both cores);
- a warm rebuild after a prose-only edit (target: <= 10 s);
- the PDF build, and an HTML rebuild right after it (target: <= 10 s);
- the site's own bytes per page, HTML plus the images it shows, theme assets aside
  (target: median <= 300 KB);
- the seconds per stage of the last `make test` here (target: <= 30 min in all);
- the package's benchmark scripts (scripts/bench_*.py), which print ratios against
  NumPy measured in the same run.

Builds run in a scratch copy of the sources (the edit for the warm rebuild is made there),
so neither the chapters nor the working build in _build are touched.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITED = Path("book") / "00-orientation" / "what-ml-asks.md"
SKIP = {".git", ".venv", "_build", ".pytest_cache", ".hypothesis", ".ruff_cache"}


def scratch_copy(out: Path) -> Path:
    """A copy of the sources to build in; the package still comes from .venv."""
    src = out / "src"
    shutil.copytree(ROOT, src, ignore=lambda d, names: [n for n in names if n in SKIP])
    (src / ".venv").symlink_to(ROOT / ".venv")
    return src


def make(target: str, src: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["make", "--no-print-directory", target], cwd=src, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_times(src: Path) -> dict[str, float]:
    """Seconds per page, from the execution cache of the build in the copy ``src``."""
    from jupyter_cache import get_cache

    cache = get_cache(str(src / "_build" / ".jupyter_cache"))
    return {str(Path(r.uri).relative_to(src)): r.data.get("execution_seconds") or 0.0
            for r in cache.list_cache_records()}


def page_bytes(html: Path) -> dict[str, int]:
    sizes = {}
    for page in sorted((html / "book").rglob("*.html")):
        text = page.read_text("utf-8")
        total = len(text.encode())
        for src in set(re.findall(r'<img[^>]+src="([^"]+)"', text)):
            image = (page.parent / src.split("?")[0]).resolve()
            if "_static" not in image.parts and image.exists():
                total += image.stat().st_size
        sizes[str(page.relative_to(html))] = total
    return sizes


def main() -> int:
    out = Path(tempfile.mkdtemp(prefix="mfml-bench-"))
    src = scratch_copy(out)
    build = src / "_build"
    try:
        cold = make("html", src)
        times = page_times(src)
        print("Page execution times (cold build)")
        for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
            flag = "  over the 10 s target" if seconds > 10 else ""
            print(f"  {seconds:6.2f} s  {name}{flag}")
        summed = sum(times.values())
        print(f"Cold HTML build: {cold:.1f} s; summed page execution: {summed:.1f} s; "
              f"ratio {cold / max(summed, 1e-9):.2f} (target <= 1.3)")

        page = src / EDITED
        text = page.read_text("utf-8")
        page.write_text(text.replace("whole of machine learning in",
                                     "whole of machine learning, in", 1), "utf-8")
        warm = make("html", src)
        print(f"Warm rebuild after a prose-only edit: {warm:.1f} s (target <= 10 s)")

        if shutil.which("xelatex"):
            print(f"PDF build: {make('pdf', src):.1f} s")
            after = make("html", src)
            print(f"HTML rebuild right after the PDF: {after:.1f} s (target <= 10 s)")
        else:
            print("PDF build: not measured (XeLaTeX missing: sudo bash .ci/system-packages.sh)")

        sizes = page_bytes(build / "html")
        median = statistics.median(sizes.values())
        print(f"Own bytes per page: median {median / 1e3:.0f} KB, largest "
              f"{max(sizes.values()) / 1e3:.0f} KB ({max(sizes, key=sizes.get)}) "
              "(target: median <= 300 KB)")
    finally:
        shutil.rmtree(out, ignore_errors=True)

    times = ROOT / "_build" / "test-times.txt"
    if times.exists():
        stamp, *lines = times.read_text("utf-8").splitlines()
        print(f"\nmake test on this machine ({stamp}), seconds per stage (target: total "
              "<= 30 min = 1800 s):")
        print("\n".join(lines))
    else:
        print("\nmake test stage times: none yet (run make test; it writes "
              "_build/test-times.txt)")

    for script in sorted((ROOT / "scripts").glob("bench_*.py")):
        print(f"\n{script.name}")
        subprocess.run([sys.executable, str(script)], check=True, env=os.environ | {
            "MATHFORML_BOOK": ""})
    return 0


if __name__ == "__main__":
    sys.exit(main())
