"""Specification of the municipalities reference data: pure unit tests, no CKAN."""

import csv
import json
from collections import Counter
from importlib import resources

import pytest

from ckanext.hokkaido.hierarchy.reference import municipalities as m

DATA = resources.files("ckanext.hokkaido.hierarchy.reference").joinpath("data")


def _packaged_rows():
    with DATA.joinpath(m.MUNICIPALITIES_CSV).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- counts and hierarchy ----------------------------------------------------------------------


def test_there_are_179_municipalities():
    assert len(m.municipalities()) == 179


def test_types_are_35_cities_129_towns_15_villages():
    counts = Counter(x.type for x in m.municipalities())
    assert counts == {"市": 35, "町": 129, "村": 15}
    assert Counter(x.type_en for x in m.municipalities()) == {
        "city": 35,
        "town": 129,
        "village": 15,
    }


def test_northern_territory_villages_only_when_asked():
    with_nt = m.municipalities(include_northern_territories=True)
    extra = [x.code5 for x in with_nt if x.northern_territory]
    assert len(with_nt) == 185
    assert extra == ["01695", "01696", "01697", "01698", "01699", "01700"]


def test_there_are_14_subprefectures_in_official_order():
    subs = m.subprefectures()
    assert [s.order for s in subs] == list(range(1, 15))
    assert (subs[0].name, subs[0].name_en) == ("空知総合振興局", "Sorachi")
    assert (subs[-1].name, subs[-1].kind) == ("根室振興局", "振興局")


def test_subprefecture_kinds_and_seats_are_consistent():
    for sub in m.subprefectures():
        assert sub.name.endswith(sub.kind)
        assert m.by_code(sub.seat_code).name == sub.seat


def test_children_of_all_subprefectures_cover_the_179_exactly_once():
    children = [x.code for sub in m.subprefectures() for x in m.children_of(sub)]
    assert sorted(children) == [x.code for x in m.municipalities()]


def test_every_municipality_belongs_to_a_known_subprefecture():
    for x in m.municipalities(include_northern_territories=True):
        assert m.subprefecture(x.subprefecture).name == x.subprefecture


def test_tomari_in_shiribeshi_is_a_municipality():
    tomari = m.by_code("014036")
    assert tomari.name == "泊村"
    assert tomari.subprefecture == "後志総合振興局"
    assert tomari in m.children_of("後志総合振興局")


def test_tomari_in_the_northern_territories_is_excluded_by_default():
    assert m.by_code("016969") is None
    assert "016969" not in {x.code for x in m.municipalities()}
    assert "016969" not in {x.code for x in m.children_of("根室振興局")}


def test_tomari_in_the_northern_territories_is_included_when_asked():
    tomari = m.by_code("016969", include_northern_territories=True)
    assert (tomari.name, tomari.district) == ("泊村", "国後郡")
    everything = m.municipalities(include_northern_territories=True)
    assert tomari in everything
    assert tomari in m.children_of("根室振興局", include_northern_territories=True)


def test_mori_is_a_town_under_oshima():
    mori = m.by_code("013455")
    assert (mori.name, mori.type, mori.district) == ("森町", "町", "茅部郡")
    assert mori.subprefecture == "渡島総合振興局"


def test_cities_have_no_district_and_towns_and_villages_do():
    for x in m.municipalities():
        assert (x.district is None) == (x.type == "市")


def test_prefecture_is_hokkaido():
    pref = m.prefecture()
    assert (pref.code, pref.code5, pref.name) == ("010006", "01000", "北海道")
    assert (pref.kana, pref.name_en) == ("ホッカイドウ", "Hokkaido")


def test_subprefecture_is_found_by_name_key_or_org_name():
    by_name = m.subprefecture("石狩振興局")
    assert m.subprefecture("ishikari") is by_name
    assert m.subprefecture("hokkaido-sub-02-ishikari") is by_name


def test_unknown_subprefecture_raises_key_error():
    with pytest.raises(KeyError):
        m.subprefecture("石狩支庁")


def test_returned_lists_are_copies():
    m.municipalities().clear()
    m.subprefectures().clear()
    assert len(m.municipalities()) == 179
    assert len(m.subprefectures()) == 14


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        m.by_code("011002").name = "x"


