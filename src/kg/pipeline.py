"""The pipeline: files -> documents -> mentions -> entities -> facts -> ``KnowledgeGraph``.

Per-document work (``process_document``) is a pure function of one file and the loaded rules,
so it runs in parallel processes; only ``merge`` sees the whole corpus.
"""
from __future__ import annotations

import glob
import os
import signal
import sys
import threading
import time
import warnings
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator


from . import dask_engine, docmeta, extract, identity, relate, resolve
from .errors import ArgumentError, InputError, InputWarning, path_argument
from .graph import KnowledgeGraph
from .io import kg_outputs, manifest_name
from .model import DocumentInfo, Entity, Fact
from .cache import DocumentCache
from .entities import document_entities, merge_entities
from .normalize import document_id, looks_like_html, make_document, original_forms, read_bytes
from .rules import RuleSet, load_rules, using
from .vocab import DEFAULT_BASE, check_base, entity_iri


@dataclass(frozen=True)
class DocumentResult:
    """What one document contributes: its info, its entities and its facts."""

    info: DocumentInfo
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


def default_corpus() -> list[Path]:
    """The embedded seed texts, shipped inside the package (``kg/seeds/*.txt``).

    Only the package's own copy is read, never a ``seeds/`` folder found elsewhere, so the
    result is the same for an editable install, a wheel or a run from any folder.
    """
    return sorted(Path(str(resources.files("kg") / "seeds")).glob("*.txt"))


#: File name endings read as documents (any letter case): plain text and HTML pages.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")

#: The name that stands for standard input among the paths.
STDIN = "-"


@dataclass(frozen=True)
class StandardInput:
    """A document read from standard input (``kg build -``), read once by the parent."""

    data: bytes
    name: str = "stdin"

    def __str__(self) -> str:
        """How messages name it (never its bytes, which the dataclass's repr would show)."""
        return f"<{self.name}>"


@dataclass(frozen=True)
class Inputs:
    """The documents to read, and the folder entries passed over with the reason for each."""

    files: list
    skipped: tuple[tuple[Path, str], ...] = ()


def collect_paths(paths: Iterable[str | Path] | None) -> list:
    """The documents named by ``paths`` (see ``gather_inputs``); none means the seeds."""
    return gather_inputs(paths).files


