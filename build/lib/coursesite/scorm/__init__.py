"""SCORM packages of the course: one command builds a SCORM 1.2 and
a SCORM 2004 4th edition zip that a corporate LMS imports.

- ``outline``: what the launch page must know (modules, quizzes, readings);
- ``suspend``: the compact suspend-data format, mirrored by
  ``docs/assets/lms/scorm/suspend.js``, and its worst-case size;
- ``launch``: the launch page that holds the one LMS session;
- ``manifest``: ``imsmanifest.xml`` for each SCORM version;
- ``offline``: finds references that would leave the package;
- ``package``: the strict build and the deterministic zips;
- ``command``: ``course scorm [--version 1.2|2004|both] [--output dist]``.
"""

VERSIONS = ("1.2", "2004")
