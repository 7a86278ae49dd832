"""The pipeline: files -> documents -> mentions -> entities -> facts -> ``KnowledgeGraph``.

Per-document work (``process_document``) is a pure function of one file and the loaded rules,
so it runs in parallel processes; only ``merge`` sees the whole corpus.
"""
from __future__ import annotations

import os
import signal
import warnings
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from . import dask_engine, extract, relate, resolve
from .errors import InputError, InputWarning
from .graph import KnowledgeGraph
from .model import DocumentInfo, Entity, Fact
from .normalize import document_id, read_document
from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class DocumentResult:
    """What one document contributes: its info, its entities and its facts."""

    info: DocumentInfo
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


def default_corpus() -> list[Path]:
    """The embedded seed texts (the project's ``seeds/`` folder)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "seeds"
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return sorted(candidate.glob("*.txt"))
    packaged = resources.files("kg") / "seeds"
    return sorted(Path(str(packaged)).glob("*.txt"))


def collect_paths(paths: Iterable[str | Path] | None) -> list[Path]:
    """Expand files and folders (``*.txt`` inside, sorted) into a de-duplicated file list.

    A file named twice (or through a symbolic link) is read once, under the smallest of its
    names, so the list does not depend on the order of ``paths``. Entries of a folder that
    cannot be read (broken links, special files) stay in the list: reading them reports why.

    Raises
    ------
    InputError
        A path that does not exist, a folder without ``*.txt`` files, a special file, or two
        different files with the same name (a document's id is its file name).
    """
    if not paths:
        return default_corpus()
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                names = os.listdir(path)
            except OSError as exc:
                raise InputError(path, f"cannot read folder: {exc.strerror or exc}") from None
            found = sorted(path / name for name in names
                           if name.endswith(".txt") and not (path / name).is_dir())
            if not found:
                raise InputError(path, "folder holds no .txt files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            raise InputError(path, "broken symbolic link")
        elif path.exists():
            raise InputError(path, "not a regular file or folder")
        else:
            raise InputError(path, "no such file or folder")
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


def _path_order(path: Path) -> tuple[str, str]:
    return path.name, str(path)


def _identity(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # broken or looping link: reading it reports the problem
        return path.absolute()


def process_document(path: Path, base: str = DEFAULT_BASE) -> DocumentResult:
    """Read one file and extract its entities and facts (pure: same file, same result)."""
    document = read_document(path)
    mentions = extract.extract_mentions(document)
    document, mentions = resolve.resolve_document(document, mentions)
    entities = resolve.document_entities(document, mentions, base)
    facts = relate.relate(document, mentions, base)
    info = DocumentInfo(document.id, Path(path).name, document.sha256, document.region)
    return DocumentResult(info, entities, facts)


def merge(results: Iterable[DocumentResult]) -> KnowledgeGraph:
    """Merge per-document results into one graph, in a deterministic order."""
    results = sorted(results, key=lambda r: (r.info.id, r.info.sha256))
    entities = resolve.merge_entities(e for r in results for e in r.entities)
    known = {e.iri for e in entities}
    facts = relate.merge_facts(f for r in results for f in r.facts
                               if f.subject in known and f.object in known)
    return KnowledgeGraph(tuple(r.info for r in results), entities, facts)


def process_or_skip(path: Path, base: str = DEFAULT_BASE, strict: bool = False
                    ) -> tuple[DocumentResult | None, tuple[InputWarning, ...]]:
    """``process_document``, with input problems returned as warnings (the unit of work).

    Returns the result (None when the file is skipped) and the ``InputWarning`` raised while
    reading it, plus one for the skip. With ``strict`` the first problem raises
    ``InputError`` instead.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        try:
            result, skipped = process_document(path, base), ()
        except InputError as error:
            if strict:
                raise
            result, skipped = None, (InputWarning.skipping(error),)
    problems = []
    for record in caught:
        if isinstance(record.message, InputWarning):
            if strict:
                raise record.message.as_error()
            problems.append(record.message)
        else:
            warnings.warn_explicit(record.message, record.category, record.filename,
                                   record.lineno)
    return result, (*problems, *skipped)


def _ignore_interrupts() -> None:
    """Worker start-up: Ctrl-C is handled once, by the parent, which stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


#: Where the per-document work runs: local worker processes, or a Dask cluster.
ENGINES = ("local", "dask")


def _process_all(files: list[Path], base: str, strict: bool, jobs: int, engine: str,
                 scheduler: str | None, progress: bool
                 ) -> Iterator[tuple[DocumentResult | None, tuple[InputWarning, ...]]]:
    """``process_or_skip`` of each file, in the order of ``files``, in ``jobs`` processes
    (or on a Dask cluster, see :mod:`kg.dask_engine`).

    Results come back in order, one document at a time, so only the per-document results,
    never all the texts, are held; with ``progress`` a bar on standard error counts the files.
    A worker that dies (killed, out of memory) raises ``BrokenProcessPool`` instead of
    leaving the run waiting; an error stops the run without starting the files not yet sent.
    """
    work = partial(process_or_skip, base=base, strict=strict)
    with ExitStack() as stack:
        if engine == "dask":
            outcomes = dask_engine.map_in_order(work, files, jobs, scheduler, stack)
        elif jobs > 1 and len(files) > 1:
            workers = min(jobs, len(files))
            executor = ProcessPoolExecutor(workers, initializer=_ignore_interrupts)
            stack.callback(executor.shutdown, cancel_futures=True)
            # a few files per message to the workers, small enough to keep them all busy
            chunksize = max(1, min(8, len(files) // (workers * 8)))
            outcomes = executor.map(work, files, chunksize=chunksize)
        else:
            outcomes = map(work, files)
        yield from tqdm(outcomes, total=len(files), unit="file", disable=not progress,
                        delay=1.0, leave=False)


def build(paths: Iterable[str | Path] | None = None, *, base: str = DEFAULT_BASE,
          strict: bool = False,
          on_warning: Callable[[InputWarning], None] | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None,
          progress: bool = False) -> KnowledgeGraph:
    """Build the knowledge graph of the given files and folders (default: the seeds).

    Parameters
    ----------
    paths : iterable of str or Path, optional
        Text files and folders; none means the embedded seeds.
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

    Raises
    ------
    InputError
        A bad path, a problem in ``strict`` mode, or no file that could be read.

    >>> graph = build()
    >>> graph.entity_counts()["Organisation"] > 0
    True
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    files = collect_paths(paths)
    report = on_warning or warnings.warn
    results = []
    for result, problems in _process_all(files, base, strict, jobs, engine, scheduler,
                                         progress):
        for problem in problems:
            report(problem)
        if result is not None:
            results.append(result)
    if not results:
        raise InputError(files[0] if len(files) == 1 else f"{len(files)} files",
                         "no document could be read")
    return merge(results)
