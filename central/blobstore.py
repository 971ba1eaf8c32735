"""Attachments outside the database: files named by their sha256 under one directory, written whole (temp file,
fsync, rename, fsync of the directory) and readable by the owner only. The bytes stored are what the caller gives
(central seals them first)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol


class BlobStore(Protocol):
    """What central needs of a blob backend; an object store would fit behind the same three calls."""

    def put(self, sha256: str, data: bytes) -> None: ...

    def get(self, sha256: str) -> bytes | None: ...

    def exists(self, sha256: str) -> bool: ...


class FileBlobStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.root, 0o700)

    def _path(self, sha256: str) -> Path:
        # two hex digits of fan-out keep any one directory at a few thousand entries per million blobs
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self._path(sha256).is_file()

    def get(self, sha256: str) -> bytes | None:
        try:
            return self._path(sha256).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, sha256: str, data: bytes) -> None:
        """Idempotent: a blob already there is left alone (same name, same content)."""
        path = self._path(sha256)
        if path.is_file():
            return
        path.parent.mkdir(mode=0o700, exist_ok=True)
        tmp = path.with_name(f".{sha256}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the name must survive a power cut as well as the bytes
        finally:
            os.close(dir_fd)
