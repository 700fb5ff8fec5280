"""HTML pages (main text + metadata) and RSS/Atom feed files (one article per entry)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tocsin.ingest import InputProblem
from tocsin.ingest.html_text import strip_html
from tocsin.records import Article

PAGE = """<!doctype html>
<html><head>
<meta charset="{charset}">
<title>Belarus calls up reservists - Baltic Courier</title>
<meta property="og:site_name" content="Baltic Courier">
<meta property="article:published_time" content="2024-07-02T08:00:00Z">
<link rel="canonical" href="https://courier.example/2024/07/02/reservists">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Belarus calls up reservists</h1>
<p>Belarus has started calling up reservists near its border with Ukraine,
the defence ministry in Minsk said on Tuesday.</p>
<p>The ministry said the drills would last two weeks and involve several thousand
troops from the western command, {word}.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""


def test_html_page_main_text_and_metadata(tmp_path: Path, read) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8", word="officials said"), encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert "calling up reservists near its border with Ukraine" in article.text
    assert "Subscribe" not in article.text and "Home" not in article.text
    assert article.title == "Belarus calls up reservists"
    assert article.url == "https://courier.example/2024/07/02/reservists"
    assert (article.outlet, article.outlet_source) == ("Baltic Courier", "input")
    assert (article.published, article.published_precision) == (dt.date(2024, 7, 2), "day")


def test_html_declared_charset_is_honoured(tmp_path: Path, read) -> None:
    path = tmp_path / "legacy.htm"
    path.write_bytes(PAGE.format(charset="windows-1252", word="caf\u00e9 owners said").encode("cp1252"))
    [article] = read(path)
    assert "caf\u00e9 owners said" in article.text


def test_html_without_main_text(tmp_path: Path, read) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><img src='x.png'></body></html>")
    assert read(path) == [InputProblem(str(path), "no main text found in the HTML page")]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Baltic Courier - Eastern Europe</title>
<link>https://courier.example</link>
<item>
  <title>Ukraine reinforces northern border</title>
  <link>https://courier.example/a</link>
  <pubDate>Wed, 22 Jan 2025 09:30:00 GMT</pubDate>
  <description>&lt;p&gt;Ukraine moved border guard units to Volyn,
  &lt;b&gt;officials&lt;/b&gt; said.&lt;/p&gt;&lt;p&gt;Minsk was silent.&lt;/p&gt;</description>
</item>
<item>
  <title>Empty item</title>
  <link>https://courier.example/b</link>
  <description></description>
</item>
<item>
  <title>Belarus accuses Poland</title>
  <link>https://courier.example/c</link>
  <description>Belarus accused Poland of violating its airspace &amp; Warsaw denied it.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Border Monitor</title>
  <id>urn:example:feed</id>
  <updated>2024-06-30T00:00:00Z</updated>
  <entry>
    <title>Drone downed</title>
    <link href="https://monitor.example/drone"/>
    <id>urn:example:1</id>
    <updated>2024-06-29T12:00:00Z</updated>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Belarus said its air defences downed a drone on June 28.&lt;/p&gt;
    &lt;p&gt;Kyiv dismissed the claim.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_articles(tmp_path: Path, read) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    first, problem, third = read(path)
    assert first.text == "Ukraine moved border guard units to Volyn, officials said.\n\nMinsk was silent."
    assert (first.title, first.url) == ("Ukraine reinforces northern border", "https://courier.example/a")
    assert (first.published, first.published_precision) == (dt.date(2025, 1, 22), "day")
    assert (first.outlet, first.outlet_source) == ("Baltic Courier", "input")
    assert problem == InputProblem(f"{path}: entry 2", "empty text")
    assert third.text == "Belarus accused Poland of violating its airspace & Warsaw denied it."
    assert third.published is None


def test_atom_prefers_content_over_summary(tmp_path: Path, read) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = read(path)
    assert (
        entry.text == "Belarus said its air defences downed a drone on June 28.\n\nKyiv dismissed the claim."
    )
    assert (entry.url, entry.outlet, entry.published) == (
        "https://monitor.example/drone",
        "Border Monitor",
        dt.date(2024, 6, 29),
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<html><body><p>Just a page</p></body></html>", "not"),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "feed has no entries",
        ),
        ("\x3c\x3c\x3c this is not XML at all", "not"),
    ],
)
def test_bad_feeds(tmp_path: Path, read, content: str, reason: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content)
    [problem] = read(path)
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith(reason)


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("plain text", "plain text"),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("A&nbsp;B &amp; C", "A B & C"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("Line<br>break", "Line\nbreak"),
        ("<p>source\nline  breaks</p>", "source line breaks"),
        ("<pre>kept\nas is</pre>", "kept\nas is"),
        ("<script>var x=1;</script><p>Kept</p><style>p{}</style>", "Kept"),
    ],
)
def test_strip_html(fragment: str, text: str) -> None:
    assert strip_html(fragment) == text
