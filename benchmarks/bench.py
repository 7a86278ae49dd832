"""Throughput, memory and scaling of kg on a generated corpus, against plain jieba.lcut.

    .venv/bin/python benchmarks/bench.py [--mb 20] [--jobs 2] [--jieba-mb 2] [--profile FILE]
    .venv/bin/python benchmarks/bench.py --single-file --mb 20

The corpus is made from the seed texts: their sentences, shuffled across documents, with every
place and person name the extractor finds in them replaced by another place of the same level
(from ``rules/places.tsv``) or a new name (a surname from ``rules/surnames.tsv`` and a given
name seen in the seeds), so the graph grows with the corpus instead of repeating itself. One
document in ten is written in GB18030 and one in ten in traditional script, as scraped
collections are. The corpus is written as many files to a temporary folder (``--keep DIR``
keeps it).

Printed figures (MB are megabytes of input files, 10^6 bytes):

* one core, stage by stage: decode+normalise, extract, resolve, relate, merge into the graph,
  Turtle, viewer page, each in MB/s of input; the stage functions are called in the order
  ``pipeline.process_document`` calls them (checked against it on the first file);
* text to graph with ``--jobs N`` (``pipeline.build`` in this process), against one core;
* the graph's entities and facts;
* end to end: ``kg build`` in a fresh process, text to ``kg.ttl`` and ``kg.html``, with
  ``--jobs 1`` and ``--jobs N``: MB/s, peak resident memory of the process and its workers,
  triples written, and whether the Turtle is the same;
* the time of half the corpus against the whole (linear work gives 2.0);
* start-up: ``kg build`` of one small file (a seed text) in a new process, best of three
  after one run that writes the bytecode (``--startup-only``: this figure alone, best of five);
* ``jieba.lcut`` (plain segmentation, HMM on, kg's dictionary state loaded before the clock
  starts) over the normalised text of the whole corpus, and the ratio of kg's end-to-end
  throughput to it (the yardstick); ``jieba.posseg`` on the first ``--jieba-mb`` MB of the same
  text (extrapolated to the whole corpus) for reference only: its HMM's speed depends on the text.

With ``--single-file`` only one figure is made: ``kg build`` of the corpus joined into one
document against its first half (one document's work must grow linearly with its size).

With ``--profile FILE`` the one-core stage pass runs under cProfile, the statistics are saved to
FILE and the 25 functions with the most time of their own are printed.

The machine may be shared: the figures are wall-clock times and vary from run to run.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import jieba
import jieba.posseg
import opencc
import psutil
import pyoxigraph

import kg
from kg import docmeta, extract, pipeline, rdf, relate, resolve, segmenter, viz
from kg.model import DocumentInfo
from kg.entities import document_entities
from kg.normalize import original_forms, read_document
from kg.places import place_index
from kg.rules import load_rules, table, using

MB = 1e6
#: Place levels that are replaced by another place of the same level.
REPLACED_LEVELS = ("province", "prefecture", "county")


# ------------------------------------------------------------------ corpus
class SentenceTemplate:
    """A seed sentence cut at its place and person names: literal text and typed slots."""

    def __init__(self, text: str, start: int, end: int, slots: list[tuple[int, int, str]]):
        self.pieces: list[str] = []
        self.slots: list[str] = []
        pos = start
        for slot_start, slot_end, kind in slots:
            self.pieces.append(text[pos:slot_start])
            self.slots.append(kind)
            pos = slot_end
        self.pieces.append(text[pos:end])

    def fill(self, names: NamePools, rng: random.Random) -> str:
        out = [self.pieces[0]]
        for kind, piece in zip(self.slots, self.pieces[1:]):
            out.append(names.draw(kind, rng))
            out.append(piece)
        return "".join(out)


class NamePools:
    """Where replacement names come from: places by level, surnames, seen given names."""

    def __init__(self, given_names: set[str]):
        index = place_index()
        self.places = {level: sorted(name for name in index.by_name
                                     if index.level(name) == level)
                       for level in REPLACED_LEVELS}
        self.surnames = sorted(row[0] for row in table("surnames.tsv"))
        self.given = sorted(given_names) or ["明"]

    def draw(self, kind: str, rng: random.Random) -> str:
        if kind == "Person":
            return rng.choice(self.surnames) + rng.choice(self.given)
        return rng.choice(self.places[kind])


def seed_templates() -> tuple[list[SentenceTemplate], NamePools]:
    """Templates of every seed sentence, and the name pools to fill them."""
    index = place_index()
    surnames = {row[0] for row in table("surnames.tsv")}
    templates, given = [], set()
    for path in pipeline.default_corpus():
        document = read_document(path)
        slots = []
        for mention in extract.extract_mentions(document):
            if mention.type == "Person" and mention.surface[:1] in surnames:
                slots.append((mention.start, mention.end, "Person"))
                given.add(mention.surface[1:])
            elif mention.type == "Place" and index.level(mention.key) in REPLACED_LEVELS:
                slots.append((mention.start, mention.end, index.level(mention.key)))
        slots = _without_overlaps(slots)
        for start, end in document.sentences:
            inside = [s for s in slots if start <= s[0] and s[1] <= end]
            templates.append(SentenceTemplate(document.text, start, end, inside))
    return templates, NamePools({g for g in given if g})


def _without_overlaps(slots: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept, reach = [], -1
    for slot in sorted(slots):
        if slot[0] >= reach:
            kept.append(slot)
            reach = slot[1]
    return kept


def make_corpus(folder: Path, megabytes: float, seed: int = 0) -> list[Path]:
    """Write about ``megabytes`` MB of varied documents of 10-60 kB to ``folder``."""
    rng = random.Random(seed)
    templates, names = seed_templates()
    traditional = opencc.OpenCC("s2t")
    files, total, number = [], 0, 0
    while total < megabytes * MB:
        target, paragraphs, size = rng.randrange(10_000, 60_000), [], 0
        while size < target:
            paragraph = "".join(rng.choice(templates).fill(names, rng)
                                for _ in range(rng.randrange(2, 7)))
            paragraphs.append(paragraph)
            size += 3 * len(paragraph)
        text = "\n\n".join(paragraphs) + "\n"
        if number % 10 == 5:
            text = traditional.convert(text)
        data = text.encode("gb18030" if number % 10 == 0 else "utf-8")
        path = folder / f"doc{number:05d}.txt"
        path.write_bytes(data)
        files.append(path)
        total += len(data)
        number += 1
    return files


# ------------------------------------------------------------------ one core, stage by stage
def stage_pass(files: list[Path], output: Path) -> tuple[dict[str, tuple[float, float]], object]:
    """Wall-clock and CPU seconds spent in each stage over ``files`` (one process), and the
    graph built."""
    seconds: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    results = []

    def clock() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def add(stage: str, start: tuple[float, float], end: tuple[float, float]) -> None:
        seconds[stage][0] += end[0] - start[0]
        seconds[stage][1] += end[1] - start[1]

    for path in files:
        t0 = clock()
        document = read_document(path)
        t1 = clock()
        document, mentions = extract.extract_document(document)
        t2 = clock()
        document, mentions = resolve.resolve_document(document, mentions)
        originals = original_forms(document, ((m.start, m.end) for m in mentions))
        entities = pipeline.with_iris(document_entities(document, mentions, originals))
        t3 = clock()
        facts = relate.relate(document, mentions, {(e.type, e.name): e.iri for e in entities})
        t4 = clock()
        info = DocumentInfo(document.id, path.name, document.sha256, document.region,
                            *docmeta.title_and_date(document.text))
        results.append(pipeline.DocumentResult(info, entities, facts))
        for stage, start, end in (("decode+normalise", t0, t1), ("extract", t1, t2),
                                  ("resolve", t2, t3), ("relate", t3, t4)):
            add(stage, start, end)
    if results[0] != pipeline.process_document(files[0]):
        raise SystemExit("bench.py: the stage pass no longer matches "
                         "pipeline.process_document; update stage_pass")
    t0 = clock()
    graph = pipeline.merge(results)
    t1 = clock()
    rdf.write_turtle(graph, output / "kg.ttl")
    t2 = clock()
    viz.write_html(graph, output / "kg.html")
    t3 = clock()
    add("merge into graph", t0, t1)
    add("Turtle (write)", t1, t2)
    add("viewer page (write)", t2, t3)
    return {stage: (wall, cpu) for stage, (wall, cpu) in seconds.items()}, graph


# ------------------------------------------------------------------ end to end
class PeakMemory:
    """Sample the resident memory of a process and its children until it ends."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.process, self.interval, self.peak = psutil.Process(pid), interval, 0
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while True:
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                return
            time.sleep(self.interval)


