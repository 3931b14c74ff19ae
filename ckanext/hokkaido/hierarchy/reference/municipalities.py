"""Hokkaido's municipalities, subprefectures and prefecture, and 全国地方公共団体コード validation.

This module is the only place that knows the reference data and the code rules; everything else
in the product that accepts a local-government code calls it. The data lives in
``ckanext/hokkaido/data/`` (see its README for provenance) and is read once per process.

Codes
    A 全国地方公共団体コード is the 5-digit JIS X 0402 code plus a mod-11 check digit.
    ``normalize_code`` accepts either form and returns the 6-digit one; ``is_valid_lg_code``
    accepts only a canonical 6-digit code. Bad input raises ``InvalidLgCode`` with a message in
    Japanese and English and a ``reason`` of ``type``, ``not_digits``, ``length`` or
    ``check_digit``.

Northern territories
    The six villages 01695-01700 have codes but no functioning administration and are not among
    the 179. Every function that could return them takes ``include_northern_territories=False``.

CKAN organization names
    - prefecture and municipalities: ``lg-<6-digit code>``, e.g. ``lg-010006`` (北海道),
      ``lg-011002`` (札幌市);
    - subprefectures, which have no 全国地方公共団体コード: ``hokkaido-sub-<order>-<key>``, e.g.
      ``hokkaido-sub-01-sorachi``. ``order`` is the two-digit position in Hokkaido's official
      order and ``key`` is the internal key: lower-case ASCII, stored as data in
      ``hokkaido_subprefectures.csv`` and never recomputed, so renaming an English name does not
      rename an organization.

Romaji
    ``romanize`` is simplified Hepburn without macrons: long vowels are dropped (トウ→to,
    ユウ→yu, オオ→o), ッ doubles the next consonant (ッチ→tchi) and ン is always ``n``.
    ``municipality_romaji`` adds the type suffix read from the kana ending (シ/チョウ/マチ/ムラ/
    ソン → -shi/-cho/-machi/-mura/-son), e.g. ``Sapporo-shi``. Kana alone cannot show where a
    vowel starts a new word (豊浦 トヨウラ is toyo+ura, not Toyora), so
    ``hokkaido_romaji_breaks.csv`` lists the few readings that need a ・ word break. The packaged
    municipality CSV stores the result as its ``romaji`` column; a test regenerates it.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass

MUNICIPALITIES_CSV = "hokkaido_municipalities.csv"
SUBPREFECTURES_CSV = "hokkaido_subprefectures.csv"
PREFECTURE_CSV = "hokkaido_prefecture.csv"
ROMAJI_BREAKS_CSV = "hokkaido_romaji_breaks.csv"

LG_ORG_PREFIX = "lg-"
SUBPREFECTURE_ORG_PREFIX = "hokkaido-sub-"

TYPE_JA = {"city": "市", "town": "町", "village": "村"}

_CHECK_WEIGHTS = (6, 5, 4, 3, 2)
_DIGITS = re.compile(r"[0-9]*")


class InvalidLgCode(ValueError):
    """A string that is not a 全国地方公共団体コード (nor its 5-digit form)."""

    def __init__(self, code, reason: str, message_ja: str, message_en: str, expected=None):
        super().__init__(f"{message_ja} / {message_en}")
        self.code = code
        self.reason = reason
        self.message_ja = message_ja
        self.message_en = message_en
        self.expected = expected


@dataclass(frozen=True)
class Prefecture:
    code: str
    code5: str
    name: str
    kana: str
    name_en: str

    @property
    def org_name(self) -> str:
        return LG_ORG_PREFIX + self.code


@dataclass(frozen=True)
class Subprefecture:
    order: int
    key: str
    name: str
    name_en: str
    kind: str
    seat: str
    seat_code: str

    @property
    def org_name(self) -> str:
        return f"{SUBPREFECTURE_ORG_PREFIX}{self.order:02d}-{self.key}"


@dataclass(frozen=True)
class Municipality:
    code: str
    code5: str
    name: str
    kana: str
    romaji: str
    type_en: str
    district: str | None
    subprefecture: str
    northern_territory: bool

    @property
    def type(self) -> str:
        return TYPE_JA[self.type_en]

    @property
    def org_name(self) -> str:
        return LG_ORG_PREFIX + self.code


# --- codes -------------------------------------------------------------------------------------


def check_digit(code5: str) -> int:
    """The check digit of a 5-digit code: (11 - Σ(d·w) mod 11) mod 10, w = 6, 5, 4, 3, 2."""
    _require_digits(code5, lengths=(5,))
    total = sum(int(d) * w for d, w in zip(code5, _CHECK_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def normalize_code(code: str) -> str:
    """Return the 6-digit code for a 5-digit code or a 6-digit code with a correct check digit.

    Surrounding spaces and full-width digits (common in Japanese forms) are accepted.
    """
    text = _clean(code)
    _require_digits(text, lengths=(5, 6))
    full = text[:5] + str(check_digit(text[:5]))
    if len(text) == 6 and text != full:
        raise _check_digit_error(text, full)
    return full


def is_valid_lg_code(code: object) -> bool:
    """True only for a canonical code: six ASCII digits with a correct check digit."""
    if not isinstance(code, str) or len(code) != 6 or not _DIGITS.fullmatch(code):
        return False
    return int(code[5]) == check_digit(code[:5])


def _clean(code: object) -> str:
    if not isinstance(code, str):
        raise InvalidLgCode(
            code,
            "type",
            "全国地方公共団体コードは文字列で指定してください"
            f"（{type(code).__name__} が渡されました）",
            f"Local government code must be a string, got {type(code).__name__}",
        )
    return unicodedata.normalize("NFKC", code).strip()


def _require_digits(text: str, lengths: tuple[int, ...]) -> None:
    wanted_ja = "または".join(f"{n}桁" for n in lengths)
    wanted_en = " or ".join(str(n) for n in lengths)
    if not _DIGITS.fullmatch(text):
        raise InvalidLgCode(
            text,
            "not_digits",
            f"全国地方公共団体コード「{text}」に数字以外の文字が含まれています"
            f"（{wanted_ja}の半角数字で指定してください）",
            f"Local government code {text!r} contains non-digit characters "
            f"(expected {wanted_en} digits)",
        )
    if len(text) not in lengths:
        raise InvalidLgCode(
            text,
            "length",
            f"全国地方公共団体コード「{text}」は{len(text)}桁です（{wanted_ja}で指定してください）",
            f"Local government code {text!r} has {len(text)} digits (expected {wanted_en})",
        )


def _check_digit_error(code: str, expected: str) -> InvalidLgCode:
    return InvalidLgCode(
        code,
        "check_digit",
        f"全国地方公共団体コード {code} のチェックディジットが正しくありません"
        f"（正しくは {expected}）",
        f"Local government code {code} has a wrong check digit (correct code: {expected})",
        expected=expected,
    )


# --- romaji ------------------------------------------------------------------------------------

_KANA_ROMAJI = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨ"
        "ラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no "
        "ha hi fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n "
        "ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po".split(),
        strict=True,
    )
)
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
# Palatal consonants whose digraph drops the "y" (シャ→sha, not shya).
_PALATAL_STEMS = {"shi": "sh", "chi": "ch", "ji": "j"}

WORD_BREAK = "・"
_TYPE_SUFFIXES = (
    ("チョウ", "cho"),
    ("マチ", "machi"),
    ("ムラ", "mura"),
    ("ソン", "son"),
    ("シ", "shi"),
)


def romanize(kana: str) -> str:
    """Lower-case simplified Hepburn for full-width katakana; ・ marks a word boundary."""
    return "".join(_romanize_word(word) for word in kana.split(WORD_BREAK))


def municipality_romaji(kana: str) -> str:
    """Romaji of a municipality's reading, e.g. クッチャンチョウ → ``Kutchan-cho``."""
    reading = _romaji_breaks().get(kana, kana)
    for suffix_kana, suffix in _TYPE_SUFFIXES:
        if reading.endswith(suffix_kana):
            return f"{romanize(reading[: -len(suffix_kana)]).capitalize()}-{suffix}"
    raise ValueError(f"no municipality type suffix in {kana!r}")


