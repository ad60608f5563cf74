"""Link checking.

- ``internal``: after every build, every link and image of every built page
  must resolve inside the site, anchors included (runs in ``mkdocs build`` and
  ``course check``); ``rules`` adds what MkDocs lacks.
- ``external``: opt-in check of every outside URL (``course links --external``),
  never part of a default build or test run.
"""

from .internal import check_site  # noqa: F401  (the site checks')
