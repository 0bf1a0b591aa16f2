"""The fake's CDN: attachments at signed, expiring URLs, fetched without a token, like Discord's CDN."""

from __future__ import annotations

import aiohttp

from tests.fakediscord import FakeDiscord
from tests.fakediscord.conftest import Clock


def _put(fake: FakeDiscord, data: bytes = b"# Notes\n") -> dict[str, object]:
    return fake.cdn.put(fake.new_id(), 0, "notes.md", data, "text/markdown", ephemeral=True)


async def _get(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


async def test_a_signed_url_serves_the_bytes_without_a_token(fake: FakeDiscord) -> None:
    attachment = _put(fake)
    url = str(attachment["url"])
    assert url.startswith(f"http://127.0.0.1:{fake.port}/ephemeral-attachments/")
    assert {"ex", "is", "hm"} <= set(url.split("?", 1)[1].replace("&", "=").split("="))
    assert attachment["size"] == 8
    assert await _get(url) == (200, b"# Notes\n")


async def test_a_wrong_signature_or_unknown_file_is_404(fake: FakeDiscord) -> None:
    url = str(_put(fake)["url"])
    tampered = url.replace("hm=", "hm=0")
    assert (await _get(tampered))[0] == 404
    assert (await _get(url.split("?", 1)[0]))[0] == 404  # the signature is required
    assert (await _get(url.replace("notes.md", "other.md")))[0] == 404
    assert [status for _, status in fake.cdn.downloads] == [404, 404, 404]


async def test_an_expired_link_is_404(fake: FakeDiscord, clock: Clock) -> None:
    url = str(_put(fake)["url"])
    clock.now += fake.cdn.ttl - 1
    assert (await _get(url))[0] == 200
    clock.now += 2
    assert (await _get(url))[0] == 404