# --- codes -------------------------------------------------------------------------------------


def test_every_code_passes_the_check_digit():
    for x in m.municipalities(include_northern_territories=True) + [m.prefecture()]:
        assert x.code[:5] == x.code5
        assert m.is_valid_lg_code(x.code), x


@pytest.mark.parametrize(
    ("code5", "digit"),
    [("01100", 2), ("01000", 6), ("13101", 6), ("13104", 1), ("01202", 5)],
)
def test_check_digit(code5, digit):
    # 13104 (新宿区) has remainder 0, which gives 1, not 0.
    assert m.check_digit(code5) == digit


def test_five_and_six_digit_codes_both_find_sapporo():
    assert m.by_code("01100").name == "札幌市"
    assert m.by_code("011002") is m.by_code("01100")


def test_normalize_code_returns_six_digits():
    assert m.normalize_code("01100") == "011002"
    assert m.normalize_code("011002") == "011002"


def test_normalize_code_accepts_full_width_digits_and_spaces():
    assert m.normalize_code(" ０１１００２ ") == "011002"


def test_wrong_check_digit_raises_with_the_correct_code():
    with pytest.raises(m.InvalidLgCode, match="チェックディジット") as raised:
        m.normalize_code("011001")
    error = raised.value
    assert error.reason == "check_digit"
    assert error.expected == "011002"
    assert "011002" in error.message_ja
    assert "check digit" in error.message_en
    assert str(error) == f"{error.message_ja} / {error.message_en}"


def test_invalid_lg_code_is_a_value_error():
    assert issubclass(m.InvalidLgCode, ValueError)


@pytest.mark.parametrize("code", ["01-100", "O11002", "01100a", "abcde", "01100.0"])
def test_non_digits_raise_a_format_error(code):
    with pytest.raises(m.InvalidLgCode, match="数字以外") as raised:
        m.normalize_code(code)
    assert raised.value.reason == "not_digits"
    assert "non-digit" in raised.value.message_en


@pytest.mark.parametrize("code", ["", "0110", "0110020", "11002000"])
def test_wrong_length_raises_a_length_error(code):
    with pytest.raises(m.InvalidLgCode, match=f"{len(code)}桁") as raised:
        m.normalize_code(code)
    assert raised.value.reason == "length"
    assert "expected 5 or 6" in raised.value.message_en
    assert "チェックディジット" not in str(raised.value)


@pytest.mark.parametrize("code", [11002, None, b"011002"])
def test_non_strings_raise_a_type_error_reason(code):
    with pytest.raises(m.InvalidLgCode) as raised:
        m.normalize_code(code)
    assert raised.value.reason == "type"


def test_check_digit_requires_five_digits():
    with pytest.raises(m.InvalidLgCode):
        m.check_digit("011002")


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("011002", True),
        ("131016", True),
        ("011001", False),
        ("01100", False),
        ("０１１００２", False),
        (" 011002", False),
        (11002, False),
        (None, False),
    ],
)
def test_is_valid_lg_code_accepts_only_canonical_codes(code, valid):
    assert m.is_valid_lg_code(code) is valid


def test_by_code_returns_none_for_a_valid_code_outside_hokkaido():
    assert m.by_code("131016") is None
    assert m.by_code("010006") is None


def test_by_code_rejects_a_malformed_code():
    with pytest.raises(m.InvalidLgCode):
        m.by_code("011001")


# --- organization names ------------------------------------------------------------------------


def test_org_names_of_prefecture_and_municipalities_use_the_code():
    assert m.org_name_for("010006") == "lg-010006"
    assert m.org_name_for("01000") == "lg-010006"
    assert m.org_name_for("01100") == "lg-011002"
    assert m.org_name_for(m.by_code("011002")) == "lg-011002"
    assert m.org_name_for(m.prefecture()) == "lg-010006"


def test_org_names_of_subprefectures_use_order_and_key():
    names = [m.org_name_for(s) for s in m.subprefectures()]
    assert names[0] == "hokkaido-sub-01-sorachi"
    assert names[10] == "hokkaido-sub-11-okhotsk"
    assert names[13] == "hokkaido-sub-14-nemuro"