def end_to_end(corpus: Path, output: Path, jobs: int, code: Path, *options: str) -> dict:
    """Run ``kg build`` in a new process, with the copy of kg in ``code``: seconds, peak
    memory, and what it wrote."""
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(output),
               "--jobs", str(jobs), "--quiet", *options]
    started, cpu = time.perf_counter(), children_cpu()
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(code)})
    memory = PeakMemory(process.pid)
    status = process.wait()
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    memory.thread.join()
    if status not in (0, 1):
        raise SystemExit(f"bench.py: {' '.join(command)} failed with status {status}")
    written = sorted(p.name for p in output.iterdir() if not p.name.startswith("."))
    return {"seconds": seconds, "cpu": cpu, "peak_rss": memory.peak, "written": written,
            "triples": count_triples(output / "kg.ttl")}


def children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_triples(path: Path) -> int:
    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))


# ------------------------------------------------------------------ reference
def corpus_texts(files: list[Path], megabytes: float | None = None) -> tuple[list[str], float]:
    """The normalised texts of the corpus's first ``megabytes`` MB (all by default), and the MB
    of files they came from."""
    texts, size = [], 0
    for path in files:
        if megabytes is not None and size >= megabytes * MB:
            break
        texts.append(read_document(path).text)
        size += path.stat().st_size
    return texts, size / MB


