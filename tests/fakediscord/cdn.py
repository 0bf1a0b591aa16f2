"""The fake's CDN: attachment bytes served over loopback at signed, expiring URLs, as Discord's CDN does.

Discord hands out attachment URLs such as ``https://cdn.discordapp.com/ephemeral-attachments/<channel>/
<id>/notes.md?ex=<hex expiry>&is=<hex issue>&hm=<hmac>``.
``discord.Attachment.read()`` does a plain GET of ``url`` without an Authorization header. A wrong
signature or an expired link answers 404, like the real CDN. Files the bot sends (multipart
``files[n]``) are stored here too, so a test can download what the bot attached.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from aiohttp import web

#: How long a signed link works, in seconds of the fake's clock (Discord: about a day).
DEFAULT_TTL = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class Upload:
    """A file a member attaches to a slash command option of type 11."""

    filename: str
    data: bytes
    content_type: str = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file on the CDN."""

    id: int
    filename: str
    data: bytes
    content_type: str


class FakeCdn:
    """Stores files and serves them at signed URLs that expire after ``ttl`` seconds."""

    def __init__(
        self, base_url: Callable[[], str], clock: Callable[[], float], ttl: float = DEFAULT_TTL
    ) -> None:
        self._base_url = base_url
        self._clock = clock
        self.ttl = ttl
        self._secret = secrets.token_bytes(16)
        self.files: dict[str, StoredFile] = {}
        self.downloads: list[tuple[str, int]] = []  # (path, status)

    def _signature(self, path: str, expires: int, issued: int) -> str:
        message = f"{path}|{expires:x}|{issued:x}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def put(
        self, file_id: int, channel_id: int, filename: str, data: bytes, content_type: str, *, ephemeral: bool
    ) -> dict[str, Any]:
        """Store ``data`` and return Discord's attachment object for it (with a freshly signed URL)."""
        folder = "ephemeral-attachments" if ephemeral else "attachments"
        path = f"/{folder}/{channel_id}/{file_id}/{quote(filename)}"
        self.files[path] = StoredFile(file_id, filename, data, content_type)
        issued = int(self._clock())
        expires = int(issued + self.ttl)
        query = f"ex={expires:x}&is={issued:x}&hm={self._signature(path, expires, issued)}&"
        url = f"{self._base_url()}{path}?{query}"
        attachment: dict[str, Any] = {
            "id": str(file_id),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }
        if ephemeral:
            attachment["ephemeral"] = True
        return attachment

    def serves(self, path: str) -> bool:
        """Whether ``path`` is a CDN path (not the REST API)."""
        return path.startswith(("/attachments/", "/ephemeral-attachments/"))

    async def handle(self, request: web.Request) -> web.Response:
        """GET of a signed URL: the bytes, or 404 for an unknown file, a bad signature or an expired link."""
        path = request.raw_path.split("?", 1)[0]
        status, response = self._answer(request, path)
        self.downloads.append((path, status))
        return response

    def _answer(self, request: web.Request, path: str) -> tuple[int, web.Response]:
        not_found = web.Response(status=404, text="This content is no longer available.")
        stored = self.files.get(path)
        if request.method != "GET" or stored is None:
            return 404, not_found
        try:
            expires = int(request.query.get("ex", ""), 16)
            issued = int(request.query.get("is", ""), 16)
        except ValueError:
            return 404, not_found
        signature = request.query.get("hm", "")
        if not hmac.compare_digest(signature, self._signature(path, expires, issued)):
            return 404, not_found
        if self._clock() > expires:
            return 404, not_found
        body = web.Response(status=200, body=stored.data)
        body.headers["Content-Type"] = stored.content_type
        return 200, body
