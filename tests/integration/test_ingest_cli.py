"""``tocsin ingest`` as a user runs it: bad inputs reported one line each, good ones stored,
re-runs idempotent, and a SIGKILL mid-run leaves a healthy store that a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tocsin.ingest import article_id
from tocsin.store import Store

TIMEOUT = 600  # seconds; loading the pipeline takes a few, coding these articles a few more

ACTORS = ("Belarus", "Ukraine", "Russia", "Poland", "Lithuania")
ACTIONS = (
    "moved air defence units to its border with {other}",
    "accused {other} of sending drones across the border",
    "held talks with {other} on border security",
    "called up reservists near the border with {other}",
)


def _article(i: int) -> str:
    """A short, distinct, hand-written-style article (tocsin writes its own test data)."""
    actor = ACTORS[i % len(ACTORS)]
    other = ACTORS[(i + 1) % len(ACTORS)]
    action = ACTIONS[i % len(ACTIONS)].format(other=other)
    return (
        f"{actor} {action} on June {1 + i % 28}, officials said in report number {i}.\n\n"
        f"{other} said it was watching the situation and would respond if needed."
    )


def _ingest(*args: str | Path, db: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tocsin", "ingest", *map(str, args), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _stored_ids(db: Path) -> list[str]:
    with Store.open(str(db)) as store:
        return [row["id"] for row in store.articles()]


def _bad_input_folder(root: Path) -> dict[str, str]:
    """The issue-2 folder; returns {bad file name: expected reason fragment}."""
    root.mkdir()
    (root / "good.txt").write_text(_article(1), encoding="utf-8")
    (root / "good.md").write_text("# Border\n\n" + _article(2), encoding="utf-8")
    lines = [json.dumps({"text": _article(3)}), "{this is not json", json.dumps({"text": _article(4)})]
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "latin1.txt").write_bytes("Belarus said the caf\u00e9 was closed.".encode("latin-1"))
    with open(root / "huge.txt", "wb") as handle:  # a real 50 MB text file
        block = (_article(5) + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "latin1.txt": "not valid UTF-8 at byte 20",
        "wire.jsonl:2": "invalid JSON",
        "huge.txt": "too large",
    }


@pytest.mark.issue(2)
def test_bad_inputs_are_reported_and_good_ones_stored(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    bad = _bad_input_folder(folder)
    db = tmp_path / "store" / "tocsin.db"

    first = _ingest(folder, "--max-bytes", "1000000", db=db)

    assert first.returncode == 1, first.stderr  # partial: some inputs bad, some stored
    lines = first.stderr.splitlines()
    for name, reason in bad.items():
        source = f"{folder}{os.sep}{name}"
        mentions = [line for line in lines if source in line]
        assert len(mentions) == 1, f"{name} reported {len(mentions)} times:\n{first.stderr}"
        assert mentions[0].startswith(f"{source}: ") and reason in mentions[0], mentions[0]
    assert "4 articles read: 4 new, 0 already stored" in first.stderr
    assert "5 problems" in first.stderr
    expected = {article_id(_article(i)) for i in (1, 3, 4)} | {article_id("# Border\n\n" + _article(2))}
    assert set(_stored_ids(db)) == expected

    again = _ingest(folder, "--max-bytes", "1000000", db=db)

    assert again.returncode == 1, again.stderr  # the bad files are still bad
    assert "4 articles read: 0 new, 4 already stored" in again.stderr
    assert sorted(_stored_ids(db)) == sorted(expected)
    with Store.open(str(db)) as store:
        assert store.integrity_check() == []


@pytest.mark.issue(2)
def test_all_bad_inputs_exit_2_and_store_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "tocsin.db"

    proc = _ingest(folder, tmp_path / "missing.txt", db=db)

    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in ("empty.txt", "binary.txt", "notes.pdf"):
        assert f"{folder / name}: " in proc.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in proc.stderr
    assert "0 articles read" in proc.stderr
    assert _stored_ids(db) == []


def test_unusable_store_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_article(0))
    proc = _ingest(tmp_path / "a.txt", db="mysql://nowhere/db")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [(("--no-such-flag",), "No such option"), (("--batch-size", "many"), "Invalid value")],
)
def test_usage_errors_are_a_message_not_a_traceback(
    tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    (tmp_path / "a.txt").write_text(_article(0))
    proc = _ingest(tmp_path / "a.txt", *extra, db=tmp_path / "s.db")
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "s.db").exists()


def _count_articles(db: Path) -> int:
    """Rows in the article table, read-only, without touching the writer's schema."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy for a moment
        return 0


@pytest.mark.issue(2)
def test_sigkill_mid_run_leaves_a_healthy_store_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = [_article(i) for i in range(40)]
    for i, text in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "tocsin.db"
    cmd = [sys.executable, "-m", "tocsin", "ingest", str(folder), "--db", str(db), "--batch-size", "1"]

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while _count_articles(db) < 3:
            assert proc.poll() is None, f"ingest ended before it was killed:\n{proc.stderr.read()}"
            assert time.monotonic() < deadline, "no article stored in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    with Store.open(str(db)) as store:
        assert store.integrity_check() == []
        stored_at_kill = store.counts()["articles"]
    assert 3 <= stored_at_kill < 40, "the kill came too late to test anything"

    rerun = _ingest(folder, db=db)

    assert rerun.returncode == 0, rerun.stderr
    assert f"40 articles read: {40 - stored_at_kill} new, {stored_at_kill} already stored" in rerun.stderr
    ids = _stored_ids(db)
    assert len(ids) == len(set(ids)) == 40
    assert set(ids) == {article_id(t) for t in texts}
    with Store.open(str(db)) as store:
        assert store.integrity_check() == []
