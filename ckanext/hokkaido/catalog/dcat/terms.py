"""The portal's own vocabulary, published as one Turtle document at /catalog/terms: the
quality metrics of the machine-readability result (W3C DQV), the e-Stat 17 統計分野 as a
SKOS concept scheme (dcat:theme), and the 自治体標準オープンデータセット as standards
(dct:conformsTo). Every URI is `<catalogue URI>/catalog/terms#<name>`, so a harvester
can dereference what a statement in the catalogue means."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ckanext.dcat.utils import catalog_uri
from ckanext.hokkaido.inventory.sheet import columns

from .namespaces import DQV, PREFIXES

PATH = "/catalog/terms"
# デジタル庁「自治体標準オープンデータセット（正式版）」
STANDARD_DATASETS_PAGE = URIRef(
    "https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test"
)
DIMENSION = "machine-readability"
THEMES = "estat-fields"


@dataclass(frozen=True)
class Metric:
    name: str  # the field of hokkaido_resource_score_show it measures
    datatype: URIRef
    label: dict[str, str]
    definition: dict[str, str]


METRICS = (
    Metric(
        "stars",
        XSD.integer,
        {"ja": "5つ星オープンデータの星の数", "en": "5-star open data rating"},
        {
            "ja": "ファイルの実際の形式とライセンスから判定した星の数（0〜5）。",
            "en": "Stars (0-5) from the file's real format, found from its content, and "
            "its licence.",
        },
    ),
    Metric(
        "machine_readable",
        XSD.boolean,
        {"ja": "機械判読可能", "en": "Machine-readable"},
        {
            "ja": "星2つ以上で、総務省の表記方法と自治体標準オープンデータセットの規則に"
            "反する誤りがないこと。",
            "en": "Two stars or more, with no error against the 総務省 rules for "
            "machine-readable tables or the municipal standard dataset rules.",
        },
    ),
    Metric(
        "score",
        XSD.integer,
        {"ja": "機械判読性スコア", "en": "Machine-readability score"},
        {
            "ja": "星の数と各規則の指摘から算出した0〜100の点数。",
            "en": "A score from 0 to 100 computed from the stars and the findings of each rule.",
        },
    ),
)


def base() -> str:
    return catalog_uri().rstrip("/") + PATH


def term(name: str) -> URIRef:
    return URIRef(f"{base()}#{name}")


def theme_scheme() -> URIRef:
    return term(THEMES)


def theme(category: str) -> URIRef | None:
    """The concept of an e-Stat 統計分野 value (estat_category), or None if unknown."""
    number = _numbered(_choices("estat_category")).get(category)
    return term(f"estat-field-{number}") if number else None


def standard(name: str) -> URIRef | None:
    """The standard of a 自治体標準オープンデータセット name (standard_dataset)."""
    number = _numbered(_choices("standard_dataset")).get(name)
    return term(f"standard-dataset-{number}") if number else None


def graph() -> Graph:
    """The whole vocabulary."""
    g = Graph()
    for prefix, namespace in {**PREFIXES, "skos": SKOS, "dct": DCTERMS}.items():
        g.bind(prefix, namespace)
    _add_metrics(g)
    _add_themes(g)
    _add_standards(g)
    return g


def add_labels(g: Graph, subject: URIRef, predicate: URIRef, labels: dict[str, str]) -> None:
    for lang, text in labels.items():
        if text:
            g.add((subject, predicate, Literal(text, lang=lang)))


def _add_metrics(g: Graph) -> None:
    dimension = term(DIMENSION)
    g.add((dimension, RDF.type, DQV.Dimension))
    add_labels(g, dimension, SKOS.prefLabel, {"ja": "機械判読性", "en": "Machine readability"})
    for item in METRICS:
        ref = term(item.name)
        g.add((ref, RDF.type, DQV.Metric))
        g.add((ref, DQV.expectedDataType, item.datatype))
        g.add((ref, DQV.inDimension, dimension))
        add_labels(g, ref, SKOS.prefLabel, item.label)
        add_labels(g, ref, SKOS.definition, item.definition)


def add_theme_scheme(g: Graph) -> None:
    scheme = theme_scheme()
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    add_labels(
        g, scheme, DCTERMS.title, {"ja": "e-Stat 統計分野", "en": "e-Stat statistical fields"}
    )


def _add_themes(g: Graph) -> None:
    add_theme_scheme(g)
    for number, choice in _numbered_choices("estat_category"):
        concept = term(f"estat-field-{number}")
        add_concept(g, concept, choice)
        g.add((concept, SKOS.notation, Literal(number)))


def add_concept(g: Graph, concept: URIRef, choice: columns.Choice) -> None:
    """A concept of the themes scheme with its labels (also copied into the catalogue, so
    the catalogue validates on its own)."""
    g.add((concept, RDF.type, SKOS.Concept))
    g.add((concept, SKOS.inScheme, theme_scheme()))
    add_labels(g, concept, SKOS.prefLabel, {"ja": choice.label_ja, "en": choice.label_en})


def _add_standards(g: Graph) -> None:
    for number, choice in _numbered_choices("standard_dataset"):
        add_standard(g, term(f"standard-dataset-{number}"), choice)


def add_standard(g: Graph, ref: URIRef, choice: columns.Choice) -> None:
    g.add((ref, RDF.type, DCTERMS.Standard))
    g.add((ref, RDFS.seeAlso, STANDARD_DATASETS_PAGE))
    add_labels(
        g,
        ref,
        DCTERMS.title,
        {
            "ja": f"自治体標準オープンデータセット {choice.label_ja}",
            "en": f"Municipal standard open dataset: {choice.label_en}",
        },
    )


def choice(field: str, value: str) -> columns.Choice | None:
    return next((c for c in _choices(field) if c.value == value), None)


def _choices(field: str) -> tuple[columns.Choice, ...]:
    return columns.column_by_field()[field].choices


@cache
def _numbered(choices: tuple[columns.Choice, ...]) -> dict[str, str]:
    """Value → two-digit number in the schema's order: the order of the e-Stat list and of
    the definition book (appending keeps every URI)."""
    return {c.value: f"{n:02d}" for n, c in enumerate(choices, start=1)}


def _numbered_choices(field: str):
    choices = _choices(field)
    numbers = _numbered(choices)
    return [(numbers[c.value], c) for c in choices]
