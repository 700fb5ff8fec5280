"""``read_inputs``: folders walked in order, every input read or reported, URLs fetched locally."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin.ingest import InputProblem, read_inputs
from tocsin.records import Article


def _layout(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a.txt").write_text("First article text.")
    (root / "b" / "c.md").write_text("# Heading\n\nSecond article.")
    (root / "b" / "d.jsonl").write_text('{"text": "Third."}\n{"text": "Fourth."}\n')
    (root / "notes.pdf").write_bytes(b"%PDF")
    (root / ".hidden.txt").write_text("never read")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("never read")


def test_folder_is_walked_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    _layout(tmp_path)
    items = list(read_inputs([tmp_path], max_bytes=10_000))
    texts = [i.text for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert texts == ["First article text.", "# Heading\n\nSecond article.", "Third.", "Fourth."]
    assert [p.source for p in problems] == [str(tmp_path / "notes.pdf")]


def test_mixed_inputs_keep_their_order_and_missing_paths_are_reported(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("One.")
    items = list(read_inputs([str(tmp_path / "missing"), one], max_bytes=10_000))
    assert items[0] == InputProblem(str(tmp_path / "missing"), "no such file or directory")
    assert isinstance(items[1], Article) and items[1].text == "One."


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def guess_type(self, path):  # type: ignore[no-untyped-def]
        if str(path).endswith(".rss"):
            return "application/rss+xml"
        return super().guess_type(path)


@pytest.fixture
def local_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An http.server on 127.0.0.1 serving a temp dir (no outside network)."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site
    finally:
        server.shutdown()
        server.server_close()


PAGE = (
    "<html><head><title>Drills near the border</title></head><body><article>"
    "<h1>Drills near the border</h1><p>{body}</p></article></body></html>"
)
BODY = (
    "Belarus began military drills near the border with Lithuania on Monday, the defence "
    "ministry in Minsk said, adding that the exercise would last ten days."
)


def test_url_html_text_and_feed(local_site: tuple[str, Path]) -> None:
    base, site = local_site
    (site / "page.html").write_text(PAGE.format(body=BODY), encoding="utf-8")
    (site / "note.txt").write_text("Kyiv said the border was calm.", encoding="utf-8")
    (site / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
        "<item><title>T</title><link>http://x/1</link><description>Minsk denied it.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    page, note, entry = read_inputs(
        [f"{base}/page.html", f"{base}/note.txt", f"{base}/feed.rss"], max_bytes=100_000
    )
    assert isinstance(page, Article) and BODY in page.text
    assert page.url == f"{base}/page.html" and page.title == "Drills near the border"
    assert (page.published, page.published_precision) == (None, "unknown")  # no date metadata
    assert isinstance(note, Article) and note.text == "Kyiv said the border was calm."
    assert note.url == f"{base}/note.txt"
    assert isinstance(entry, Article) and (entry.text, entry.outlet) == ("Minsk denied it.", "Local Wire")


def test_url_problems(local_site: tuple[str, Path]) -> None:
    base, site = local_site
    (site / "big.txt").write_text("x" * 5000)
    missing, big = read_inputs([f"{base}/nope.html", f"{base}/big.txt"], max_bytes=1000)
    assert missing == InputProblem(f"{base}/nope.html", "HTTP 404 File not found")
    assert isinstance(big, InputProblem)
    assert big.reason.startswith("too large: 5,000 bytes (limit 1,000")


def test_unreachable_url_is_a_problem_not_an_exception() -> None:
    # Port 9 on the loopback interface: nothing listens, the connection is refused at once.
    [problem] = read_inputs(["http://127.0.0.1:9/article.html"], max_bytes=1000)
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith("cannot fetch:")
