"""Query speed: every example query of queries/ and of the README's primer on a large graph.

    .venv/bin/python benchmarks/query_bench.py                  # a 20 MB corpus, built here
    .venv/bin/python benchmarks/query_bench.py --graph kg.ttl   # a graph you already have

Prints the graph's size, its load time into an in-memory pyoxigraph store, and for each query
the rows it gives and its time (wall clock and CPU: the machine is shared, CPU time is the
steadier figure); then the round trip of one query through ``kg serve`` with SPARQLWrapper.
The corpus is ``bench.make_corpus``'s (the seeds' sentences shuffled, names replaced).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kg import query  # noqa: E402


def example_queries() -> dict[str, str]:
    """Name -> text of every shipped query: ``queries/*.rq`` and the README's primer."""
    queries = {path.name: path.read_text(encoding="utf-8")
               for path in sorted((ROOT / "queries").glob("*.rq"))}
    primer = re.findall(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                        re.S)
    queries.update({f"README primer {n}": text for n, text in enumerate(primer, 1)})
    return queries


def time_query(store, text: str, name: str) -> tuple[int, float, float]:
    """Rows, wall seconds and CPU seconds of one query, every row read."""
    wall, cpu = time.perf_counter(), time.process_time()
    rows = len(query.run(store, text, name).rows)
    return rows, time.perf_counter() - wall, time.process_time() - cpu


def build_graph(folder: Path, megabytes: float, jobs: int) -> Path:
    from bench import make_corpus

    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    files = make_corpus(corpus, megabytes)
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(folder / "out"),
                    "--quiet", "--jobs", str(jobs)], check=True)
    print(f"kg build --jobs {jobs}: {time.perf_counter() - started:.1f} s")
    return folder / "out" / "kg.ttl"


def endpoint_round_trip(graph: Path, folder: Path, repeats: int = 20) -> None:
    """Load the graph into a store, serve it, and time one SELECT through SPARQLWrapper."""
    try:
        from SPARQLWrapper import JSON, SPARQLWrapper
    except ImportError:
        print("endpoint: SPARQLWrapper not installed (pip install -e '.[test]'), skipped")
        return
    if subprocess.run([sys.executable, "-m", "kg", "load", "--help"],
                      capture_output=True).returncode != 0:
        print("endpoint: this kg has no `kg load`, skipped")
        return
    store = folder / "store"
    subprocess.run([sys.executable, "-m", "kg", "load", str(graph), "--store", str(store)],
                   check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store),
                               "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().split()[-1]
        client = SPARQLWrapper(url)
        client.setReturnFormat(JSON)
        client.setQuery("SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } LIMIT 10")
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            client.query().convert()
            times.append(time.perf_counter() - started)
        times.sort()
        print(f"endpoint round trip (SPARQLWrapper, 10 rows): median "
              f"{times[len(times) // 2] * 1000:.0f} ms, best {times[0] * 1000:.0f} ms "
              f"over {repeats}")
    finally:
        server.terminate()
        server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="an existing graph file (skips the build)")
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="processes of kg build")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-query-bench-") as scratch:
        folder = args.keep or Path(scratch)
        graph = args.graph or build_graph(folder, args.mb, args.jobs)
        started = time.perf_counter()
        store = query.open_store(graph)
        print(f"graph: {graph.stat().st_size / 1e6:.1f} MB of Turtle, {len(store):,} triples, "
              f"loaded in {time.perf_counter() - started:.1f} s")
        print(f"\n{'query':<34} {'rows':>8} {'wall s':>7} {'CPU s':>6}")
        for name, text in example_queries().items():
            rows, wall, cpu = time_query(store, text, name)
            print(f"{name:<34} {rows:>8,} {wall:>7.2f} {cpu:>6.2f}")
        print()
        endpoint_round_trip(graph, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