def test_org_names_are_unique_and_valid_ckan_names():
    pref = [m.prefecture()]
    everything = pref + m.subprefectures() + m.municipalities(include_northern_territories=True)
    names = [m.org_name_for(x) for x in everything]
    assert len(set(names)) == len(names) == 1 + 14 + 185
    for name in names:
        assert 2 <= len(name) <= 100
        assert name == name.lower() and name.replace("-", "").isalnum() and name.isascii()


def test_org_name_for_an_unknown_code_raises():
    with pytest.raises(LookupError):
        m.org_name_for("131016")


def test_by_org_name_inverts_org_name_for():
    for x in [m.prefecture()] + m.subprefectures() + m.municipalities():
        assert m.by_org_name(x.org_name) == x


def test_by_org_name_hides_northern_territories_unless_asked():
    assert m.by_org_name("lg-016969") is None
    assert m.by_org_name("lg-016969", include_northern_territories=True).name == "泊村"


@pytest.mark.parametrize("name", ["lg-011001", "lg-131016", "011002", "hokkaido-sub-99-x", ""])
def test_by_org_name_returns_none_outside_the_scheme(name):
    assert m.by_org_name(name) is None


# --- romaji ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "romaji"),
    [
        ("011002", "Sapporo-shi"),
        ("014702", "Otoineppu-mura"),
        ("014001", "Kutchan-cho"),
        ("013455", "Mori-machi"),
        ("013030", "Tobetsu-cho"),
        ("012092", "Yubari-shi"),
        ("014362", "Uryu-cho"),
        ("015644", "Ozora-cho"),
        ("013471", "Oshamanbe-cho"),
        ("016420", "Hiroo-cho"),
        ("015717", "Toyoura-cho"),
        ("015601", "Takinoue-cho"),
        ("014231", "Nanporo-cho"),
        ("016641", "Shibecha-cho"),
    ],
)
def test_romaji_examples(code, romaji):
    assert m.by_code(code).romaji == romaji


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("ホッカイドウ", "hokkaido"),
        ("キョウゴク", "kyogoku"),
        ("ジュウ", "ju"),
        ("チャ", "cha"),
        ("トヨ・ウラ", "toyoura"),
        ("ラーメン", "ramen"),
    ],
)
def test_romanize(kana, romaji):
    assert m.romanize(kana) == romaji


def test_village_suffix_son_is_supported():
    assert m.municipality_romaji("テストソン") == "Tesuto-son"


def test_romanize_rejects_unknown_characters():
    with pytest.raises(ValueError):
        m.romanize("さっぽろ")


def test_packaged_romaji_matches_a_regeneration_from_the_kana():
    for row in _packaged_rows():
        assert row["romaji"] == m.municipality_romaji(row["kana"]), row["code"]


def test_kana_suffix_agrees_with_the_type():
    suffix_types = {"shi": "city", "cho": "town", "machi": "town", "mura": "village"}
    for x in m.municipalities(include_northern_territories=True):
        assert suffix_types[x.romaji.rsplit("-", 1)[1]] == x.type_en, x


def test_every_romaji_break_is_used():
    kana = {row["kana"] for row in _packaged_rows()}
    assert set(m._romaji_breaks()) <= kana
    for reading in m._romaji_breaks().values():
        assert reading.count(m.WORD_BREAK) == 1


# --- packaged files ----------------------------------------------------------------------------


def test_data_readme_carries_the_n03_credit():
    readme = DATA.joinpath("README.md").read_text(encoding="utf-8")
    assert "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成" in readme


def test_topojson_matches_the_municipality_list():
    boundaries = resources.files("ckanext.hokkaido.progress.map").joinpath("data")
    topo = json.loads(boundaries.joinpath("hokkaido_n03_2021_s0010.topojson").read_text("utf-8"))
    (layer,) = topo["objects"].values()
    props = {g["properties"]["N03_007"]: g["properties"] for g in layer["geometries"]}
    wards = {code for code in props if code.startswith("011") and code != "01100"}
    assert len(wards) == 10
    for x in m.municipalities(include_northern_territories=True):
        if x.code5 == "01100":
            continue
        assert props[x.code5]["N03_004"] == x.name
        assert props[x.code5]["N03_002"] == x.subprefecture
    assert len(props) == 185 - 1 + 10
