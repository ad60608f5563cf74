"""Plain text of quiz Markdown and the words the item-writing rules look for."""

from __future__ import annotations

import re
from functools import lru_cache

# Specific determiners: words that make a statement easy to judge false.
_ABSOLUTE = (
    "always never only completely entirely totally all none every nothing nobody guarantee guarantees guaranteed "
    "must certainly impossible whatever"
)
ABSOLUTE = frozenset(_ABSOLUTE.split())
# Hedges: words that make a statement easy to judge true.
VAGUE = frozenset("may might often usually sometimes generally typically frequently tend tends rarely".split())  # noqa: SIM905
# A true/false statement is judged by bolder words too: "research shows",
# "will", "any" claim more than evidence usually allows; "can" qualifies.
OVERCLAIM = ABSOLUTE | frozenset("any will show shows proves prove proven established works".split())  # noqa: SIM905
QUALIFIED = VAGUE | {"can", "could"}
STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been being it its this that these
    those there their they them he she his her him you your we our us i me my what which who whom whose when where why
    how do does did doing done have has had having will would should shall can could may might must not no so than
    then too very just also into over under about after before between through during up down out off again more most
    other some such own same each few any both if because while until against above below once here all only one two
    three four first second new get gets got make makes made say says said tell tells told ask asks asked what's it's
    don't doesn't isn't aren't""".split()  # noqa: SIM905
)

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
TAG = re.compile(r"<[^>]+>")
EMPHASIS = re.compile(r"[*_`~]+")
NUMBERING = re.compile(r"^\s*(?:\d{1,3}[.)]|[A-Za-z][.)])\s+")
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")  # \u2019: a typographic apostrophe


# Every rule reads the same few texts of a question again: cached, so a
# course of thousands of questions takes each text apart once.
CACHE = 1 << 16


@lru_cache(maxsize=CACHE)
def plain(markdown: str) -> str:
    """The text a learner reads: no links' targets, macros, tags or emphasis marks."""
    text = MACRO.sub("", markdown)
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    return " ".join(text.split())


def stem_text(question: str) -> str:
    """The question without the "1." numbering some pages give it."""
    return NUMBERING.sub("", plain(question))


@lru_cache(maxsize=CACHE)
def words(text: str) -> tuple[str, ...]:
    found = (w.lower().replace("\u2019", "'").strip("'-") for w in WORD.findall(text))
    return tuple(w.removesuffix("'s") for w in found)  # "Priya's" is Priya


def root(word: str) -> str:
    """A crude stem, so "reps" and "rep", "coaching" and "coach" meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=CACHE)
def content_roots(text: str) -> frozenset[str]:
    return frozenset(root(w) for w in words(text) if len(w) >= 4 and w not in STOP)


def has_any(text: str, vocabulary: frozenset[str]) -> bool:
    return any(w in vocabulary for w in words(text))


def found(text: str, vocabulary: frozenset[str]) -> list[str]:
    return sorted({w for w in words(text) if w in vocabulary})


def last_sentence(text: str) -> str:
    """The question itself: the last sentence of a stem that sets a scene first."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c\u2018])", text.strip()) if p]
    return parts[-1] if parts else text


def normalise_choice(markdown: str) -> str:
    return plain(markdown).strip(" .").casefold()
