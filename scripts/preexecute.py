"""Execute every notebook page into the build's jupyter-cache, on all cores.

`jupyter-book build` executes pages one after another. This script fills the same cache
first with jupyter-cache's parallel executor; the build then finds every page cached and
only renders. A page that fails here is left out of the cache, so the build executes it
again and fails with the full traceback.

It also clears the cache when the package `mathforml` changed since the cache was
filled: the cache keys on a page's code cells only, so a changed function would otherwise
leave an old number on the page, and Sphinx, which sees an unchanged source, would keep
the old page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = Path(os.environ.get("MFML_BUILD", ROOT / "_build")).resolve()
CACHE = BUILD / ".jupyter_cache"
STAMP = BUILD / ".package-hash"
# Written after a run in which no page failed, with the run's start as its mtime, and each
# page's code fingerprint: a page older than it is in the cache, and so is one edited since
# whose code cells are unchanged (a prose edit), so the next run executes only pages whose
# code changed.
DONE = BUILD / ".preexecute-done"


def package_hash() -> str:
    h = hashlib.sha256()
    for path in sorted((ROOT / "code" / "src").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv"}:
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def executable_pages() -> list[Path]:
    return sorted(p for p in (ROOT / "book").rglob("*.md")
                  if "_build" not in p.parts and p.read_text("utf-8").startswith("---\njupytext"))


def code_fingerprint(page: Path) -> str:
    """A hash of the page's code cells, fences and options included: what the execution
    cache keys on. A prose-only edit leaves it unchanged."""
    h = hashlib.sha256()
    text = page.read_text("utf-8")
    front, _, body = text.partition("\n---\n")  # the jupytext header: kernel, format
    h.update(front.encode())
    fence = None
    for line in body.splitlines():
        if fence is None:
            if line.lstrip("`").startswith("{code-cell}") and line.startswith("```"):
                fence = line[: len(line) - len(line.lstrip("`"))]
                h.update(line.encode() + b"\n")
        else:
            h.update(line.encode() + b"\n")
            if line.strip() == fence:
                fence = None
    return h.hexdigest()


def main() -> int:
    digest = package_hash()
    if CACHE.exists() and (not STAMP.exists() or STAMP.read_text() != digest):
        print("preexecute: mathforml changed since the last build; clearing the execution "
              "cache and Sphinx's saved pages, so every page is executed and rendered anew")
        shutil.rmtree(CACHE)
        for doctrees in BUILD.glob(".doctrees*"):  # one per builder (scripts/jb.py)
            shutil.rmtree(doctrees, ignore_errors=True)
    STAMP.parent.mkdir(parents=True, exist_ok=True)
    STAMP.write_text(digest)
    started = time.time()
    pages = executable_pages()
    stale = pages
    known = {}
    if CACHE.exists() and DONE.exists():
        try:
            known = json.loads(DONE.read_text())
        except ValueError:
            known = {}
    if sorted(known) == sorted(map(str, pages)):
        done = DONE.stat().st_mtime
        edited = [page for page in pages if page.stat().st_mtime >= done]
        stale = [page for page in edited if code_fingerprint(page) != known[str(page)]]
        if not stale:
            os.utime(DONE, (started, started))
            if not edited:
                print(f"preexecute: no page edited since the last run; {len(pages)} cached")
                return 0
            print(f"preexecute: {len(edited)} page(s) edited since the last run, no code "
                  f"cell in them; {len(pages)} cached")
            return 0
    DONE.unlink(missing_ok=True)

    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    os.environ["MATHFORML_BOOK"] = "1"
    # Pages run two at a time, one per core: one BLAS thread each, or the threads fight.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    cache = get_cache(str(CACHE))
    for page in stale:
        cache.add_nb_to_project(str(page), read_data={"name": "jupytext", "type": "plugin"})
    logger = logging.getLogger("preexecute")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    executor = load_executor("local-parallel", cache, logger=logger)
    result = executor.run_and_cache(filter_uris=[str(page) for page in stale], timeout=120)
    seconds = {r.uri: r.data.get("execution_seconds") for r in cache.list_cache_records()}
    for uri in sorted(result.succeeded):
        print(f"executed {seconds.get(uri) or 0:6.2f} s  {Path(uri).relative_to(ROOT)}")
    for uri in sorted(result.errored):
        print(f"FAILED            {Path(uri).relative_to(ROOT)} (the build shows why)")
    if not result.errored:
        DONE.write_text(json.dumps({str(page): code_fingerprint(page) for page in pages},
                                   indent=0))
        os.utime(DONE, (started, started))
    cached = len(pages) - len(result.succeeded) - len(result.errored)
    print(f"preexecute: {len(result.succeeded)} executed on both cores, "
          f"{len(result.errored)} failed, {cached} unchanged and cached")
    return 0


if __name__ == "__main__":
    sys.exit(main())
