"""``kg eval``: precision, recall and F1 of a built graph against gold annotation files.

Gold files follow the annotation guidelines: one JSON file per document with ``entities``
(``type``, ``name``, ``aliases``) and ``relations`` (``subject``, ``predicate``, ``object``).
Names are compared after NFKC, traditional-to-simplified conversion and removal of whitespace
and quotation marks. Gold entities of one type that share a name across files are one entity.
Each graph entity matches at most one gold entity and each gold entity at most one graph entity,
so a split entity costs precision and an over-merged one recall.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .graph import KnowledgeGraph
from .model import ENTITY_TYPES, PREDICATES

_IGNORED = re.compile(r"[\s\"'“”‘’「」『』《》〈〉·•・]")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def comparable(name: str) -> str:
    """The form in which two names are compared.

    >>> comparable("“內蒙古 婦聯”")
    '内蒙古妇联'
    """
    return _IGNORED.sub("", _t2s().convert(unicodedata.normalize("NFKC", name)))


@dataclass
class GoldStandard:
    """Gold entities (merged across files by type and name) and relations."""

    types: list[str] = field(default_factory=list)
    names: list[set[str]] = field(default_factory=list)
    display: list[str] = field(default_factory=list)
    relations: set[tuple[int, str, int]] = field(default_factory=set)

    def lookup(self, entity_type: str, name: str) -> int | None:
        return self._index().get((entity_type, name))

    def _index(self) -> dict[tuple[str, str], int]:
        index = {}
        for gid, (t, names) in enumerate(zip(self.types, self.names)):
            for n in names:
                index[(t, n)] = gid
        return index


def gold_files(folder: str | Path) -> list[Path]:
    """The ``*.json`` gold files of a folder, sorted (``InputError`` when there are none)."""
    folder = Path(folder)
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        raise InputError(folder, "no gold .json files here")
    return files


def _read_gold_file(path: Path) -> dict:
    """One gold file's JSON object, its shape checked; ``InputError`` saying what is wrong."""
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"gold file is not UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(path, f"gold file is not valid JSON: {exc.msg} (line {exc.lineno}, "
                               f"column {exc.colno})") from None
    problem = _gold_problem(doc)
    if problem:
        raise InputError(path, f"not a gold annotation file: {problem}")
    return doc


def _gold_problem(doc: object) -> str | None:
    """What keeps ``doc`` from being a gold annotation (the evaluation guidelines' format),
    or None.

    >>> _gold_problem({"entities": [{"name": "王芳"}], "relations": []})
    'entity 1 needs a "name" and a "type" (strings)'
    """
    if not isinstance(doc, dict):
        return f'expected an object with "entities" and "relations", found {type(doc).__name__}'
    for key in ("entities", "relations"):
        if not isinstance(doc.get(key), list):
            return f'"{key}" must be a list'
    names = set()
    for number, ent in enumerate(doc["entities"], 1):
        if not (isinstance(ent, dict) and _strings(ent, "name", "type")):
            return f'entity {number} needs a "name" and a "type" (strings)'
        aliases = ent.get("aliases", [])
        if not (isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
            return f'entity {number} ({ent["name"]}): "aliases" must be a list of strings'
        names.add(ent["name"])
    for number, rel in enumerate(doc["relations"], 1):
        if not (isinstance(rel, dict) and _strings(rel, "subject", "predicate", "object")):
            return f'relation {number} needs a "subject", "predicate" and "object" (strings)'
        for end in ("subject", "object"):
            if rel[end] not in names:
                return f"relation {number}: {end} {rel[end]!r} is no entity of the file"
    return None


def _strings(record: dict, *keys: str) -> bool:
    return all(isinstance(record.get(key), str) for key in keys)


def load_gold(folder: str | Path) -> GoldStandard:
    """Read every ``*.json`` gold file of a folder (``InputError`` on a bad file)."""
    return load_gold_files(gold_files(folder))


def load_gold_files(files: Iterable[Path]) -> GoldStandard:
    """Read the given gold files as one gold standard (``InputError`` on a bad file)."""
    gold = GoldStandard()
    parent: list[int] = []

    def find(gid: int) -> int:
        while parent[gid] != gid:
            gid = parent[gid]
        return gid

    by_name: dict[tuple[str, str], int] = {}
    raw_relations = []
    for path in files:
        doc = _read_gold_file(path)
        local = {}
        for ent in doc["entities"]:
            names = {comparable(n) for n in [ent["name"], *ent.get("aliases", [])]} - {""}
            hits = sorted({find(by_name[(ent["type"], n)]) for n in names
                           if (ent["type"], n) in by_name})
            if hits:
                gid = hits[0]
                for other in hits[1:]:
                    parent[other] = gid
                    gold.names[gid] |= gold.names[other]
            else:
                gid = len(gold.types)
                parent.append(gid)
                gold.types.append(ent["type"])
                gold.names.append(set())
                gold.display.append(ent["name"])
            gold.names[gid] |= names
            for n in gold.names[gid]:
                by_name[(ent["type"], n)] = gid
            local[ent["name"]] = gid
        for rel in doc["relations"]:
            raw_relations.append((local[rel["subject"]], rel["predicate"],
                                  local[rel["object"]]))
    for gid in range(len(gold.types)):
        if find(gid) != gid:
            gold.types[gid] = ""  # merged into another entity
            gold.names[gid] = set()
    gold.relations = {(find(s), p, find(o)) for s, p, o in raw_relations}
    return gold


def _prf(tp: int, system: int, reference: int) -> dict:
    p = tp / system if system else 0.0
    r = tp / reference if reference else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "system": system, "gold": reference, "precision": p, "recall": r, "f1": f}


