"""A writer killed mid-ingest, and two writers at once, leave a consistent store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tocsin.store import Store

ROOT = Path(__file__).resolve().parents[2]

# Saves copies of the sample article under new ids until killed (or until `n` are saved).
WRITER = """
import dataclasses, sys
from tests.store.conftest import blr_article
from tocsin.store import Store

url, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = blr_article()
with Store.open(url) as store:
    for i in range(n):
        art = dataclasses.replace(base.article, id=f"{prefix}{i:06d}")
        store.save(dataclasses.replace(base, article=art))
        if i == 20:
            print("saving", flush=True)
"""


def _writer(url: str, prefix: str, n: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, prefix, str(n)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_whole_articles(store: Store) -> None:
    counts = store.counts()
    # Every stored article carries all its rows: 2 events, 5 event actors, 1 claim, 1 stance.
    assert counts["events"] == 2 * counts["articles"]
    assert counts["event_actors"] == 5 * counts["articles"]
    assert counts["claims"] == counts["stances"] == counts["articles"]
    assert store.integrity_check() == []


def test_sigkill_mid_ingest_leaves_a_healthy_store(store_url: str) -> None:
    writer = _writer(store_url, "k", 100_000)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "saving", writer.stderr.read() if writer.stderr else ""
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    with Store.open(store_url) as store:
        assert store.counts()["articles"] > 20
        _assert_whole_articles(store)


def test_two_writers_at_once_both_finish(store_url: str) -> None:
    Store.open(store_url).close()  # migrate first, so the writers only race on inserts
    writers = [_writer(store_url, prefix, 60) for prefix in ("a", "b")]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    with Store.open(store_url) as store:
        assert store.counts()["articles"] == 120
        _assert_whole_articles(store)
