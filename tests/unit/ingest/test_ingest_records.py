"""JSON, JSON Lines and CSV: one article per record; a bad record is reported where it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tocsin.ingest import InputProblem, ReadOptions, article_id, default_outlet_patterns, read_file
from tocsin.records import Article

GOOD = {
    "id": "w-1",
    "text": "Lithuania summoned the Belarusian envoy on Tuesday.",
    "title": "Envoy summoned",
    "url": "https://example.org/1",
    "outlet": "Example Wire",
    "published": "2025-01-07",
}


def _split(items: list) -> tuple[list[Article], list[InputProblem]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


def test_jsonl_fields_map_to_the_article(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    [article] = read(path)
    assert article == Article(
        id="w-1",
        text=GOOD["text"],
        title="Envoy summoned",
        url="https://example.org/1",
        outlet="Example Wire",
        outlet_source="input",
        published=dt.date(2025, 1, 7),
        published_precision="day",
        source_path=str(path),
    )


def test_jsonl_without_id_gets_the_text_hash(tmp_path: Path, read) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": " Kyiv said so. ", "published": "2025-01"}) + "\n")
    [article] = read(path)
    assert article.id == article_id("Kyiv said so.")
    assert (article.published, article.published_precision) == (dt.date(2025, 1, 1), "month")
    assert article.outlet is None and article.outlet_source is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ('{"title": "no text"}', "missing field 'text'"),
        ('{"text": 42}', "field 'text' must be a string, got int"),
        ('["a", "list"]', "expected a JSON object, got list"),
        ('{"text": "   "}', "empty text"),
    ],
)
def test_malformed_jsonl_line_is_reported_and_the_rest_goes_on(
    tmp_path: Path, read, line: str, reason: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "Belarus moved troops."})
    other = json.dumps({"text": "Ukraine denied it."})
    path.write_text(f"{good}\n\n{line}\n{other}\n", encoding="utf-8")
    articles, problems = _split(read(path))
    assert [a.text for a in articles] == ["Belarus moved troops.", "Ukraine denied it."]
    assert problems == [InputProblem(f"{path}:3", reason)]


def test_jsonl_line_with_invalid_utf8(tmp_path: Path, read) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    articles, problems = _split(read(path))
    assert len(articles) == 1
    assert problems[0].source == f"{path}:2"
    assert problems[0].reason.startswith("not valid UTF-8 at byte 13")


def test_oversized_jsonl_line_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "x" * 5000})
    path.write_text(f'{{"text": "small"}}\n{big}\n{{"text": "after"}}\n')
    opts = ReadOptions(max_bytes=1000, outlets=default_outlet_patterns())
    articles, problems = _split(list(read_file(path, opts)))
    assert [a.text for a in articles] == ["small", "after"]
    assert problems == [
        InputProblem(f"{path}:2", "record too large (over 1,000 bytes; raise it with --max-bytes)")
    ]


def test_jsonl_with_only_blank_lines(tmp_path: Path, read) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n   \n")
    assert read(path) == [InputProblem(str(path), "no records (only blank lines)")]


def test_json_object_and_list(tmp_path: Path, read) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GOOD))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([GOOD, {"title": "x"}, {"text": "Second."}]))
    [article] = read(one)
    assert article.id == "w-1"
    articles, problems = _split(read(many))
    assert [a.text for a in articles] == [GOOD["text"], "Second."]
    assert problems == [InputProblem(f"{many}[1]", "missing field 'text'")]


@pytest.mark.parametrize(
    ("content", "source_suffix", "reason"),
    [
        ('{"text": "a",\n  oops}', ":2", "invalid JSON"),
        ("[]", "", "empty JSON list"),
        ('"just a string"', "", "expected a JSON object or list, got str"),
    ],
)
def test_bad_json_files(tmp_path: Path, read, content: str, source_suffix: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    [problem] = read(path)
    assert problem.source == f"{path}{source_suffix}"
    assert problem.reason.startswith(reason)


def test_csv_columns_and_line_numbers(tmp_path: Path, read) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "id,title,text,published,extra\n"
        'a1,First,"Belarus moved troops.\nA second line.",2024-07-02,ignored\n'
        "a2,Missing,,2024-07-03,\n"
        ",,,,\n"
        'a3,Third,"Kyiv said, ""no"".",July 2024,\n',
        encoding="utf-8",
    )
    articles, problems = _split(read(path))
    assert [(a.id, a.title, a.text) for a in articles] == [
        ("a1", "First", "Belarus moved troops.\nA second line."),
        ("a3", "Third", 'Kyiv said, "no".'),
    ]
    assert articles[1].published_precision == "month"
    # a1 spans lines 2-3, so a2 starts on line 4; the all-blank row on line 5 is skipped.
    assert problems == [InputProblem(f"{path}:4", "empty text")]


def test_csv_with_bom_and_without_text_column(tmp_path: Path, read) -> None:
    ok = tmp_path / "bom.csv"
    ok.write_bytes(b"\xef\xbb\xbftext,outlet\nMinsk said so.,Example Wire\n")
    no_text = tmp_path / "notext.csv"
    no_text.write_text("body,outlet\nMinsk said so.,Example Wire\n")
    [article] = read(ok)
    assert (article.text, article.outlet, article.outlet_source) == (
        "Minsk said so.",
        "Example Wire",
        "input",
    )
    assert read(no_text) == [InputProblem(str(no_text), "no 'text' column (columns: body, outlet)")]


def test_csv_invalid_utf8_keeps_the_rows_before_it(tmp_path: Path, read) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"text\nfirst row\ncaf\xe9 row\nlast row\n")
    articles, problems = _split(read(path))
    assert [a.text for a in articles] == ["first row"]
    assert problems == [InputProblem(f"{path}:3", "not valid UTF-8 at byte 18; rest of file skipped")]


def test_csv_with_only_a_header(tmp_path: Path, read) -> None:
    path = tmp_path / "header.csv"
    path.write_text("id,text\n,\n")
    assert read(path) == [InputProblem(str(path), "no records (only a header or blank rows)")]
