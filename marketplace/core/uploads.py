"""Uploaded files: type checked by content (not by name), size-limited, stored outside the web root
under instance/uploads/ with a random key, and served only through views that check access."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from flask import current_app, send_file
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from marketplace.core.errors import ValidationFailed

# Accepted types, recognised by their first bytes ("magic numbers").
SIGNATURES: dict[str, list[tuple[bytes, int]]] = {
    "image/jpeg": [(b"\xff\xd8\xff", 0)],
    "image/png": [(b"\x89PNG\r\n\x1a\n", 0)],
    "image/webp": [(b"WEBP", 8)],
    "application/pdf": [(b"%PDF-", 0)],
}
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
DOCUMENT_TYPES = frozenset({"application/pdf"})
MAX_IMAGE_BYTES = 5 * 1024 * 1024  # defaults; config UPLOAD_MAX_IMAGE_BYTES / UPLOAD_MAX_DOCUMENT_BYTES
MAX_DOCUMENT_BYTES = 15 * 1024 * 1024


def max_image_bytes() -> int:
    return int(current_app.config.get("UPLOAD_MAX_IMAGE_BYTES") or MAX_IMAGE_BYTES)


def max_document_bytes() -> int:
    return int(current_app.config.get("UPLOAD_MAX_DOCUMENT_BYTES") or MAX_DOCUMENT_BYTES)


_KEY = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class StoredFile:
    storage_key: str
    content_type: str
    size: int
    sha256: str
    original_name: str

    def columns(self) -> dict:
        """The file's columns as every stored-file model names them."""
        return {
            "original_name": self.original_name,
            "storage_key": self.storage_key,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }


def sniff(head: bytes) -> str | None:
    for content_type, signatures in SIGNATURES.items():
        for magic, offset in signatures:
            if head[offset : offset + len(magic)] == magic and (
                content_type != "image/webp" or head[:4] == b"RIFF"
            ):
                return content_type
    return None


def clean_name(name: str | None) -> str:
    """The file's own name only (no directories, no control characters), at most 200 characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    return base[:200] or "file"


def root() -> Path:
    return Path(current_app.config.get("UPLOAD_DIR") or Path(current_app.instance_path) / "uploads")


def path_for(storage_key: str) -> Path:
    if not _KEY.match(storage_key):  # never build a path from anything but our own keys
        raise ValueError("bad storage key")
    return root() / storage_key[:2] / storage_key


def store(
    upload: FileStorage | None, *, allowed: frozenset[str], max_bytes: int, field: str = "file"
) -> StoredFile:
    """Check and store an upload; raise ValidationFailed (translated) and store nothing if refused."""
    if upload is None or not upload.filename:
        raise ValidationFailed({field: [str(_l("Choose a file to upload."))]})
    try:
        data = upload.stream.read(max_bytes + 1)
    finally:
        upload.close()
    if len(data) > max_bytes:
        raise ValidationFailed(
            {field: [str(_l("The file is larger than %(mb)s MB.", mb=round(max_bytes / (1024 * 1024), 1)))]}
        )
    if not data:
        raise ValidationFailed({field: [str(_l("The file is empty."))]})
    content_type = sniff(data[:16])
    if content_type not in allowed:
        kinds = ", ".join(sorted(t.split("/")[1].upper() for t in allowed))
        raise ValidationFailed(
            {field: [str(_l("This type of file is not accepted here. Use: %(kinds)s.", kinds=kinds))]}
        )
    key = uuid.uuid4().hex
    target = path_for(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return StoredFile(
        key, content_type, len(data), hashlib.sha256(data).hexdigest(), clean_name(upload.filename)
    )


def send(storage_key: str, content_type: str, download_name: str, *, inline: bool):
    response = send_file(
        path_for(storage_key),
        mimetype=content_type,
        as_attachment=not inline,
        download_name=download_name,
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store" if not inline else "private, max-age=300"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
