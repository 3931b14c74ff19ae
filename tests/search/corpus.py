"""The relevance test's corpus: 2,000 municipal datasets generated deterministically from
the 179 municipalities × the topics of relevance.yaml, and the queries judged against
them and the demo content."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ckanext.hokkaido.hierarchy.reference import municipalities

JUDGEMENTS = Path(__file__).with_name("relevance.yaml")
GENERATED_COUNT = 2000

# How real portals put a municipality into a title; chosen per dataset in turn.
TITLE_FORMS = ("{m}{t}", "{t}（{m}）", "{m}の{t}", "{m} {t}")


@dataclass(frozen=True)
class Generated:
    municipality: municipalities.Municipality
    topic: str
    title: str
    notes: str
    tags: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"gen-{self.municipality.code}-{self.topic}"


@dataclass(frozen=True)
class Query:
    q: str
    relevant: frozenset[str]


def judgements() -> dict:
    return yaml.safe_load(JUDGEMENTS.read_text("utf-8"))


def generated_datasets(topics: dict) -> list[Generated]:
    """GENERATED_COUNT of the municipality × topic pairs, evenly spaced, so that every
    topic and every municipality is present and a few pairs are missing."""
    pairs = [(m, key) for m in municipalities.municipalities() for key in topics]
    step = len(pairs) / GENERATED_COUNT
    picked = [pairs[int(i * step)] for i in range(GENERATED_COUNT)]
    return [_generated(m, key, topics[key], i) for i, (m, key) in enumerate(picked)]


def _generated(m: municipalities.Municipality, key: str, topic: dict, i: int) -> Generated:
    form = TITLE_FORMS[i % len(TITLE_FORMS)]
    return Generated(
        municipality=m,
        topic=key,
        title=form.format(m=m.name, t=topic["title"]),
        notes=topic["notes"].format(m=m.name),
        tags=tuple(topic["tags"]),
    )


def queries(judged: list[dict], generated: list[Generated]) -> list[Query]:
    return [Query(q=entry["q"], relevant=_relevant(entry, generated)) for entry in judged]


def _relevant(entry: dict, generated: list[Generated]) -> frozenset[str]:
    topics = set(entry.get("topics", []))
    places = set(entry.get("municipalities", []))
    found = {
        g.name
        for g in generated
        if g.topic in topics and (not places or g.municipality.name in places)
    }
    return frozenset(found | set(entry.get("demo", [])))
