"""http(s) URLs the user names: fetched once, at the edge, then read like a file.

Only ever called for a URL given on the command line or to the API; nothing in
tocsin fetches on its own. The response is read up to the byte limit and handed to
the reader its Content-Type calls for (HTML by default).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

from tocsin.ingest.build import ReadOptions, make_article
from tocsin.ingest.decode import decode_text, too_large
from tocsin.ingest.feed_reader import feed_to_articles
from tocsin.ingest.html_reader import html_to_article
from tocsin.ingest.problems import InputProblem
from tocsin.records import Article

USER_AGENT = "tocsin/0.1 (news event coder)"
TIMEOUT_SECONDS = 30.0
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_url(
    url: str, options: ReadOptions, *, timeout: float = TIMEOUT_SECONDS
) -> Iterator[Article | InputProblem]:
    fetched = fetch(url, max_bytes=options.max_bytes, timeout=timeout)
    if isinstance(fetched, InputProblem):
        yield fetched
        return
    data, headers, final_url = fetched
    content_type = headers.get_content_type()
    charset = headers.get_content_charset()
    if content_type in _FEED_TYPES or final_url.endswith((".rss", ".atom", ".xml")):
        yield from feed_to_articles(data, url, options, source_path=url)
    elif content_type == "text/plain":
        text = decode_text(data, url, charset=charset)
        yield text if isinstance(text, InputProblem) else make_article(text, url, options, url=final_url)
    else:
        yield html_to_article(data, url, options, charset=charset, url=final_url, source_path=url)


def fetch(url: str, *, max_bytes: int, timeout: float) -> tuple[bytes, Message, str] | InputProblem:
    """Body, headers and final URL (after redirects), or why not."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                return InputProblem(url, too_large(int(length), max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                return InputProblem(url, too_large(len(data), max_bytes))
            if not data.strip():
                return InputProblem(url, "empty response")
            return data, response.headers, response.geturl()
    except urllib.error.HTTPError as err:
        return InputProblem(url, f"HTTP {err.code} {err.reason}")
    except urllib.error.URLError as err:
        return InputProblem(url, f"cannot fetch: {err.reason}")
    except TimeoutError:
        return InputProblem(url, f"timed out after {timeout:g} s")
    except OSError as err:
        return InputProblem(url, f"cannot fetch: {err}")