def jieba_seconds(texts: list[str], cut) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``cut(text)`` over the texts, jieba's dictionary loaded
    before the clock."""
    segmenter.tokenizer()  # kg's own dictionary state, the one kg's runs use
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        for _ in cut(text):
            pass
    return time.perf_counter() - started, time.process_time() - cpu


def startup(code: Path, root: Path, count: int = 3) -> list[tuple[float, float]]:
    """Wall-clock and CPU seconds of ``count`` runs of ``kg build`` of one small seed text in a
    new process, as an installed kg starts: after one run that is not counted (it writes the
    modules' bytecode, which ``PYTHONDONTWRITEBYTECODE`` would otherwise forbid, and, once per
    machine, kg's cache of jieba's dictionary)."""
    small = sorted(pipeline.default_corpus())[0]
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(code)
    runs = []
    for number in range(count + 1):
        started, cpu = time.perf_counter(), children_cpu()
        subprocess.run([sys.executable, "-m", "kg", "build", str(small), "-o",
                        str(root / "out-startup"), "--quiet", "--no-cache"], env=env, check=True)
        runs.append((time.perf_counter() - started, children_cpu() - cpu))
    return runs[1:]


def print_startup(code: Path, root: Path, count: int = 3) -> None:
    runs_of_one = startup(code, root, count)
    print(f"\nstart-up, `kg build` of one small file: best {min(runs_of_one)[0]:.2f} s, "
          f"CPU {min(cpu for _, cpu in runs_of_one):.2f} s (runs, wall/CPU: "
          f"{', '.join(f'{wall:.2f}/{cpu:.2f}' for wall, cpu in runs_of_one)})")


# ------------------------------------------------------------------ report
def rate(megabytes: float, seconds: float) -> str:
    return f"{megabytes / seconds:6.2f} MB/s" if seconds > 0 else "     n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel run")
    parser.add_argument("--jieba-mb", type=float, default=2.0,
                        help="MB of the corpus given to jieba.posseg, the reference "
                        "(default 2)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the corpus")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the corpus "
                        "and outputs (replaced on each run; default: a temporary folder)")
    parser.add_argument("--profile", type=Path, help="profile the stage pass, save to FILE")
    parser.add_argument("--stages-only", action="store_true",
                        help="only the one-core stage pass (with --profile: profile only)")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up "
                        "figure, of five runs")
    parser.add_argument("--single-file", action="store_true", help="only the scaling of one "
                        "large document: the corpus joined into one file of --mb MB and one of "
                        "half that, each built by `kg build --no-html`")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        root = args.keep or Path(scratch)
        for earlier in ("code", "corpus", "half"):  # left by an earlier run with --keep
            shutil.rmtree(root / earlier, ignore_errors=True)
        # the runs of `kg build` use this copy of the package, taken at the start, so edits
        # to the source during a long benchmark change no figure
        code = root / "code"
        shutil.copytree(Path(kg.__file__).parent, code / "kg",
                        ignore=shutil.ignore_patterns("__pycache__"))
        if args.startup_only:
            print_startup(code, root, 5)
            return 0
        corpus = root / "corpus"
        corpus.mkdir(parents=True)
        started = time.perf_counter()
        files = make_corpus(corpus, args.mb, args.seed)
        size = sum(p.stat().st_size for p in files) / MB
        print(f"corpus: {len(files)} files, {size:.1f} MB in {corpus} "
              f"(made in {time.perf_counter() - started:.1f} s)")
        if args.single_file:
            single_file_scaling(files, root, code)
            return 0
        one_core = run_stages(files, size, root / "stages", args.profile)
        if not args.stages_only:
            run_end_to_end(files, corpus, size, root, code, args.jobs, args.jieba_mb,
                           one_core)
    return 0


def single_file_scaling(files: list[Path], root: Path, code: Path) -> None:
    """Print the time and peak memory of ``kg build`` on the corpus joined into one document,
    and on its first half: one document's work must grow linearly with its size."""
    texts = []
    for path in files:
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("gb18030"))
    whole = "\n".join(texts).encode("utf-8")
    half = whole[:len(whole) // 2].decode("utf-8", errors="ignore").encode("utf-8")
    print("\none document, `kg build FILE --no-html --jobs 1`:")
    seconds, cpu = {}, {}
    for name, data in (("half", half), ("whole", whole)):
        path = root / "corpus" / f"single-{name}.txt"
        path.write_bytes(data)
        run = end_to_end(path, root / f"out-single-{name}", 1, code, "--no-html")
        seconds[name], cpu[name] = run["seconds"], run["cpu"]
        megabytes = len(data) / MB
        print(f"  {megabytes:5.1f} MB: {run['seconds']:7.2f} s  {rate(megabytes, run['seconds'])}"
              f"  CPU {run['cpu']:7.2f} s  peak RSS {run['peak_rss'] / 2**20:6.0f} MiB "
              f"({run['peak_rss'] / len(data):.1f}x the input)  triples {run['triples']}")
    print(f"  time ratio whole/half {seconds['whole'] / seconds['half']:.2f} (CPU "
          f"{cpu['whole'] / cpu['half']:.2f}) for a size ratio {len(whole) / len(half):.2f}")


def run_stages(files: list[Path], size: float, output: Path, profile: Path | None) -> float:
    """Print the one-core stage figures; return the seconds from text to graph (merged)."""
    output.mkdir(exist_ok=True)
    pipeline.process_document(files[0])  # rules loaded before the clock starts
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    with using(load_rules()):  # as pipeline.process_document runs the stages
        seconds, graph = stage_pass(files, output)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    print("\none core, stage by stage (MB of input per second of the stage; wall clock, "
          "then CPU time):")
    text_stages = ("decode+normalise", "extract", "resolve", "relate")
    rows = [*seconds.items(),
            ("text stages", tuple(sum(seconds[s][i] for s in text_stages) for i in (0, 1))),
            ("all stages", tuple(sum(t[i] for t in seconds.values()) for i in (0, 1)))]
    for stage, (wall, cpu) in rows:
        print(f"  {stage:22} {wall:7.2f} s  {rate(size, wall)}   CPU {cpu:7.2f} s  "
              f"{rate(size, cpu)}")
    text = rows[-2][1][0]
    print(f"  graph: {len(graph.documents)} documents, {len(graph.entities)} entities, "
          f"{len(graph.facts)} facts")
    if profiler:
        print(f"\nprofile saved to {profile}; functions with the most time of their own:")
        pstats.Stats(str(profile)).sort_stats("tottime").print_stats(25)
    return text + seconds["merge into graph"][0]


def run_end_to_end(files: list[Path], corpus: Path, size: float, root: Path, code: Path,
                   jobs: int, jieba_mb: float, one_core: float) -> None:
    started = time.perf_counter()
    pipeline.build([corpus], jobs=jobs)
    spent = time.perf_counter() - started
    print(f"\ntext to graph, pipeline.build(jobs={jobs}): {spent:.2f} s  {rate(size, spent)}  "
          f"({one_core / spent:.2f}x one core)")
    print("\nend to end, `kg build` in a new process:")
    runs = {}
    for n in sorted({1, jobs}):
        run = runs[n] = end_to_end(corpus, root / f"out-jobs{n}", n, code)
        print(f"  --jobs {n}: {run['seconds']:7.2f} s  {rate(size, run['seconds'])}  "
              f"CPU {run['cpu']:7.2f} s  peak RSS {run['peak_rss'] / 2**20:6.0f} MiB  triples {run['triples']}  "
              f"(wrote {', '.join(run['written'])})")
    same = all((root / f"out-jobs{n}" / "kg.ttl").read_bytes()
               == (root / "out-jobs1" / "kg.ttl").read_bytes() for n in runs)
    print(f"  Turtle identical across --jobs: {'yes' if same else 'NO'}")
    half = root / "half"
    half.mkdir()
    half_size = 0.0
    for path in files:
        if half_size >= size / 2:
            break
        os.link(path, half / path.name)
        half_size += path.stat().st_size / MB
    half_run = end_to_end(half, root / "out-half", 1, code)
    print(f"  half the corpus ({half_size:.1f} MB), --jobs 1: {half_run['seconds']:.2f} s; "
          f"time ratio whole/half {runs[1]['seconds'] / half_run['seconds']:.2f} (CPU "
          f"{runs[1]['cpu'] / half_run['cpu']:.2f}) for a size ratio {size / half_size:.2f}")
    print_startup(code, root)
    texts, _ = corpus_texts(files)
    lcut, lcut_cpu = jieba_seconds(texts, jieba.lcut)
    print(f"\njieba.lcut over the whole corpus: {lcut:.2f} s, {rate(size, lcut)} "
          f"(CPU {lcut_cpu:.2f} s)")
    for n, run in runs.items():
        print(f"  kg end to end --jobs {n} / jieba.lcut: {lcut / run['seconds']:.2f}x "
              f"(CPU time: {lcut_cpu / run['cpu']:.2f}x)")
    texts, sample = corpus_texts(files, jieba_mb)
    spent, _ = jieba_seconds(texts, jieba.posseg.dt.cut)
    print(f"jieba.posseg (reference) on {sample:.1f} MB of the same text: {spent:.2f} s, "
          f"{rate(sample, spent)}")


if __name__ == "__main__":
    sys.exit(main())