def gather_inputs(paths: Iterable[str | Path] | None, exclude: Iterable[str | Path] = ()
                  ) -> Inputs:
    """Expand files, folders, glob patterns and ``-`` into a de-duplicated document list.

    A folder is read recursively, in sorted order, for ``*.txt``, ``*.html`` and ``*.htm``
    files (any letter case); hidden entries, other files, links to folders and the folders in
    ``exclude`` (the output folder) are passed over and listed in ``Inputs.skipped``. A path
    that does not exist but holds ``*``, ``?`` or ``[`` is a glob pattern (``**`` spans
    folders). ``-`` is standard input, read here. A file named twice (or through a symbolic
    link) is read once, under the smallest of its names, so the list does not depend on the
    order of ``paths``. Entries of a folder that cannot be read (broken links, special files)
    stay in the list: reading them reports why.

    Raises
    ------
    InputError
        A path that does not exist, a pattern or folder without documents, a special file, or
        two different files with the same name (a document's id is its file name).
    ArgumentError
        ``paths`` that are no file names (``5``, ``[None]``); one name is one path.
    """
    paths = _path_list(paths)
    if not paths:
        return Inputs(default_corpus())
    excluded = {key for key in map(_folder_key, exclude) if key}
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    stdin: list[StandardInput] = []
    for raw in paths:
        path = path_argument("paths", raw)
        if str(raw) == STDIN:
            if not stdin:
                stdin.append(StandardInput(sys.stdin.buffer.read()))
        elif path.is_dir():
            found = _walk(path, excluded, skipped)
            if not found:
                raise InputError(path, "folder holds no .txt, .html or .htm files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            raise InputError(path, "broken symbolic link")
        elif path.exists():
            raise InputError(path, "not a regular file or folder")
        elif glob.has_magic(str(raw)):
            matched = sorted(Path(name) for name in glob.glob(str(raw), recursive=True))
            found = [match for match in matched if match.is_file()]
            if not found:
                raise InputError(path, "no file matches this pattern")
            files.extend(found)
        else:
            raise InputError(path, "no such file or folder")
    return Inputs([*_unique_documents(files), *stdin], tuple(skipped))


def _unique_documents(files: list[Path]) -> list[Path]:
    """``files`` sorted, each file once under the smallest of its names; ``InputError`` for
    two different files of the same name."""
    names: dict[Path, Path] = {}
    for path in sorted(files, key=_path_order):
        names.setdefault(_identity(path), path)
    unique = sorted(names.values(), key=_path_order)
    ids: dict[str, Path] = {}
    for path in unique:
        other = ids.setdefault(document_id(path), path)
        if other != path:
            raise InputError(path, f"another input file, {other}, has the same name; documents "
                                   "are identified by file name, so rename one of them")
    return unique


def _path_list(paths: object) -> list | None:
    """The names ``gather_inputs`` is given, as a list: one name is one path, not a sequence
    of one-character names; ``ArgumentError`` for what is no name or list of names."""
    if paths is None or isinstance(paths, (str, os.PathLike)):
        return paths and [paths]
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise ArgumentError("paths", "expected file or folder names (a list of str or Path), "
                                     f"not {type(paths).__name__}")
    return list(paths)


def _walk(folder: Path, excluded: set[tuple[int, int]], skipped: list[tuple[Path, str]]
          ) -> list[Path]:
    """The documents under ``folder``, recursively and sorted; what is passed over goes to
    ``skipped`` with its reason. A stack of folders, not recursion: a tree of any depth."""
    found: list[Path] = []
    pending = [iter(_folder_entries(folder))]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        path, written_by_kg = entry
        if path.name.startswith("."):
            skipped.append((path, "hidden"))
        elif written_by_kg:
            skipped.append((path, "written by kg build"))
        elif path.is_dir():
            if path.is_symlink():
                skipped.append((path, "link to a folder, not followed"))
            elif _folder_key(path) in excluded:
                skipped.append((path, "the output folder"))
            else:
                try:
                    pending.append(iter(_folder_entries(path)))
                except InputError as error:
                    skipped.append((path, error.reason))
        elif path.name.lower().endswith(DOCUMENT_SUFFIXES):
            found.append(path)
        else:
            skipped.append((path, "not .txt, .html or .htm"))
    return found


def _folder_entries(folder: Path) -> list[tuple[Path, bool]]:
    """A folder's entries in sorted order, each with whether an earlier build wrote it."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise InputError(folder, f"cannot read folder: {exc.strerror or exc}") from None
    outputs = kg_outputs(folder) if manifest_name("kg.ttl") in names else set()
    return [(folder / name, name in outputs) for name in names]


def _path_order(path: Path) -> tuple[str, str]:
    return path.name, str(path)


def _folder_key(folder: str | Path) -> tuple[int, int] | None:
    """What tells a folder from others however it is named (device and inode; one ``stat``,
    where resolving the name takes a call per level of a deep tree); None when missing."""
    try:
        info = os.stat(folder)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _identity(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # broken or looping link: reading it reports the problem
        return path.absolute()


def process_document(path: Path | StandardInput, base: str = DEFAULT_BASE,
                     rules: RuleSet | None = None) -> DocumentResult:
    """Read one file (or standard input) and extract its entities and facts with ``rules``
    (default: the packaged rules; pure: same bytes and rules, same result)."""
    return process_bytes(*_read_input(path), base, rules)


def _read_input(path: Path | StandardInput) -> tuple[bytes, Path | StandardInput]:
    return (path.data if isinstance(path, StandardInput) else read_bytes(path)), path


def process_bytes(data: bytes, path: Path | StandardInput, base: str = DEFAULT_BASE,
                  rules: RuleSet | None = None) -> DocumentResult:
    """Extract the entities and facts of one document's bytes (``path`` names it), every
    stage with the same ``rules`` (default: the packaged rules)."""
    if isinstance(path, StandardInput):
        document = make_document(data, str(path), path.name, html=looks_like_html(data))
    else:
        document = make_document(data, path)
    with using(rules):
        document, mentions = extract.extract_document(document)
        document, mentions = resolve.resolve_document(document, mentions)
        originals = original_forms(document, ((m.start, m.end) for m in mentions))
        entities = with_iris(document_entities(document, mentions, originals), base)
        facts = relate.relate(document, mentions, {(e.type, e.name): e.iri for e in entities})
    info = DocumentInfo(document.id, Path(document.path).name, document.sha256,
                        document.region, *docmeta.title_and_date(document.text))
    return DocumentResult(info, entities, facts)


def with_iris(entities: Iterable[Entity], base: str = DEFAULT_BASE) -> tuple[Entity, ...]:
    """The entities with their IRIs under ``base``: the one place entity IRIs are minted
    (``merge`` gives a person of one name but unrelated documents a qualified one,
    ``identity.separate_people``)."""
    return tuple(replace(e, iri=entity_iri(e.type, e.name, base)) for e in entities)


def merge(results: Iterable[DocumentResult], rules: RuleSet | None = None) -> KnowledgeGraph:
    """Merge per-document results into one graph, in a deterministic order."""
    results = identity.separate_people(sorted(results, key=lambda r: (r.info.id,
                                                                        r.info.sha256)))
    with using(rules):
        entities = merge_entities(e for r in results for e in r.entities)
        known = {e.iri for e in entities}
        facts = relate.merge_facts(f for r in results for f in r.facts
                                   if f.subject in known and f.object in known)
    return KnowledgeGraph(tuple(r.info for r in results), entities, facts)


def process_or_skip(path: Path | StandardInput, base: str = DEFAULT_BASE, strict: bool = False,
                    cache: DocumentCache | None = None, rules: RuleSet | None = None
                    ) -> tuple[DocumentResult | None, tuple[InputWarning, ...], str | None]:
    """``process_document``, with input problems returned as warnings (the unit of work).

    Returns the result (None when the file is skipped), the ``InputWarning`` raised while
    reading it, plus one for the skip, and the cache key under which a new result is to be
    stored (None when there is nothing to store). With ``strict`` the first problem raises
    ``InputError`` instead. With a ``cache``, a document read before (same bytes, name, base
    IRI, kg code and rules) is taken from it, its repaired problems reported again.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        try:
            (result, new_key), skipped = _process_cached(path, base, cache, rules), ()
        except InputError as error:
            if strict:
                raise
            (result, new_key), skipped = (None, None), (InputWarning.skipping(error),)
    problems = []
    for record in caught:
        if isinstance(record.message, InputWarning):
            if strict:
                raise record.message.as_error()
            problems.append(record.message)
        else:
            warnings.warn_explicit(record.message, record.category, record.filename,
                                   record.lineno)
    return result, (*problems, *skipped), new_key


def _process_cached(path: Path | StandardInput, base: str, cache: DocumentCache | None,
                    rules: RuleSet | None) -> tuple[DocumentResult, str | None]:
    """``process_document`` through the cache: a known document's result taken back (its
    repaired problems warned again), else computed, with the key to store it under."""
    data, path = _read_input(path)
    if cache is None:
        return process_bytes(data, path, base, rules), None
    name = path.name if isinstance(path, StandardInput) else Path(path).name
    key = cache.key(data, name, base, (rules or load_rules()).digest)
    hit = cache.get(key)
    if hit is None:
        return process_bytes(data, path, base, rules), key
    result, reasons = hit
    for reason in reasons:
        warnings.warn(InputWarning(str(path), reason))
    return result, None


def _start_worker(parent: int) -> None:
    """Worker start-up: Ctrl-C is handled once, by the parent, which stops the workers; and a
    worker whose parent (process ``parent``, named by the parent itself: it may be gone before
    the worker starts) is gone, killed even with SIGKILL, ends within a second instead of
    waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


#: Where the per-document work runs: local worker processes, or a Dask cluster.
ENGINES = ("local", "dask")


def _process_all(files: list[Path], base: str, strict: bool, jobs: int, engine: str,
                 scheduler: str | None, progress: bool, cache: DocumentCache | None = None,
                 rules: RuleSet | None = None) -> Iterator[tuple[DocumentResult | None, tuple[InputWarning, ...], str | None]]:
    """``process_or_skip`` of each file, in the order of ``files``, in ``jobs`` processes
    (or on a Dask cluster, see :mod:`kg.dask_engine`).

    Results come back in order, one document at a time, so only the per-document results,
    never all the texts, are held; with ``progress`` a bar on standard error counts the files.
    A worker that dies (killed, out of memory) raises ``BrokenProcessPool`` instead of
    leaving the run waiting; an error stops the run without starting the files not yet sent.
    """
    work = partial(process_or_skip, base=base, strict=strict, cache=cache, rules=rules)
    with ExitStack() as stack:
        if engine == "dask":
            outcomes = dask_engine.map_in_order(work, files, jobs, scheduler, stack)
        elif jobs > 1 and len(files) > 1:
            from concurrent.futures import ProcessPoolExecutor  # (0.04 s to import)

            workers = min(jobs, len(files))
            executor = ProcessPoolExecutor(workers, initializer=_start_worker,
                                           initargs=(os.getpid(),))
            stack.callback(executor.shutdown, cancel_futures=True)
            # a few files per message to the workers, small enough to keep them all busy
            chunksize = max(1, min(8, len(files) // (workers * 8)))
            outcomes = executor.map(work, files, chunksize=chunksize)
        else:
            outcomes = map(work, files)
        if not progress:
            yield from outcomes  # (tqdm, 0.04 s to import, only for a bar)
            return
        from tqdm import tqdm

        yield from tqdm(outcomes, total=len(files), unit="file", delay=1.0, leave=False)


def build(paths: Iterable[str | Path] | Inputs | None = None, *, base: str = DEFAULT_BASE,
          strict: bool = False, on_warning: Callable[[InputWarning], None] | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None,
          progress: bool = False, cache: str | Path | None = None,
          rules: str | Path | RuleSet | None = None) -> KnowledgeGraph:
    """Build the knowledge graph of the given files and folders (default: the seeds).

    Parameters
    ----------
    paths : str, Path, iterable of them, or Inputs, optional
        Text files, HTML pages, folders, glob patterns and ``-`` (see ``gather_inputs``), or
        what ``gather_inputs`` made of them; none means the embedded seeds.
    base : str
        Base IRI of the entities.
    strict : bool
        Raise ``InputError`` at the first file that cannot be read cleanly instead of
        repairing or skipping it.
    on_warning : callable, optional
        Called with each ``InputWarning`` (a repaired or skipped file) as it happens; by
        default the warning is issued with ``warnings.warn``.
    jobs : int
        Worker processes that read and extract documents; the graph is the same for any
        number (the results are merged in a fixed order).
    engine : {"local", "dask"}
        Run the per-document work in local processes, or as Dask tasks: on the cluster at
        ``scheduler``, or on a local cluster of ``jobs`` processes (same graph either way).
    scheduler : str, optional
        Address of a running Dask scheduler, for ``engine="dask"``.
    progress : bool
        Show a progress bar on standard error when the run takes more than a second.
    cache : str or Path, optional
        A folder of per-document results (see :mod:`kg.cache`): a document read before with
        the same bytes, name, base IRI and kg code is not read again (same graph).
    rules : str, Path or RuleSet, optional
        The rule set of every stage: a folder of rule tables (each replaces the packaged table
        of that name, see :class:`kg.rules.RuleSet`), or a loaded one; default the packaged.

    Raises
    ------
    InputError
        A bad path, a problem in ``strict`` mode, or no file that could be read.
    ArgumentError
        An argument of the wrong type or value (``jobs=0``, ``paths=5``).
    RuleError
        A rule table in ``rules`` that cannot be used (file and line named).

    >>> graph = build()
    >>> graph.entity_counts()["Organisation"] > 0
    True
    """
    rules = _checked_run(jobs, engine, rules, base)
    files = paths.files if isinstance(paths, Inputs) else collect_paths(paths)
    store = DocumentCache(path_argument("cache", cache)) if cache is not None else None
    results, new = _collect(files, _process_all(files, base, strict, jobs, engine, scheduler,
                                                progress, store, rules),
                            on_warning or warnings.warn)
    graph = merge(results, rules)
    if store is not None and new:   # only a build that succeeded leaves its results
        store.put_all(new)
    return graph


def _checked_run(jobs: int, engine: str, rules: str | Path | RuleSet | None, base: str
                 ) -> RuleSet:
    """The rule set of a run, after checking its number of jobs, its engine and its base."""
    check_base(base)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ArgumentError("jobs", f"expected a whole number of at least 1, not {jobs!r}")
    if engine not in ENGINES:
        raise ArgumentError("engine", f"expected one of {ENGINES}, not {engine!r}")
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(None if rules is None else path_argument("rules", rules))


def _collect(files: list, outcomes, report: Callable[[InputWarning], None]) -> tuple[list, list]:
    """The documents' results in order, and those new to the cache as ``(key, result,
    problems)``; each problem reported as it comes. ``InputError`` when no file could be
    read."""
    results, new = [], []
    for result, problems, new_key in outcomes:
        for problem in problems:
            report(problem)
        if result is not None:
            results.append(result)
        if new_key is not None:
            new.append((new_key, result, problems))
    if not results:
        raise InputError(files[0] if len(files) == 1 else f"{len(files)} files",
                         "no document could be read")
    return results, new
