"""The package's launch page, ``scorm-launch.html``: the file the LMS opens.

It holds the one LMS session and shows the course in a frame (why: see
``docs/assets/lms/scorm/launch.js``). The course outline travels in a JSON
data island, with ``<`` escaped so author text can never close the script.
"""

from __future__ import annotations

import html
import json

from .outline import Outline

LAUNCH_FILE = "scorm-launch.html"
START = "index.html"  # the course home, first page of a new learner
SCRIPT = "assets/lms/scorm/launch.js"


def island_json(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def launch_page(outline: Outline, version: str) -> str:
    title = html.escape(outline.title or "Course")
    data = island_json(outline.as_data(version, START))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>
  html, body {{ margin: 0; height: 100%; }}
  .lms-scorm-frame {{ display: block; width: 100%; height: 100%; border: 0; }}
</style>
<script type="application/json" id="lms-scorm-course">{data}</script>
</head>
<body>
<iframe id="lms-scorm-frame" class="lms-scorm-frame" title="{title}"></iframe>
<noscript><p>This course needs JavaScript to report to your learning system. You can still <a href="{START}">read the course</a>.</p></noscript>
<script>
  // A dynamic import, so that a browser that cannot load the module (a package
  // opened from a folder on disk) still shows the course, without reporting.
  import("./{SCRIPT}").catch(function (error) {{
    console.warn("[course SCORM] the launch script did not load, so nothing is reported:", error);
    document.getElementById("lms-scorm-frame").src = "{START}";
  }});
</script>
</body>
</html>
"""
