"""Item-writing checks: questions a test-wise learner cannot game.

The rules follow the published item-writing guidelines (Haladyna, Downing
and Rodriguez, 2002) and the item-writing-flaw rubric used for automated
review (Moore et al., 2023); docs/guide/item-writing.md documents each one.
They read the quizzes the quiz parser already produced:

- ``rules``: the rule names (``allow:`` in quiz options names them) and hints;
- ``words``: plain text and the word lists the rules look for;
- ``finding``, ``question`` and ``stem``: rules about one question (its options, its stem);
- ``pools``: the pages and graded pools, and the score of each cue strategy;
- ``pool_rules``: rules about a whole page or pool (length rank, position, true/false share);
- ``duplicates``: the same or nearly the same question in two places;
- ``check``: all rules as ``Problem`` values (warnings in the build, errors under ``course check --items``);
- ``report`` and ``command``: ``course items``.
"""
