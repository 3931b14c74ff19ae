"""What a person reads on a page, and what a screen reader says: text outside scripts and
styles, and the attributes that are read out or shown (aria-label, title, alt, placeholder,
button values). Code (commands, HTML to paste) is in no human language: left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
HIDDEN_CONTENT = {"script", "style", "template", "noscript", "code"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_CONTENT:
            self.hidden_depth += 1
        values = dict(attrs)
        self.texts.extend(values[a] for a in SPOKEN_ATTRIBUTES if values.get(a))
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.texts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in HIDDEN_CONTENT and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth and data.strip():
            self.texts.append(data.strip())


def page_texts(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return reader.texts


_NOT_WORDS = re.compile(r"(?:https?://|/)\S*|[0-9a-f]{8}-[0-9a-f-]{27}")


def english_words(text: str) -> list[str]:
    """Latin-script words, leaving out URLs, paths and ids."""
    return re.findall(r"[A-Za-z][A-Za-z']+", _NOT_WORDS.sub(" ", text))
