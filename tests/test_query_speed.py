"""Every shipped query (queries/ and the README's primer) answers in at most 2 s of CPU on the
graph of a generated 20 MB corpus (benchmarks/bench.py's generator: the seeds' sentences
shuffled, names replaced). Slow: it builds that corpus first (minutes), so it runs in CI
(CI=true) or when KG_SPEED_MB gives the size, and is skipped in other local runs."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import query

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import make_corpus  # noqa: E402
from query_bench import example_queries  # noqa: E402

LIMIT_SECONDS = 2.0


@pytest.fixture(scope="module")
def large_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("speed")
    corpus = folder / "corpus"
    corpus.mkdir()
    make_corpus(corpus, float(os.environ.get("KG_SPEED_MB", "20")))
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(folder / "out"),
                    "--quiet", "--jobs", "2"], check=True)
    return query.open_store(folder / "out" / "kg.ttl")


@pytest.mark.slow
@pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("KG_SPEED_MB")),
                    reason="builds a 20 MB corpus: runs in CI, or with KG_SPEED_MB=20")
@pytest.mark.parametrize("name", sorted(example_queries()))
def test_each_shipped_query_answers_within_two_seconds_of_cpu(large_store, name):
    """CPU time, not wall-clock time: the machine running the tests may be shared."""
    started = time.process_time()
    query.run(large_store, example_queries()[name], name)
    spent = time.process_time() - started
    assert spent <= LIMIT_SECONDS, f"{name}: {spent:.2f} s of CPU"
