"""The files users name: read only when regular and bounded, confined, written atomically.

Contracts, facts and the survey exports that facts point at may come from
someone else: a hub sends its year's facts to the municipalities, a service
evaluates uploaded files. So every file is read through `read_bytes`, which
refuses anything that is not a regular file of bounded size before reading a
byte (a named pipe or a device would block or never end), and every file a
facts file points at is found through `confine`, which keeps it inside an
allowed folder after symlinks are resolved. Every file written goes through
`write_atomically`, which leaves the old file as it was unless the new bytes
were written, flushed and read back in full.

Problems are raised as `FileProblem` (what is wrong, how to fix it); the
caller knows which kind of file it was and turns it into its own error.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

import attrs

if TYPE_CHECKING:  # pathlib is imported where a path is made: `rk check` needs none
    from pathlib import Path

# Larger than any contract, facts file or survey export a user will have, and
# small enough that reading it cannot exhaust the memory of a laptop.
DEFAULT_MAX_BYTES = 256 * 2**20

# Not data files: their size is not known in advance, or reading them has effects.
_PSEUDO = ("/proc", "/sys", "/dev")

_KINDS = {stat.S_IFDIR: "folder", stat.S_IFIFO: "fifo", stat.S_IFCHR: "device",
          stat.S_IFBLK: "device", stat.S_IFSOCK: "socket"}


def _kind(mode: int) -> object:
    from .reasons import Word

    return Word(f"kind.{_KINDS.get(mode, 'other')}")


class FileProblem(Exception):
    """A file cannot be read or written: a reason code with its parameters, as a `problem`
    (the code `file.CODE`), and in English `message` says why and `hint` how to fix it."""

    def __init__(self, code: str, *, hint: str | None = None, **params: object):
        from .reasons import problem

        self.problem = problem(f"file.{code}", hint=f"file.{hint}" if hint else None, params=params)
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        return self.problem.message

    @property
    def hint(self) -> str | None:
        return self.problem.hint


@attrs.frozen
class Access:
    """Where the files that facts point at are looked for, and how large they may be.

    References are relative to `base` (the folder of the facts file) and must
    lie inside `root` once symlinks are resolved; `root` is `base` unless the
    caller widens it (`rk eval --data-dir`, `data_dir=`).
    """

    base: Path
    root: Path
    max_bytes: int = DEFAULT_MAX_BYTES

    @staticmethod
    @functools.lru_cache(maxsize=64)  # the same facts are evaluated again and again
    def beside(facts_file: str | None, data_dir: str | Path | None = None,
               max_bytes: int | None = None) -> Access:
        """References beside the facts file `facts_file` (or the working folder for None)."""
        from pathlib import Path

        base = Path(facts_file).parent if facts_file is not None else Path()
        return Access(base, Path(data_dir) if data_dir is not None else base,
                      DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)


def confine(reference: str, access: Access) -> Path:
    """The file `reference` names, if it stays inside `access.root`; else FileProblem."""
    from pathlib import Path

    if "\0" in reference:
        raise FileProblem("nul")
    target = Path(os.path.realpath(access.base / reference))  # an absolute reference stays absolute
    root = Path(os.path.realpath(access.root))
    if not target.is_relative_to(root):
        raise FileProblem("outside", reference=_quoted(reference), root=_quoted(str(root)))
    return target


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The whole content of a regular file of at most `max_bytes` bytes, or FileProblem.

    The file's kind and size are checked before it is opened, and it is opened
    without blocking, so a named pipe, a device or a huge file is refused at
    once rather than hanging or exhausting memory.
    """
    return b"".join(read_pieces(path, max_bytes, None))


