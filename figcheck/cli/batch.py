"""The batch over articles: results in input order, from one process or a pool that stops cleanly."""

from __future__ import annotations

import argparse
import os
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from figcheck.cli.pipeline import Job, process

# A batch stopped early, and its pool could not be stopped cleanly: figcheck.cli.main reads it after
# the run, to leave without waiting for the pool's stuck task thread.
pool_left_busy = False


def results(jobs: Iterable[Job], n_jobs: int) -> Iterator[dict[str, Any]]:
    """Results in input order, from one process or a pool."""
    if n_jobs <= 1:
        yield from map(process, jobs)
        return
    import multiprocessing as mp

    global pool_left_busy
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    pool = ctx.Pool(n_jobs, initializer=_worker_init)
    finished = False
    try:
        yield from pool.imap(process, jobs, chunksize=32)
        finished = True
    finally:
        if finished:
            pool.close()
            pool.join()
        else:
            # The reader left (a closed pipe, Ctrl-C). Pool.terminate() stops the workers, then
            # joins its task thread, which may be stuck for ever sending to a worker it stopped:
            # give it a few seconds, and if it is stuck, main() leaves without waiting for it.
            import threading

            stopper = threading.Thread(target=pool.terminate, daemon=True)
            stopper.start()
            stopper.join(timeout=2)
            pool_left_busy = stopper.is_alive()


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle: workers stop quietly when it ends the pool. SIGTERM (from
    # Pool.terminate, or sent to the group) ends a worker at once, without the parent's handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def job_count(args: argparse.Namespace) -> int:
    if args.jobs is not None:
        return args.jobs
    if len(args.paths) == 1 and not os.path.isdir(args.paths[0]) and not args.paths[0].endswith(".jsonl"):
        return 1  # one article: a pool would only add start-up time
    return os.cpu_count() or 1
