"""The per-document step on a Dask cluster (``kg build --engine dask``).

The work of one document (``pipeline.process_or_skip``) is a pure function of the file and the
rules, so it is mapped over the files as one Dask task each; results come back in file order
and are merged in this process as with local worker processes, so the graph is the same. The
workers must see the files under the same paths (one machine, or a shared file system) and
have kg installed. Needs the optional ``dask`` extra: ``pip install 'kg[dask]'``.
"""
from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from .errors import KgError

Outcome = TypeVar("Outcome")


def map_in_order(work: Callable[[Path], Outcome], files: list[Path], workers: int,
                 scheduler: str | None, stack: ExitStack) -> Iterator[Outcome]:
    """``work`` of each file on a Dask cluster, yielded in the order of ``files``.

    Parameters
    ----------
    work : callable
        The per-document function (picklable: a module-level function or a partial of one).
    files : list of Path
        The input files.
    workers : int
        Worker processes of the local cluster started when no ``scheduler`` is given.
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); none starts a local cluster
        of ``workers`` single-threaded processes for the run.
    stack : ExitStack
        Closes the client (and the local cluster) when the caller is done; open tasks are
        cancelled then.

    Raises
    ------
    KgError
        Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--engine dask needs Dask: pip install 'kg[dask]'") from None
    if scheduler is None:
        # ":0": the scheduler's HTTP endpoints take any free port, not the usual 8787
        cluster = stack.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.ERROR))
        client = stack.enter_context(Client(cluster))
    else:
        try:
            client = stack.enter_context(Client(scheduler, timeout=10))
        except (OSError, ValueError) as error:
            raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    futures = client.map(work, files, pure=False)
    return _results_in_order(futures)


def _results_in_order(futures) -> Iterator:
    """Each future's result in turn, released once read (only the unread stay on the cluster)."""
    for future in futures:
        yield future.result()
        future.release()
