"""Standard output and error as mlgraph writes them: UTF-8, no control characters, no crash on
a closed pipe or a full disk.

* Encoding: UTF-8 whatever the locale when output goes to a file or a pipe (what scripts and
  Windows redirection read); on a terminal the terminal's own encoding, with characters it
  cannot show replaced by ``?``. No locale makes a command fail.
* Control characters: text from data files may hold ESC, BEL, CR and the like, which a terminal
  would obey (clear the screen, change the title, overwrite a line). Every C0 control other than
  tab and newline (and CR before a newline, as CSV line ends need) and DEL is written as its
  visible Unicode "control picture" (ESC as U+241B) on both streams. JSON and RDF output escape
  such characters themselves, so they never reach this filter.
* Faults: a reader that goes away (``mlgraph list | head -1``) is a normal end; a full disk or a
  closed stdout is one ``mlgraph: error:`` line and exit 2 (see :func:`output_fault`).

>>> make_visible("red\\x1b[31m\\x07bell\\r\\nend\\ttab")
'red␛[31m␇bell\\r\\nend\\ttab'
"""

from __future__ import annotations

import errno
import io
import os
import re
import sys

#: C0 controls except tab and newline, a CR not followed by a newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")

#: Exit status after the reader of standard output went away (as for a process killed by SIGPIPE).
BROKEN_PIPE_EXIT = 141


def make_visible(text: str) -> str:
    """Return ``text`` with control characters replaced by their Unicode control pictures."""
    return _CONTROL.sub(_picture, text)


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


class SafeTextStream(io.TextIOWrapper):
    """A text stream over a binary one that writes every string through :func:`make_visible`."""

    def write(self, text: str) -> int:
        super().write(make_visible(text))
        return len(text)


class ClosedStream(io.TextIOBase):
    """Stands in for a standard stream that was closed before mlgraph started (``>&-``): writing
    to a closed stdout is an error (the output would be lost), to a closed stderr is dropped."""

    encoding = "utf-8"

    def __init__(self, strict: bool = True) -> None:
        super().__init__()
        self.strict = strict

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.strict and text:
            raise OSError(errno.EBADF, "standard output is closed")
        return len(text)


def install_streams() -> tuple:
    """Replace ``sys.stdout`` and ``sys.stderr`` with safe streams; return the old pair to restore."""
    old = (sys.stdout, sys.stderr)
    sys.stdout = _safe(sys.stdout, strict=True)
    sys.stderr = _safe(sys.stderr, strict=False)
    return old


def restore_streams(old: tuple) -> None:
    """Flush the safe streams (ignoring a pipe that is gone) and put the old ones back."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
            if isinstance(stream, SafeTextStream):
                stream.detach()  # the buffer belongs to the old stream: do not close it
        except (OSError, ValueError):
            pass
    sys.stdout, sys.stderr = old


def _safe(stream, strict: bool):
    if stream is None:
        return ClosedStream(strict)
    buffer = getattr(stream, "buffer", None)
    if buffer is None or isinstance(stream, SafeTextStream):
        return stream
    try:
        stream.flush()
        terminal = stream.isatty()
    except (OSError, ValueError):
        return ClosedStream(strict)
    if isinstance(buffer, io.RawIOBase):
        # PYTHONUNBUFFERED gives a raw stream, whose short writes (a disk that filled up) a text
        # stream silently drops; a buffered writer of our own over the same descriptor reports them.
        buffer = io.BufferedWriter(io.FileIO(buffer.fileno(), "wb", closefd=False))
    encoding = stream.encoding if terminal and stream.encoding else "utf-8"
    if encoding.lower().replace("-", "") in ("ascii", "usascii", "ansix3.41968"):
        encoding = "utf-8"  # what click would switch to, and any terminal today shows
    return SafeTextStream(buffer, encoding=encoding, errors="replace", newline="\n",
                          line_buffering=terminal or not strict, write_through=not strict)


def output_fault(exc: OSError) -> tuple[str | None, int]:
    """Return (message, exit code) for an error writing standard output; message None: end quietly."""
    _silence_stdout()  # what is still buffered would fail again when Python exits
    if exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError):
        return None, BROKEN_PIPE_EXIT
    reason = exc.strerror or str(exc)
    return f"cannot write to standard output ({reason}); check the disk space or where the output goes", 2


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    sys.stdout = io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8")
