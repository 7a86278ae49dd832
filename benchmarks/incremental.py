"""Incremental builds: the time of a rebuild after adding one report, against a clean build.

    .venv/bin/python benchmarks/incremental.py [--mb 2] [--jobs 1]

Makes a corpus of ``--mb`` MB the way ``bench.py`` does, then runs ``kg build`` in new
processes: a clean build that fills the cache (``OUTDIR/.kg-cache``), the same build again (every
document from the cache), a build after adding one more report (one document read), and a clean
build of the enlarged corpus with ``--no-cache``; prints the seconds of each and whether the
incremental output is byte-identical to the clean one. The builds use a copy of the package
taken when the script starts (an edit of the source would change every cache key). The machine may be shared: the figures
are wall-clock times and vary from run to run.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kg
from bench import MB, make_corpus


def kg_build(corpus: Path, output: Path, jobs: int, code: Path, *options: str) -> float:
    """Seconds of one ``kg build`` in a new process, with the copy of kg in ``code``."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(output),
                    "--jobs", str(jobs), "--quiet", *options], check=True,
                   env={**os.environ, "PYTHONPATH": str(code)})
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    parser.add_argument("--jobs", type=int, default=1, help="processes of each build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-incremental-") as scratch:
        root = Path(scratch)
        # a copy of the package taken now: an edit of the source during the run would change
        # the code hash, and so every cache key
        shutil.copytree(Path(kg.__file__).parent, root / "code" / "kg")
        code = root / "code"
        corpus = root / "corpus"
        corpus.mkdir()
        extra = root / "extra"
        extra.mkdir()
        files = make_corpus(corpus, args.mb)
        (added,) = make_corpus(extra, 0.001, seed=1)
        size = sum(p.stat().st_size for p in files) / MB
        print(f"corpus: {len(files)} files, {size:.1f} MB; --jobs {args.jobs}")
        first = kg_build(corpus, root / "out", args.jobs, code)
        print(f"  clean build, filling the cache:  {first:7.2f} s")
        again = kg_build(corpus, root / "out", args.jobs, code)
        print(f"  same corpus again, all cached:   {again:7.2f} s  ({again / first:.1%})")
        added.rename(corpus / "added.txt")
        more = kg_build(corpus, root / "out", args.jobs, code)
        print(f"  one report added ({(corpus / 'added.txt').stat().st_size / 1000:.0f} kB):"
              f"     {more:7.2f} s  ({more / first:.1%} of the clean build)")
        clean = kg_build(corpus, root / "clean", args.jobs, code, "--no-cache")
        print(f"  clean build of the new corpus:   {clean:7.2f} s")
        same = all((root / "out" / name).read_bytes() == (root / "clean" / name).read_bytes()
                   for name in ("kg.ttl", "kg.html"))
        print(f"  incremental output identical to the clean build: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
