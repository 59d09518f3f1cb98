"""Run open-ended work (a user's SPARQL query, a SHACL validation) with a time limit.

A SPARQL cross join or a catastrophic regular expression can run for hours inside C code that
never checks for signals, so a timer in the same process cannot stop it. The work runs in a
forked child instead; the parent waits up to the limit, then kills the child, which frees its
memory at once. The child sends back only its result (pickled, between two processes of the
same program). Where ``fork`` does not exist the work runs in-process, unbounded.

>>> run_bounded(lambda: 6 * 7, timeout=10, what="the sum")
42
>>> import time
>>> run_bounded(lambda: time.sleep(5), timeout=0.2, what="the nap")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: the nap stopped after 0.2 s (the time limit); narrow it, or raise the limit with --timeout (0: none)
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from mlgraph.errors import BadInput, MlgraphError

T = TypeVar("T")


def run_bounded(work: Callable[[], T], timeout: float | None, what: str) -> T:
    """Return ``work()``, computed in a child process that is killed after ``timeout`` seconds.

    ``timeout`` None or 0 runs ``work`` here with no limit. MlgraphErrors raised by the work are
    raised again here; anything else becomes a BadInput naming ``what``.
    """
    if not timeout or not hasattr(os, "fork"):
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
        os.close(read_end)
        _send(write_end, work, what)
        os._exit(0)
    os.close(write_end)
    try:
        payload = _receive(read_end, timeout, what)
    finally:
        os.close(read_end)
        _end(pid)
    status, value = pickle.loads(payload)
    if status == "error":
        raise value
    return value


def _send(fd: int, work: Callable, what: str) -> None:
    try:
        try:
            payload = pickle.dumps(("ok", work()))
        except MlgraphError as exc:
            payload = pickle.dumps(("error", exc))
        except BaseException as exc:  # the child must always answer, whatever happened
            payload = pickle.dumps(("error", BadInput(f"{what} failed: {type(exc).__name__}: {exc}"[:300])))
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
    except BaseException:
        os._exit(1)


def _receive(fd: int, timeout: float, what: str) -> bytes:
    deadline = time.monotonic() + timeout
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise BadInput(f"{what} stopped after {timeout:g} s (the time limit); narrow it, "
                           "or raise the limit with --timeout (0: none)")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    if not chunks:
        raise BadInput(f"{what} failed: the worker process ended without an answer (out of memory?)")
    return b"".join(chunks)


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
