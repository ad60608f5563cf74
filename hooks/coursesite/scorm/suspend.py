"""The compact suspend-data format: the learner's record in a few hundred
characters, so that it fits SCORM 1.2's 4,096-character ``cmi.suspend_data``
with room to spare. ``docs/assets/lms/scorm/suspend.js`` is the browser's
copy of this module; ``tests/test_scorm_suspend.py`` checks that both give
the same text for the same record.

Format, version 2 (only base64url characters and dots)::

    suspend = "2" "." readings ( "." module )*     one module section per module, nav order
    readings = FP BITS                              bit i: outline.readings[i] is marked read
    module   = FP BITS                              bits: visited, then for each quiz in order
                                                    answered; if answered: correct, first (the
                                                    first try was right), then one bit per
                                                    choice (authored order): selected;
                                                    a graded assessment (no quizzes) then has
                                                    18 bits: attempts used (5), the recorded
                                                    attempt's number (5), score (7), passed (1)
    FP       = the section's 2-character fingerprint (``outline.fingerprint``)

BITS packs the bits most significant first into base64url characters, six
bits each, the last one padded with zeros; trailing "A" (six zero bits) are
dropped, and a decoder reads missing bits as 0. Positions mean nothing
without the outline, so each section starts with the fingerprint of the
structure it was written for: a decoder matches a module section to the
module with that fingerprint (preferring the same position) and ignores a
section that matches nothing, so an edited course never puts an answer on
the wrong quiz.

Version 1 (still read) had no first bit: its answers' first try is taken to
be their result, as the browser's progress record does with its own v1.

Size: one character for the version, three per section plus one character
per six bits. For the worst case (every reading read, every module visited,
every quiz answered) see ``worst_case_length``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .outline import ModuleOutline, Outline

FORMAT = "2"
READABLE = ("1", "2")  # version 1: no first-try bit
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
SCORM12_LIMIT = 4096  # cmi.suspend_data is a CMIString4096 in SCORM 1.2


@dataclass
class Answer:
    correct: bool  # the last checked answer's result
    choices: list[str]  # selected choice keys
    first: bool | None = None  # the first try's result, the one that counts; None: as `correct`

    def __post_init__(self) -> None:
        if self.first is None:
            self.first = self.correct


@dataclass
class Graded:
    """A graded assessment's recorded attempt, and how many attempts were used."""

    score: int
    passed: bool
    number: int
    used: int


@dataclass
class LearnerRecord:
    visited: set[str] = field(default_factory=set)
    readings: set[str] = field(default_factory=set)
    answers: dict[str, Answer] = field(default_factory=dict)
    graded: dict[str, Graded] = field(default_factory=dict)


GRADED_BITS = (5, 5, 7, 1)  # used, number, score, passed


def _number_bits(value: int, width: int) -> list[bool]:
    return [bool(value >> (width - 1 - i) & 1) for i in range(width)]


def pack(bits: list[bool]) -> str:
    bits = bits + [False] * (-len(bits) % 6)
    chars = [ALPHABET[int("".join("1" if b else "0" for b in bits[i : i + 6]), 2)] for i in range(0, len(bits), 6)]
    return "".join(chars).rstrip("A")


def unpack(text: str) -> list[bool] | None:
    if any(c not in ALPHABET for c in text):
        return None
    return [bool(ALPHABET.index(c) >> (5 - i) & 1) for c in text for i in range(6)]


def module_bits(module: ModuleOutline, record: LearnerRecord) -> list[bool]:
    bits = [module.id in record.visited]
    for quiz in module.quizzes:
        answer = record.answers.get(quiz.id)
        bits.append(answer is not None)
        if answer is not None:
            bits += [answer.correct, bool(answer.first)]
            bits += [key in answer.choices for key in quiz.choices]
    graded = record.graded.get(module.id) if module.assessment else None
    if graded is not None:
        for value, width in zip(
            (graded.used, graded.number, graded.score, int(graded.passed)), GRADED_BITS, strict=True
        ):
            bits += _number_bits(min(value, 2**width - 1), width)
    return bits


def encode(outline: Outline, record: LearnerRecord) -> str:
    sections = [FORMAT, outline.readings_fingerprint + pack([r in record.readings for r in outline.readings])]
    sections += [m.fingerprint + pack(module_bits(m, record)) for m in outline.modules]
    return ".".join(sections)


def _read_graded(module: ModuleOutline, stream, record: LearnerRecord) -> None:
    used, number, score, passed = (sum(next(stream) << (width - 1 - i) for i in range(width)) for width in GRADED_BITS)
    if used and 1 <= number <= used and score <= 100:
        record.graded[module.id] = Graded(score, bool(passed), number, used)


def _read_module(module: ModuleOutline, bits: list[bool], record: LearnerRecord, version: str) -> None:
    stream = iter(bits + [False] * (1 + sum(3 + len(q.choices) for q in module.quizzes) + sum(GRADED_BITS)))
    if next(stream):
        record.visited.add(module.id)
    for quiz in module.quizzes:
        if not next(stream):
            continue
        correct = next(stream)
        first = next(stream) if version != "1" else correct
        chosen = [key for key in quiz.choices if next(stream)]
        if chosen:
            record.answers[quiz.id] = Answer(correct, chosen, first)
    if module.assessment:
        _read_graded(module, stream, record)


def _match(outline: Outline, position: int, fp: str, used: set[int]) -> ModuleOutline | None:
    modules = outline.modules
    if position < len(modules) and position not in used and modules[position].fingerprint == fp:
        used.add(position)
        return modules[position]
    for index, module in enumerate(modules):
        if index not in used and module.fingerprint == fp:
            used.add(index)
            return module
    return None


def decode(outline: Outline, text: str) -> LearnerRecord:
    """The record in ``text``; anything unreadable or written for another
    structure is left out (never raises: the LMS may hand back anything)."""
    record = LearnerRecord()
    sections = text.split(".") if isinstance(text, str) else []
    if not sections or sections[0] not in READABLE:
        return record
    if len(sections) > 1 and sections[1][:2] == outline.readings_fingerprint:
        read = unpack(sections[1][2:]) or []
        record.readings = {r for r, bit in zip(outline.readings, read, strict=False) if bit}
    used: set[int] = set()
    for position, section in enumerate(sections[2:]):
        module = _match(outline, position, section[:2], used)
        bits = unpack(section[2:])
        if module is not None and bits is not None:
            _read_module(module, bits, record, sections[0])
    return record


def worst_case_record(outline: Outline) -> LearnerRecord:
    """The longest record: everything read and visited, every quiz answered
    with every choice selected (no trailing zero bits to drop), every graded
    assessment's attempts all used (the bits of its fields all set)."""
    answers = {q.id: Answer(True, list(q.choices)) for m in outline.modules for q in m.quizzes}
    graded = {m.id: Graded(127, True, 31, 31) for m in outline.modules if m.assessment}
    return LearnerRecord({m.id for m in outline.modules}, set(outline.readings), answers, graded)


def worst_case_length(outline: Outline) -> int:
    """Characters of the longest possible suspend data, by formula."""
    sections = [len(outline.readings)] + [
        1 + sum(3 + len(q.choices) for q in m.quizzes) + (sum(GRADED_BITS) if m.assessment else 0)
        for m in outline.modules
    ]
    return len(FORMAT) + sum(1 + 2 + -(-bits // 6) for bits in sections)
