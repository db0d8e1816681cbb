"""Atomic output files: the one way the engine writes a file a reader may open.

Every output (the timeline picture, the documentation pages, the exercise worksheet, the
scenario record) is written to a temporary file beside its target, in the same directory,
and then renamed onto the target with os.replace, which is atomic within one file system.
A reader sees the old file or the new one, never half of one; when writing fails, the old
file is left as it was and the temporary file is removed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def temporary_name(path: Path) -> Path:
    """A fresh hidden name beside `path`: `.NAME.<random>.tmp`."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


@contextmanager
def atomic_file(path: str | os.PathLike, *, binary: bool = False) -> Iterator[IO]:
    """Open a temporary file beside `path` for writing (text in UTF-8, or bytes); when the
    block ends without an exception, flush it to disk and rename it onto `path`. On any
    exception, or when the rename fails, remove the temporary file and re-raise."""
    path = Path(path)
    temporary = temporary_name(path)
    created = False
    try:
        # "x": created here, never someone else's file; with the user's umask, as any saved file
        with (open(temporary, "xb") if binary else open(temporary, "x", encoding="utf-8")) as out:
            created = True
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if created:
            temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike, data: bytes | str) -> None:
    """Write `data` (bytes as they are, text as UTF-8) to `path` atomically."""
    with atomic_file(path, binary=isinstance(data, bytes)) as out:
        out.write(data)
