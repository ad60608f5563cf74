"""Figures: purpose-made SVG drawings with a caption and a text alternative.

A trainer writes an image and a caption block under it (docs/guide/figures.md):

    ![What the figure shows, in words](../assets/figures/three-hats.svg)

    /// figure-caption
    Mentoring, coaching and managing answer different questions.
    ///

pymdown-extensions' caption block wraps both in ``<figure>``. The stylesheet
turns an SVG figure's colours round in the dark scheme, so one drawing (dark
lines on a transparent background) serves both schemes.

A figure is an SVG file in a ``figures/`` folder, or shown in a ``<figure>``.
After the build, every figure of a page is checked here, at the line of
the Markdown that shows it: a text alternative, a caption, at most 10 KB
gzipped, and nothing in the file that could run or fetch anything (an SVG is
served from the course's own address, where a script could read a learner's
progress).
"""

from __future__ import annotations

import gzip
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import builtsite
from .config import built_page
from .course_loader import Course
from .problems import Problem

MAX_GZIPPED = 10 * 1024
CAPTION_HINT = "put a caption block right under the image: a line '/// figure-caption', the caption, then '///'"
ALT_HINT = "write what the figure shows between the brackets: ![Four steps: goal, reality, options, will](...)"
FORBIDDEN_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object"}


def check_site(course: Course, site_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    files_checked: set[Path] = set()
    directory_urls = course.site.settings.use_directory_urls  # of this build: false in a SCORM package
    images = builtsite.of(course, site_dir).images  # the pages that show an SVG
    for src_uri, source in sorted(course.pages.items()):
        built = built_page(src_uri, directory_urls)
        for img in images.get(built, []):
            address = urlsplit(img.src)
            if address.scheme or address.netloc or not _is_figure(img, unquote(address.path)):
                continue
            name = posixpath.basename(unquote(address.path))
            line = next((n for n, text in enumerate(source.lines, start=1) if name in text), 0)
            found = []
            if not img.alt.strip():
                found.append(("has no text alternative", ALT_HINT))
            if not img.caption:
                found.append(("has no caption", CAPTION_HINT))
            file = ((site_dir / built).parent / unquote(address.path)).resolve()
            if file not in files_checked and file.is_file():  # a missing file is the link check's to report
                files_checked.add(file)
                found += file_problems(file.read_bytes())
            problems += [Problem(source.path, line, f"figure '{name}' {message}", hint) for message, hint in found]
    return problems


def _is_figure(img: builtsite.Image, path: str) -> bool:
    """An SVG drawing kept in a ``figures/`` folder, or shown in a ``<figure>``
    (an SVG icon elsewhere is an ordinary image)."""
    return path.lower().endswith(".svg") and ("figures/" in path or img.caption is not None)


def file_problems(data: bytes) -> list[tuple[str, str]]:
    """What is wrong with an SVG file as a figure: its size, and anything
    that would run, fetch or expand when the file is opened on its own."""
    problems = []
    gzipped = len(gzip.compress(data, mtime=0))
    if gzipped > MAX_GZIPPED:
        problems.append(
            (
                f"is {gzipped / 1024:.1f} KB gzipped; a figure may be at most {MAX_GZIPPED // 1024} KB",
                "simplify the drawing, or save it as a plain or optimised SVG (e.g. with SVGO), without embedded pictures",
            )
        )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return [*problems, ("declares a DOCTYPE or entities", "save the drawing as a plain SVG, without a DOCTYPE")]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [*problems, (f"is not a well-formed SVG file ({error})", "export the drawing again as SVG")]
    if _local(root.tag) != "svg":
        problems.append(("is not an SVG drawing (its root element is not <svg>)", "export the drawing again as SVG"))
    unsafe = sorted({reason for element in root.iter() for reason in _unsafe(element)})
    problems += [
        (reason, "remove it: a figure is a drawing only, with nothing that runs or loads") for reason in unsafe
    ]
    return problems


def _unsafe(element: ET.Element) -> list[str]:
    reasons = []
    tag = _local(element.tag)
    if tag in FORBIDDEN_ELEMENTS:
        reasons.append(f"holds a <{tag}> element")
    for attribute, value in element.attrib.items():
        name = _local(attribute)
        if name.lower().startswith("on"):
            reasons.append(f"has an event handler ({name})")
        elif name == "href" and not value.strip().startswith("#"):
            reasons.append(f"refers to another file or address ({value.strip()[:60]})")
        elif "url(" in value and "url(#" not in value.replace(" ", ""):
            reasons.append(f"loads an address in its styles ({name})")
    if tag == "style" and element.text and ("@import" in element.text or "url(" in element.text.replace("url(#", "")):
        reasons.append("loads an address in its styles (<style>)")
    return reasons


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