def read_pieces(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, piece: int | None = 1 << 20
                ) -> Iterator[bytes]:
    """The content of a regular file of at most `max_bytes` bytes in pieces of `piece` bytes
    (the whole file at once for None), checked as `read_bytes` checks it, so that a large
    export can be read without holding it all; FileProblem, before the first piece or after
    the last, if the file is not one to read or changed while it was read."""
    name = os.fspath(path)
    if "\0" in name:
        raise FileProblem("nul")
    try:
        before = os.stat(name)
    except OSError as exc:
        raise FileProblem("os", reason=_reason(exc)) from None
    _check_regular(before, name, max_bytes)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise FileProblem("os", reason=_reason(exc)) from None
    try:
        try:
            opened = os.fstat(fd)
        except OSError as exc:
            raise FileProblem("os", reason=_reason(exc)) from None
        if (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise FileProblem("replaced")
        _check_regular(opened, name, max_bytes)
        # Read one byte more than the file says it holds: a file that gives
        # more (a /proc file, or one still being written) is not read at all.
        left = opened.st_size + 1
        while left > 0:
            try:
                data = _read_up_to(fd, left if piece is None else min(left, piece))
            except OSError as exc:
                raise FileProblem("os", reason=_reason(exc)) from None
            if not data:
                break
            left -= len(data)
            if left <= 0:
                break
            yield data
        if left != 1:
            raise FileProblem("changed")
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO | None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """All that `stream` (standard input, say) gives until it ends, or FileProblem if that is
    more than `max_bytes`: read in pieces and given up on at the first byte over the limit,
    so no input, however long, is held in memory beyond it."""
    if stream is None:  # `rk check - <&-`: Python has no standard input at all
        raise FileProblem("input-closed")
    chunks: list[bytes] = []
    held = 0
    try:
        while held <= max_bytes:
            chunk = stream.read(min(max_bytes + 1 - held, 1 << 20))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            held += len(chunk)
    except ValueError:  # a stream closed in this process
        raise FileProblem("input-closed") from None
    except OSError as exc:
        raise FileProblem("os", reason=_reason(exc)) from None
    raise FileProblem("input-too-large", limit=size_text(max_bytes))


def _check_regular(info: os.stat_result, name: str, max_bytes: int) -> None:
    kind = stat.S_IFMT(info.st_mode)
    if kind != stat.S_IFREG:
        raise FileProblem("kind", hint="kind-folder" if kind == stat.S_IFDIR else None, kind=_kind(kind))
    real = os.path.realpath(name)
    for top in _PSEUDO:
        if real == top or real.startswith(top + "/"):
            raise FileProblem("pseudo", top=top)
    if info.st_size > max_bytes:
        raise FileProblem("too-large", size=size_text(info.st_size), limit=size_text(max_bytes))


def _read_up_to(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).rstrip(".").lower() if exc.strerror else str(exc)


def _quoted(text: str) -> str:
    from .vocabulary import quote

    return quote(text)


# ---- sizes --------------------------------------------------------------------------

_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}
_SIZE = re.compile(r"([0-9]{1,15})\s*([kmg]?)(?:i?b)?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """'256M', '1G', '1500000' -> bytes; ValueError for anything else."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a size; write e.g. 512M or 1G")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def size_text(size: int) -> str:
    """Bytes as a person reads them: 300 MiB, 12 KiB, 512 bytes."""
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            whole, part = divmod(size * 10 // factor, 10)
            return f"{whole}.{part} {unit}" if part and whole < 100 else f"{whole} {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"


# ---- writing --------------------------------------------------------------------------


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace the file at `path` with `data`, or leave it exactly as it was.

    The bytes go to a new file in the same folder, are flushed to disk, read
    back and compared, and only then take the old file's place (with its
    permissions) in one rename. A failure at any step (a full disk, no
    permission, a file size limit) removes the new file and raises FileProblem.
    A path that is not a regular file (a folder, a named pipe, a device) is refused
    as what it is, before anything is written.
    """
    # The path itself is looked at, links followed, before it is resolved: /dev/stdout
    # into a pipe resolves to a name (`pipe:[123]`) that is in no folder at all.
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise _write_problem(exc, os.path.dirname(os.path.abspath(path))) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        kind = stat.S_IFMT(existing.st_mode)
        raise FileProblem("not-replaceable", hint="kind-folder" if kind == stat.S_IFDIR else None,
                          kind=_kind(kind))
    target = os.path.realpath(path)  # a symlink's target is replaced, not the link
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise _write_problem(exc, folder) from None
    try:
        try:
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode))
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if read_bytes(temporary, max(len(data), 1)) != data:
            raise FileProblem("read-back")
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _write_problem(exc, folder) from None
        raise
    _sync_folder(folder)


# How to fix a write the system refused, by its errno: only a refusal of permission speaks
# of permissions; any other errno gets the general hint (`hint.file.write`).
_WRITE_HINTS = {errno.EACCES: "write-denied", errno.EPERM: "write-denied", errno.ENOENT: "write-no-folder",
                errno.ENOTDIR: "write-not-folder", errno.ENOSPC: "write-full", errno.EDQUOT: "write-full",
                errno.EROFS: "write-read-only", errno.EFBIG: "write-too-large",
                errno.ENAMETOOLONG: "write-long-name"}


def _write_problem(exc: OSError, folder: str) -> FileProblem:
    return FileProblem("write", hint=_WRITE_HINTS.get(exc.errno or 0, "write"), reason=_reason(exc),
                       folder=_quoted(folder))


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; where a folder cannot be opened, nothing is lost but that."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
