"""One battery for every registered stage and for the composed pipeline (STYLE.md §5)."""

from __future__ import annotations

import inspect
import json
from importlib import resources as importlib_resources

import jsonschema
import pytest

from tocsin import pipeline
from tocsin.api import make_article
from tocsin.registry import STAGES, get_stage

TEXTS = [
    "",
    "Belarus called up reservists near its border with Ukraine on Tuesday, the ministry said.",
    "Kyiv dismissed the claims. Minsk said its air defences downed a drone on June 28.\n"
    "- Launch talks with neighbours.\n| Action | Who |\n|---|---|\n| Impose sanctions | EU |",
]


@pytest.fixture(scope="module")
def schema() -> dict:
    path = importlib_resources.files("tocsin") / "schemas" / "annotate.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_stage_order_satisfies_reads() -> None:
    available = {"article"}
    for spec in STAGES:
        missing = set(spec.reads) - available
        assert not missing, f"{spec.name} reads {missing} before any stage writes it"
        available |= set(spec.writes)


def test_pipeline_calls_stages_in_registry_order() -> None:
    source = inspect.getsource(pipeline.code_article)
    functions = [spec.target.split(":")[1] for spec in STAGES[1:]]
    positions = [source.find(f"{name}(") for name in functions]
    assert all(p >= 0 for p in positions), dict(zip(functions, positions, strict=True))
    assert positions == sorted(positions)


def test_every_stage_target_loads() -> None:
    for spec in STAGES:
        assert callable(spec.load())


def test_unknown_stage_lists_the_available_ones() -> None:
    from tocsin.errors import ConfigError

    with pytest.raises(ConfigError, match=r"available: tocsin\.nlp\.spacy\.v1"):
        get_stage("tocsin.evnts.v1")


@pytest.mark.parametrize("text", TEXTS, ids=["empty", "one-sentence", "layout"])
def test_code_article_contract(resources, schema, text: str) -> None:
    from tocsin.pipeline import code_article

    article = make_article(text, published="2024-07-02")
    first = code_article(article, resources)
    second = code_article(article, resources)
    assert first == second, "a stage is not deterministic"
    assert first.article is article or first.article == article

    out = first.to_json()
    jsonschema.validate(out, schema)
    for kind in ("actors", "places", "times"):
        for mention in out[kind]:
            assert text[mention["start"] : mention["end"]] == mention["text"], (kind, mention)
    for event in out["events"]:
        assert text[event["sentence"]["start"] : event["sentence"]["end"]] == event["evidence"]
        trig = event["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"]
        for role in ("actor", "recipient"):
            for mention in event[role]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
        assert event["coder"]
    if not text:
        assert out["actors"] == out["places"] == out["times"] == out["events"] == []
