"""Reading a CSV from an http(s) address (a published spreadsheet) through a local cache.

The cache lets a map be rebuilt offline and makes each run read one fixed
copy: a download goes to a temporary file and replaces the cached copy only
when complete. The server is asked whether its copy changed (ETag /
Last-Modified); ``offline`` reads the cache alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from pathlib import Path

from .atomic import atomic_write, write_bytes
from .csvfile import MAX_BYTES
from .errors import InputError

__all__ = ["is_url", "cache_dir", "cached_download"]

TIMEOUT = 30


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def cache_dir() -> Path:
    """$ARMAZ_CACHE_DIR, else the user cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    if os.environ.get("ARMAZ_CACHE_DIR"):
        return Path(os.environ["ARMAZ_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "armaz-conflict-maps"


def cached_download(url: str, *, offline: bool = False, folder: Path | None = None) -> Path:
    """The path of a cached copy of ``url``, refreshed from the server unless ``offline``."""
    folder = folder or cache_dir()
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    body, meta_path = folder / f"{key}.body", folder / f"{key}.json"
    if offline:
        if not body.is_file():
            raise InputError("not in the download cache; run once without --offline", path=url)
        return body
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot make the download cache: {exc.strerror}", path=str(folder)) from None
    meta = {}
    if body.is_file() and meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
    request = urllib.request.Request(url, headers={"User-Agent": "armaz-conflict-maps"})
    if meta.get("etag"):
        request.add_header("If-None-Match", meta["etag"])
    if meta.get("last_modified"):
        request.add_header("If-Modified-Since", meta["last_modified"])
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and body.is_file():
            return body
        raise InputError(f"download failed: HTTP {exc.code} {exc.reason}", path=url) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        hint = "; the cached copy is kept: use --offline to read it" if body.is_file() else ""
        raise InputError(f"download failed: {reason}{hint}", path=url) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MiB, the most this tool reads", path=url)
    write_bytes(body, data)
    with atomic_write(meta_path) as fh:
        json.dump({"url": url, "etag": headers.get("ETag"),
                   "last_modified": headers.get("Last-Modified")}, fh)
    return body