def _romanize_word(kana: str) -> str:
    out: list[str] = []
    double_next = False
    for mora_kana, mora in _morae(kana):
        if mora_kana == "ッ":
            double_next = True
            continue
        if out and _lengthens(out[-1], mora_kana):
            continue
        if double_next:
            mora = ("t" if mora.startswith("ch") else mora[0]) + mora
            double_next = False
        out.append(mora)
    return "".join(out)


def _lengthens(prev: str, kana: str) -> bool:
    """オウ→o, ウウ→u, オオ→o: the vowel kana only lengthens the mora before it."""
    return (kana == "ウ" and prev[-1] in "ou") or (kana == "オ" and prev[-1] == "o")


def _morae(kana: str):
    """Yield (kana, romaji) per mora, folding a small ャ/ュ/ョ into the kana before it."""
    i = 0
    while i < len(kana):
        char = kana[i]
        if char == "ー":
            i += 1
            continue
        small = kana[i + 1] if i + 1 < len(kana) else ""
        if small in _SMALL_Y:
            yield char + small, _youon(char, small)
            i += 2
        else:
            yield char, _romaji_of(char)
            i += 1


def _youon(char: str, small: str) -> str:
    base = _romaji_of(char)
    stem = _PALATAL_STEMS.get(base, base[:-1] + "y")
    return stem + _SMALL_Y[small]


