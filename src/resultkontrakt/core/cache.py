"""A folder of work kept between runs: the user's own cache folder, holding plain data only.

`rk check` and `rk eval` start anew for every file, and most of what they do before they
print is reading the contract: the same text, read the same way, as last time. An entry here
is what was read, as plain data (`plaindata.py`, JSON: never `pickle`), under a name made
from a hash of everything it depends on. An entry that cannot be read, or is not what the
name promises, is ignored and written again: the cache can make a run faster, never
different.

Where: `$RK_CACHE_DIR` if set; else the platform's cache folder (`$XDG_CACHE_HOME` or
`~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows), in
`resultkontrakt/`. `RK_NO_CACHE=1` turns it off. The folder is made readable by its owner
only, and is not used at all if someone else owns it or others may write in it: only the
user can put an entry there, and that user can change their contracts anyway.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import sys

from .files import FileProblem, read_bytes, write_atomically

# No entry is larger than this; a larger file in the folder is not read.
MAX_ENTRY_BYTES = 64 * 2**20

OFF = "RK_NO_CACHE"
WHERE = "RK_CACHE_DIR"


def key(*parts: str | bytes) -> str:
    """A file name for an entry that depends on exactly `parts`."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def folder() -> str | None:
    """The cache folder, made if needed; None when the cache is off or the folder is not safe."""
    if os.environ.get(OFF, "").strip() not in ("", "0"):
        return None
    return _folder(os.environ.get(WHERE) or os.path.join(_platform_folder(), "resultkontrakt"))


@functools.cache
def _folder(path: str) -> str | None:
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return None  # someone else could have written what is in it
    return path


def _platform_folder() -> str:
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        return os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches")
    return os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")


def read(kind: str, name: str) -> bytes | None:
    """The entry's bytes as written, or None: there is none, it is not a regular file of
    bounded size, or its bytes are not those written (a damaged disk, a file cut short)."""
    where = folder()
    if where is None:
        return None
    try:
        stored = read_bytes(os.path.join(where, kind, name), MAX_ENTRY_BYTES)
    except FileProblem:
        return None
    digest, _, data = stored.partition(b"\n")
    if digest != checksum(data):
        return None
    return data


def write(kind: str, name: str, data: bytes) -> None:
    """Keep `data` as the entry; a cache that cannot be written only costs time. The oldest
    entries of the kind go when there are more than KEEP."""
    where = folder()
    if where is None or len(data) > MAX_ENTRY_BYTES:
        return
    try:
        place = os.path.join(where, kind)
        os.makedirs(place, mode=0o700, exist_ok=True)
        write_atomically(os.path.join(place, name), checksum(data) + b"\n" + data)
        _prune(place)
    except (OSError, FileProblem):
        pass


# Entries kept of each kind: every contract a user works on, and its recent versions.
KEEP = 256


def _prune(place: str) -> None:
    entries = [entry for entry in os.scandir(place) if entry.is_file(follow_symlinks=False)]
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns)
    for entry in entries[:len(entries) - KEEP]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)


def checksum(data: bytes) -> bytes:
    """What an entry's first line holds: the hash of the rest."""
    return hashlib.sha256(data).hexdigest().encode("ascii")
