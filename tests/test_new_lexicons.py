"""The word lists of the digest, list, currency-pair and digit-group readers load strictly: a
missing or unknown key, or a value of the wrong type, stops with the file's name."""

from __future__ import annotations

import pytest

from figcheck import digit_groups, lexicon
from figcheck.errors import FigcheckError
from figcheck.relate import currency_pairs as pairs
from figcheck.relate import digests, era, lists, zones

LOADERS = [
    (digests.words, "digests"),
    (lists.words, "lists"),
    (pairs.words, "currency_pairs"),
    (digit_groups._indian, "digit_groups"),
    (era._words, "era"),
    (zones.places, "zones"),
]


@pytest.mark.parametrize(("loader", "name"), LOADERS, ids=[n for _, n in LOADERS])
def test_the_shipped_file_loads(loader, name):
    loader.cache_clear()
    assert loader()


@pytest.mark.parametrize(("loader", "name"), LOADERS, ids=[n for _, n in LOADERS])
@pytest.mark.parametrize("change", ["unknown key", "missing key", "wrong type"])
def test_a_bad_file_names_itself(monkeypatch, loader, name, change):
    good = dict(lexicon.load(name))
    bad = dict(good)
    key = sorted(good)[0]
    if change == "unknown key":
        bad["colour"] = ["red"]
    elif change == "missing key":
        del bad[key]
    else:
        bad[key] = 3.5
    monkeypatch.setattr(lexicon, "load", lambda n: bad if n == name else good)
    loader.cache_clear()
    try:
        with pytest.raises(FigcheckError, match=name + r"\.toml"):
            loader()
    finally:
        loader.cache_clear()


def test_a_digest_row_role_must_be_known(monkeypatch):
    good = dict(lexicon.load("digests"))
    monkeypatch.setattr(lexicon, "load", lambda n: {**good, "rows": {"shr": "per_shar"}})
    digests.words.cache_clear()
    try:
        with pytest.raises(FigcheckError, match=r"digests\.toml: 'shr'"):
            digests.words()
    finally:
        digests.words.cache_clear()