def evaluate(graph: KnowledgeGraph, gold: GoldStandard) -> tuple[dict, dict]:
    """Scores per type and predicate, and what was missed or invented."""
    candidates: dict[str, set[int]] = {}
    for e in graph.entities:
        names = {comparable(n) for n in (e.name, *e.aliases, *e.original_aliases)}
        candidates[e.iri] = {g for n in names if (g := gold.lookup(e.type, n)) is not None}
    report: dict = {"entities": {}, "relations": {}}
    misses: dict = {"missed_entities": [], "spurious_entities": [], "missed_relations": [],
                    "spurious_relations": []}
    totals = defaultdict(int)
    for t in ENTITY_TYPES:
        reference = [g for g, gt in enumerate(gold.types) if gt == t]
        system = sorted((e for e in graph.entities if e.type == t),
                        key=lambda e: (len(candidates[e.iri]), e.iri))
        matched: set[int] = set()
        for e in system:
            free = sorted(candidates[e.iri] - matched)
            if free:
                matched.add(free[0])
            elif not candidates[e.iri]:
                misses["spurious_entities"].append(f"{t}\t{e.name}")
        misses["missed_entities"] += [f"{t}\t{gold.display[g]}" for g in reference
                                      if g not in matched]
        report["entities"][t] = _prf(len(matched), len(system), len(reference))
        for key, value in (("tp", len(matched)), ("system", len(system)),
                           ("gold", len(reference))):
            totals[key] += value
    report["entities"]["all"] = _prf(totals["tp"], totals["system"], totals["gold"])
    rel_totals = defaultdict(int)
    for p in PREDICATES:
        reference = {r for r in gold.relations if r[1] == p}
        facts = {(f.subject, f.object) for f in graph.facts if f.predicate == p}
        hit = set()
        for s, o in sorted(facts):
            found = {(gs, p, go) for gs in candidates.get(s, ()) for go in candidates.get(o, ())}
            found &= reference
            hit |= found
            if not found:
                misses["spurious_relations"].append(
                    f"{p}\t{graph.entity(s).name}\t{graph.entity(o).name}")
        misses["missed_relations"] += [f"{p}\t{gold.display[s]}\t{gold.display[o]}"
                                       for s, _, o in sorted(reference - hit)]
        report["relations"][p] = _prf(len(hit), len(facts), len(reference))
        for key, value in (("tp", len(hit)), ("system", len(facts)), ("gold", len(reference))):
            rel_totals[key] += value
    report["relations"]["all"] = _prf(rel_totals["tp"], rel_totals["system"], rel_totals["gold"])
    return report, misses


def evaluate_per_document(documents: Iterable[tuple[str, KnowledgeGraph, GoldStandard]]
                          ) -> tuple[dict, dict, dict]:
    """Score each document's own graph against its own gold and sum the counts.

    For corpora whose documents come from different regions: there a relative name (市妇联)
    is a different body in each document, so the gold files must not be merged.

    Parameters
    ----------
    documents : iterable of (name, graph, gold)
        One graph built from one document, and the gold of that document.

    Returns
    -------
    report : dict
        Micro-averaged scores over all documents, shaped like ``evaluate``'s report.
    per_document : dict
        Each document's name mapped to its own report.
    misses : dict
        What was missed or invented, each row prefixed with the document's name.
    """
    counts: dict = {"entities": defaultdict(lambda: defaultdict(int)),
                    "relations": defaultdict(lambda: defaultdict(int))}
    per_document: dict = {}
    all_misses: dict = defaultdict(list)
    for name, graph, gold in documents:
        report, misses = evaluate(graph, gold)
        per_document[name] = report
        for part, rows in report.items():
            for key, row in rows.items():
                for column in ("tp", "system", "gold"):
                    counts[part][key][column] += row[column]
        for kind, rows in misses.items():
            all_misses[kind] += [f"{name}\t{row}" for row in rows]
    total = {part: {key: _prf(c["tp"], c["system"], c["gold"]) for key, c in rows.items()}
             for part, rows in counts.items()}
    return total, per_document, dict(all_misses)


def format_report(report: dict, misses: dict | None = None,
                  per_document: dict | None = None) -> str:
    """The scores as an aligned table, then each document's F1 and the misses when given."""
    lines = [f"{'':14}{'P':>7}{'R':>7}{'F1':>7}{'sys':>6}{'gold':>6}"]
    for part in ("entities", "relations"):
        for key, row in report[part].items():
            lines.append(f"{key:14}{row['precision']:7.3f}{row['recall']:7.3f}{row['f1']:7.3f}"
                         f"{row['system']:6d}{row['gold']:6d}")
        lines.append("")
    for name, scores in (per_document or {}).items():
        lines.append(f"  {name:32} entities {scores['entities']['all']['f1']:.3f}  "
                     f"relations {scores['relations']['all']['f1']:.3f}")
    if per_document:
        lines.append("")
    for key, rows in (misses or {}).items():
        lines.append(f"## {key} ({len(rows)})")
        lines += ["  " + row for row in sorted(rows)]
    return "\n".join(lines)
