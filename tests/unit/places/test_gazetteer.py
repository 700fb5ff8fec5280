"""The gazetteer's tables: regions with GeoNames ADM1 ids, borders, demonyms, validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.errors import DataFileError
from tocsin.places import normalise_name
from tocsin.places.schema import CountryRow, FeatureWordRow, read_csv, read_jsonl


@pytest.mark.parametrize(
    ("name", "geonameid", "feature", "country"),
    [
        ("Belarus", "630336", "country", "BLR"),
        ("Ukraine", "690791", "country", "UKR"),
        ("Zhytomyr Oblast", "686966", "adm1", "UKR"),
        ("Florida", "4155751", "adm1", "USA"),
        ("Minsk", "625144", "city", "BLR"),
        ("Kyiv", "703448", "city", "UKR"),
    ],
)
def test_names_find_geonames_records(gazetteer, name, geonameid, feature, country):
    found = {(p.id, p.feature, p.country) for p in gazetteer.candidates(normalise_name(name))}
    assert (geonameid, feature, country) in found


def test_zhytomyr_oblast_carries_its_codes(gazetteer):
    region = gazetteer.admin1[("UKR", "27")]
    assert (region.id, region.iso, region.feature) == ("686966", "UA-18", "adm1")
    assert 49.5 < region.lat < 51.5 and 27.5 < region.lon < 30.0


@pytest.mark.parametrize(
    ("a", "b", "border_id"),
    [("BLR", "UKR", "border:BLR-UKR"), ("UKR", "BLR", "border:BLR-UKR"), ("POL", "BLR", "border:BLR-POL")],
)
def test_borders_between_neighbours_have_stable_ids(gazetteer, a, b, border_id):
    border = gazetteer.border(a, b)
    assert border is not None
    assert border.id == border_id and border.feature == "border"
    assert set(border.countries) == {a, b}


def test_no_border_between_countries_that_do_not_touch(gazetteer):
    assert gazetteer.border("BLR", "FRA") is None


@pytest.mark.parametrize(
    ("demonym", "iso3"),
    [("Belarusian", "BLR"), ("Ukrainian", "UKR"), ("French", "FRA"), ("American", "USA"), ("Chinese", "CHN")],
)
def test_demonyms_name_the_main_country(gazetteer, demonym, iso3):
    assert gazetteer.demonyms[normalise_name(demonym)] == iso3


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Kyiv’s", "kyiv's"), ("  São   Paulo ", "sao paulo"), ("Belarus–Ukraine", "belarus-ukraine")],
)
def test_normalise_name(raw, key):
    assert normalise_name(raw) == key


def test_bad_jsonl_row_reports_file_line_and_field(tmp_path: Path):
    path = tmp_path / "countries.jsonl"
    good = '{"id": "1", "iso2": "AA", "iso3": "AAA", "name": "Aa", "lat": 1, "lon": 2, "population": 3}'
    bad = '{"id": "2", "iso2": "BB", "iso3": "BBB", "name": "Bb", "lat": 100, "lon": 2, "population": 3}'
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"countries\.jsonl:2: \[lat\]"):
        list(read_jsonl(path, CountryRow))


def test_bad_csv_row_reports_file_line_and_field(tmp_path: Path):
    path = tmp_path / "feature_words.csv"
    path.write_text("# comment\nid,word,feature,position\nx,region,adm1,after\ny,oblast,adm9,after\n")
    with pytest.raises(DataFileError, match=r"feature_words\.csv:4: \[feature\]"):
        list(read_csv(path, FeatureWordRow))
