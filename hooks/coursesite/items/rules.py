"""The item-writing rules by name: the name a quiz's ``allow:`` option uses
to switch a rule off for one question, and how to fix what the rule finds.

Kept free of imports so the quiz option check can name the rules without
loading the checks themselves."""

from __future__ import annotations

ALLOW_HINT = "or, if it is deliberate, add allow: [{rule}] to the quiz options with a comment saying why"

# name -> how to fix it (the message says what is wrong)
RULES: dict[str, str] = {
    "length-cue": "make the distractors as long and as specific as the correct option, or trim the correct one",
    "length-rank": "vary which option is the longest: make some correct options the shortest and some the longest",
    "absolute-terms": "take 'always', 'never', 'only'... out of options and true/false statements, or use them in right and wrong options alike",
    "vague-terms": "take 'may', 'often', 'usually'... out of options and true/false statements, or use them in right and wrong options alike",
    "all-of-the-above": "replace 'all of the above' with a plausible option of its own, or make the question multiple: true",
    "none-of-the-above": "replace 'none of the above' with a plausible, specific option",
    "negative-stem": "ask the question positively, or emphasise the negative word: **not**, *except* or NOT",
    "hint-cue": "make the hint point at the idea to use, not at words of the correct option",
    "word-repeat": "use the stem's word in no option or in several, so it does not point at the correct one",
    "grammar-cue": "make every option fit the stem's grammar (a/an, singular/plural), or end the stem before the article",
    "fill-in-blank": "ask a complete question instead of a sentence with a gap",
    "combined-options": "make it multiple: true with one option per idea, instead of options that combine others",
    "number-order": "list numeric options from smallest to largest (or the other way), so their order gives nothing away",
    "unfocused-stem": "end the stem with the question the options answer, so it can be answered before reading them",
    "convergence-cue": "vary the distractors: the correct option should not be the one whose parts the other options share",
    "position-balance": "move the correct option to other positions, or set shuffle: true",
    "true-false-share": "turn some true/false statements into questions with three or four options",
    "near-duplicate": "rewrite one of the two questions so it tests the idea in a new situation",
    "pool-copy": "write a new question for the graded pool: a learner who saw the knowledge check knows this answer",
}


def hint(rule: str) -> str:
    return f"{RULES[rule]}; {ALLOW_HINT.format(rule=rule)}"