def _romaji_of(char: str) -> str:
    if char == "ッ":
        return ""
    try:
        return _KANA_ROMAJI[char]
    except KeyError:
        raise ValueError(f"no romaji for {char!r}") from None


# --- data --------------------------------------------------------------------------------------


def _read_csv(name: str) -> list[dict[str, str]]:
    from importlib import resources  # only when the lists are read: the scorer needs just
    # the check digit, and importlib.resources is a noticeable part of its start-up

    path = resources.files(__package__).joinpath("data", name)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def _all_municipalities() -> tuple[Municipality, ...]:
    return tuple(_municipality(row) for row in _read_csv(MUNICIPALITIES_CSV))


def _municipality(row: dict[str, str]) -> Municipality:
    return Municipality(
        code=row["code"],
        code5=row["code5"],
        name=row["name"],
        kana=row["kana"],
        romaji=row["romaji"],
        type_en=row["type"],
        district=row["district"] or None,
        subprefecture=row["subprefecture"],
        northern_territory=row["northern_territories"] == "yes",
    )


@functools.cache
def _romaji_breaks() -> dict[str, str]:
    return {row["kana"]: row["reading_with_break"] for row in _read_csv(ROMAJI_BREAKS_CSV)}


@functools.cache
def _municipalities_by_code() -> dict[str, Municipality]:
    return {m.code: m for m in _all_municipalities()}


@functools.cache
def _all_subprefectures() -> tuple[Subprefecture, ...]:
    rows = _read_csv(SUBPREFECTURES_CSV)
    subs = (Subprefecture(**{**row, "order": int(row["order"])}) for row in rows)
    return tuple(sorted(subs, key=lambda s: s.order))


@functools.cache
def _subprefectures_by_ref() -> dict[str, Subprefecture]:
    index: dict[str, Subprefecture] = {}
    for sub in _all_subprefectures():
        index.update({sub.name: sub, sub.key: sub, sub.org_name: sub})
    return index


@functools.cache
def prefecture() -> Prefecture:
    """北海道 itself (010006)."""
    (row,) = _read_csv(PREFECTURE_CSV)
    return Prefecture(**row)


def municipalities(include_northern_territories: bool = False) -> list[Municipality]:
    """The 179 municipalities in code order (185 with the northern-territory villages)."""
    return [
        m for m in _all_municipalities() if include_northern_territories or not m.northern_territory
    ]


def subprefectures() -> list[Subprefecture]:
    """The 14 (総合)振興局 in Hokkaido's official order."""
    return list(_all_subprefectures())


def subprefecture(ref: str) -> Subprefecture:
    """Find a subprefecture by Japanese name, internal key or org name; KeyError if unknown."""
    try:
        return _subprefectures_by_ref()[ref]
    except KeyError:
        raise KeyError(f"unknown subprefecture: {ref!r}") from None


def by_code(code: str, include_northern_territories: bool = False) -> Municipality | None:
    """The municipality with this 5- or 6-digit code, or None; InvalidLgCode if malformed."""
    found = _municipalities_by_code().get(normalize_code(code))
    if found is None or (found.northern_territory and not include_northern_territories):
        return None
    return found


def children_of(
    parent: Subprefecture | str, include_northern_territories: bool = False
) -> list[Municipality]:
    """Municipalities under a subprefecture (object, Japanese name, key or org name)."""
    name = parent.name if isinstance(parent, Subprefecture) else subprefecture(parent).name
    return [m for m in municipalities(include_northern_territories) if m.subprefecture == name]


def org_name_for(entity: str | Municipality | Subprefecture | Prefecture) -> str:
    """The CKAN organization name for an entity or a known code (see module docstring).

    A code is resolved with the northern territories included: naming them is harmless and
    keeps the scheme total over the known codes. Unknown codes raise LookupError.
    """
    if not isinstance(entity, str):
        return entity.org_name
    code = normalize_code(entity)
    if code == prefecture().code:
        return prefecture().org_name
    found = by_code(code, include_northern_territories=True)
    if found is None:
        raise LookupError(f"{code} is not a Hokkaido local government code")
    return found.org_name


def by_org_name(
    org_name: str, include_northern_territories: bool = False
) -> Municipality | Subprefecture | Prefecture | None:
    """The inverse of ``org_name_for``; None for names outside the scheme."""
    if org_name == prefecture().org_name:
        return prefecture()
    if org_name.startswith(SUBPREFECTURE_ORG_PREFIX):
        return _subprefectures_by_ref().get(org_name)
    code = org_name.removeprefix(LG_ORG_PREFIX)
    if code == org_name or not is_valid_lg_code(code):
        return None
    return by_code(code, include_northern_territories)


def org_name_for_code_or_name(value: str) -> str:
    """The organization name for a known code; anything else is taken as a name already
    (what command-line options such as ``--org 012041`` accept)."""
    try:
        return org_name_for(normalize_code(value))
    except (InvalidLgCode, LookupError):
        return value
