"""Every UI string goes through gettext and has its Japanese: each msgid the package's
Python and templates use is in the portal's ja catalogue or in CKAN's, and the template,
the ja and the en catalogues list the same msgids (en says the msgid itself)."""

from __future__ import annotations

from pathlib import Path

import ckan
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "ckanext" / "hokkaido"
I18N = PACKAGE / "i18n"
CATALOGUES = {
    "pot": I18N / "ckanext-hokkaido.pot",
    "ja": I18N / "ja" / "LC_MESSAGES" / "ckanext-hokkaido.po",
    "en": I18N / "en" / "LC_MESSAGES" / "ckanext-hokkaido.po",
}
CKAN_JA = Path(ckan.__file__).parent / "i18n" / "ja" / "LC_MESSAGES" / "ckan.po"
# the scoring engine carries its ja/en texts as data (no gettext: it runs without CKAN)
METHODS = [
    ("**/engine/**.py", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", "ckan.lib.extract:extract_ckan"),
]
KEYWORDS = {"_": None, "gettext": None, "ungettext": (1, 2), "ngettext": (1, 2)}


def _msgid(message) -> str:
    return message if isinstance(message, str) else message[0]


def _catalogue(path: Path, translated_only: bool = False):
    with path.open("rb") as handle:
        return [m for m in read_po(handle) if m.id and (m.string or not translated_only)]


def test_every_string_the_package_uses_has_its_japanese():
    used = {
        _msgid(message): f"{name}:{line}"
        for name, line, message, _comments, _context in extract_from_dir(
            PACKAGE, method_map=METHODS, keywords=KEYWORDS
        )
    }
    known = {_msgid(m.id) for m in _catalogue(CATALOGUES["ja"], translated_only=True)}
    known |= {_msgid(m.id) for m in _catalogue(CKAN_JA, translated_only=True)}

    assert {msgid: where for msgid, where in used.items() if msgid not in known} == {}


def test_the_catalogues_list_the_same_strings():
    ids = {name: [_msgid(m.id) for m in _catalogue(path)] for name, path in CATALOGUES.items()}

    assert ids["pot"] == ids["ja"] == ids["en"]


def test_the_english_catalogue_says_each_msgid_itself():
    for message in _catalogue(CATALOGUES["en"]):
        expected = list(message.id) if isinstance(message.id, tuple) else message.id
        actual = list(message.string) if isinstance(message.string, tuple) else message.string
        assert actual == expected, message.id
