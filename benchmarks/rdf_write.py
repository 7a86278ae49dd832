"""Time the Turtle writer on a synthetic graph of about one million triples.

    .venv/bin/python benchmarks/rdf_write.py [--triples N]

Prints the number of triples, the seconds ``rdf.write_turtle`` takes to write them to a file
(best of three runs, wall clock and CPU: on a shared machine the CPU figure is the steadier),
the size of the file, and the seconds ``rdf.load`` takes to read it back.
The target (issue 8) is 1,000,000 triples written in at most 5 seconds.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg import rdf
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, PREDICATES, DocumentInfo, Entity, Evidence, Fact
from kg.vocab import entity_iri

# Triples per unit below: an entity gives 5 (type, two labels, two aliases); a fact 7 (direct
# triple, type, subject, predicate, object, role or year, evidence link); an evidence node 5.
_ENTITIES_PER_UNIT, _FACTS_PER_UNIT, _SENTENCES_PER_UNIT = 3, 4, 2
_TRIPLES_PER_UNIT = 5 * _ENTITIES_PER_UNIT + 7 * _FACTS_PER_UNIT + 5 * _SENTENCES_PER_UNIT


def synthetic_graph(triples: int) -> KnowledgeGraph:
    """A graph of about ``triples`` triples with realistic Chinese labels and sentences."""
    units = triples // _TRIPLES_PER_UNIT
    documents = tuple(DocumentInfo(f"doc{d:03d}", f"doc{d:03d}.txt", f"{d:064x}")
                      for d in range(100))
    entities = []
    for i in range(units * _ENTITIES_PER_UNIT):
        entity_type = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        name = f"内蒙古自治区第{i}号{entity_type}单位"
        entities.append(Entity(entity_iri(entity_type, name), entity_type, name,
                               (f"第{i}号", f"自治区{i}号"), ()))
    facts = {}
    for i in range(units * _FACTS_PER_UNIT):
        sentence_no = i // (_FACTS_PER_UNIT // _SENTENCES_PER_UNIT)
        evidence = Evidence(f"doc{sentence_no % 100:03d}",
                            f"2023年，第{sentence_no}号单位党组书记、主席获得“三八红旗手”称号。",
                            sentence_no * 40, sentence_no * 40 + 33)
        predicate = PREDICATES[i % len(PREDICATES)]
        role, year = ("党组书记、主席", None) if i % 2 else (None, "2023")
        fact = Fact(entities[i % len(entities)].iri, predicate,
                    entities[(i * 7 + 1) % len(entities)].iri, role, year, (evidence,))
        facts[(fact.subject, fact.predicate, fact.object, role or "", year or "")] = fact
    return KnowledgeGraph(documents, tuple(sorted(entities, key=lambda e: e.iri)),
                          tuple(facts[key] for key in sorted(facts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    graph = synthetic_graph(args.triples)
    count = sum(len(values) for _, entries in rdf.describe(graph) for *_, values in entries)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kg.ttl"
        best, best_cpu = float("inf"), float("inf")
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            rdf.write_turtle(graph, path)
            best = min(best, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - started_cpu)
        started = time.perf_counter()
        loaded = rdf.load(path)
        load_seconds = time.perf_counter() - started
        size = path.stat().st_size
    assert loaded == graph, "the file does not load back into the same graph"
    print(f"triples: {count}")
    print(f"write_turtle: {best:.2f} s (best of 3; CPU {best_cpu:.2f} s), "
          f"{count / best / 1e6:.2f} M triples/s")
    print(f"file: {size / 1e6:.1f} MB")
    print(f"load: {load_seconds:.2f} s")


if __name__ == "__main__":
    main()
