"""Every string the code and templates translate is in our catalogues, unless CKAN's own
catalogue translates it (a core msgid such as "Organizations"): the Japanese catalogue
translates it, the English one repeats it, and the template lists it."""

from __future__ import annotations

from pathlib import Path

import ckan
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "ckanext" / "hokkaido"
OURS = PACKAGE / "i18n"
CORE_JA = Path(ckan.__file__).parent / "i18n" / "ja" / "LC_MESSAGES" / "ckan.po"
METHODS = [("**/templates/**.html", "ckan"), ("**.py", "python")]


def _catalogue(path: Path):
    with path.open("rb") as stream:
        return read_po(stream)


def _translated(catalogue) -> set[str]:
    return {m.id for m in catalogue if m.id and m.string}


@pytest.fixture(scope="module")
def used() -> set[str]:
    """The msgids passed to _() in the package's Python modules and templates that CKAN's
    own catalogue does not translate (the pure engines carry their own ja/en text)."""
    found = extract_from_dir(PACKAGE, METHODS, keywords={"_": None})
    messages = {message for _file, _line, message, _comments, _context in found if message}
    return messages - _translated(_catalogue(CORE_JA))


def test_the_code_translates_its_own_strings(used):
    assert "Not authorized to edit this organization" in used
    assert len(used) > 100


def test_the_japanese_catalogue_translates_every_string_used(used):
    ja = _catalogue(OURS / "ja" / "LC_MESSAGES" / "ckanext-hokkaido.po")

    assert sorted(used - _translated(ja)) == []


def test_the_english_catalogue_repeats_every_string(used):
    en = _catalogue(OURS / "en" / "LC_MESSAGES" / "ckanext-hokkaido.po")

    assert sorted(used - {m.id for m in en}) == []
    assert [m.id for m in en if m.id and m.string != m.id] == []


def test_the_template_lists_every_string_of_the_catalogues():
    template = {m.id for m in _catalogue(OURS / "ckanext-hokkaido.pot") if m.id}
    for language in ("ja", "en"):
        path = OURS / language / "LC_MESSAGES" / "ckanext-hokkaido.po"
        assert {m.id for m in _catalogue(path) if m.id} == template, language
