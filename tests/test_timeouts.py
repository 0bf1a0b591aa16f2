"""A hung test fails after its timeout and the log names the task it was stuck on, and every thread."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

HUNG_TESTS = """
import asyncio
import threading


async def wait_for_the_database() -> None:
    await asyncio.get_running_loop().create_future()  # an answer that never comes


async def test_hangs_on_a_task() -> None:
    culprit = asyncio.create_task(wait_for_the_database(), name="the-culprit")
    await culprit


def test_hangs_in_a_thread() -> None:
    stuck = threading.Thread(target=threading.Event().wait, name="the-stuck-thread", daemon=True)
    stuck.start()
    stuck.join()


async def ignores_cancellation() -> None:
    while True:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            continue


async def test_fails_and_then_its_event_loop_hangs_closing() -> None:
    asyncio.create_task(ignores_cancellation(), name="the-teardown-culprit")
    await asyncio.sleep(0)
    raise AssertionError("fails first")


def test_after_the_hangs_the_session_goes_on() -> None:
    pass
"""


def test_the_suite_has_a_per_test_timeout(pytestconfig: pytest.Config) -> None:
    assert 0 < float(pytestconfig.getini("timeout")) <= 300
    assert pytestconfig.pluginmanager.has_plugin("timeout")


def test_a_timeout_dumps_the_tasks_and_threads_and_names_the_culprit(tmp_path: Path) -> None:
    (tmp_path / "test_hung.py").write_text(HUNG_TESTS, encoding="utf-8")
    # the project's own conftest and settings, with this file as the only test and a short timeout
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "timeout=2",
            f"--rootdir={REPO}",
            "-c",
            str(REPO / "pyproject.toml"),
            "--confcutdir",
            str(REPO),
            "-p",
            "tests.conftest",
            str(tmp_path / "test_hung.py"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "3 failed, 1 passed, 1 error" in out, out
    assert "Timeout: over 2.0 s" in out, out
    # the task dump: the culprit's name and the line where it waits
    task_dump = out.split("hung: asyncio tasks")[1]
    assert "task 'the-culprit'" in task_dump, out
    assert "in wait_for_the_database" in task_dump, out
    assert 'test_hung.py", line 7' in task_dump, out
    # a failed test stops pytest-timeout's timer; the loop's teardown is still timed and dumped
    assert "ERROR at teardown of test_fails_and_then_its_event_loop_hangs_closing" in out, out
    assert "task 'the-teardown-culprit'" in out, out
    assert "in _cancel_all_tasks" in out, out
    # the thread dump: the stuck thread's stack, and the main thread's
    assert "thread the-stuck-thread (daemon)" in out, out
    assert "in test_hangs_in_a_thread" in out, out
