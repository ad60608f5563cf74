"""Figures: an SVG image with a caption block under it becomes a <figure>
with its <figcaption>; the build names a figure without a text alternative,
without a caption, over 10 KB gzipped or holding anything that runs or loads,
at the Markdown line that shows it; in the dark scheme the drawing's colours
are turned round, and axe finds nothing in either scheme."""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

from coursesite.figures import file_problems
from support.a11y import axe_violations
from support.sites import ROOT, SiteFactory, module_page

DRAWING = (ROOT / "docs/assets/figures/two-editions.svg").read_text(encoding="utf-8")
ALT = "Four steps in a circle: goal, reality, options, will"
FIGURE = f"""Before the figure.

![{ALT}](../assets/figures/grow.svg)

/// figure-caption
The GROW model: one conversation goes round the circle once.
///

After the figure.
"""


def _module_with(site, body: str, drawing: str = DRAWING) -> int:
    """Write the module and the drawing; the line of the image in the module file."""
    site.write("docs/assets/figures/grow.svg", drawing, dedent=False)
    path = site.module("01-intro.md", module_page("intro", body=body))
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "grow.svg" in line)


def test_a_figure_is_built_with_its_caption_and_text_alternative(site):
    _module_with(site, FIGURE)
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    figure = LexborHTMLParser(result.page("modules/01-intro/index.html")).css_first("article figure")
    assert figure.css_first("img").attributes["alt"] == ALT
    assert figure.css_first("img").attributes["src"] == "../../assets/figures/grow.svg"
    assert "The GROW model" in figure.css_first("figcaption").text()


@pytest.mark.parametrize(
    "body, message",
    [
        (FIGURE.replace(ALT, ""), "figure 'grow.svg' has no text alternative"),
        (FIGURE.split("/// figure-caption")[0], "figure 'grow.svg' has no caption"),
    ],
)
def test_a_figure_without_alternative_or_caption_is_named_at_its_line(site, body, message):
    line = _module_with(site, body)
    result = site.build("--strict")
    assert result.returncode == 1
    assert f"docs/modules/01-intro.md:{line}: {message} (" in result.output


def test_an_oversized_or_unsafe_drawing_is_named_at_the_line_that_shows_it(site):
    noise = random.Random(7)
    big = DRAWING.replace(
        "</svg>", "".join(f'<circle cx="{noise.random()}" cy="{noise.random()}" r="1"/>' for _ in range(900)) + "</svg>"
    )
    line = _module_with(site, FIGURE, big.replace("<g ", '<g onload="alert(1)" ', 1))
    result = site.build("--strict")
    assert result.returncode == 1
    assert f"docs/modules/01-intro.md:{line}: figure 'grow.svg' is " in result.output
    assert "KB gzipped; a figure may be at most 10 KB" in result.output
    assert f"docs/modules/01-intro.md:{line}: figure 'grow.svg' has an event handler (onload)" in result.output


@pytest.mark.parametrize(
    "svg, reason",
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "holds a <script> element"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
            "holds a <foreignObject> element",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><image x:href="https://example.org/p.png"/></svg>',
            "refers to another file or address (https://example.org/p.png)",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://example.org/x.css";</style></svg>',
            "loads an address in its styles (<style>)",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.org/a)"/></svg>', "loads an address"),
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "declares a DOCTYPE"),
        ("<svg><rect></svg>", "is not a well-formed SVG file"),
        ('<html xmlns="http://www.w3.org/1999/xhtml"/>', "is not an SVG drawing"),
    ],
)
def test_a_drawing_holding_what_runs_or_loads_is_refused(svg, reason):
    assert any(message.startswith(reason) for message, _ in file_problems(svg.encode()))


def test_the_course_drawings_are_clean():
    for drawing in sorted((ROOT / "docs/assets/figures").glob("*.svg")):
        assert file_problems(drawing.read_bytes()) == [], drawing.name


@pytest.fixture(scope="module")
def figure_url(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("figures") / "course")
    _module_with(site, FIGURE)
    with site.served("--strict") as url:
        yield url + "modules/01-intro/"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_figure_follows_the_scheme_fits_the_screen_and_passes_axe(open_page, figure_url, scheme, width):
    page = open_page(figure_url, color_scheme=scheme).page
    page.set_viewport_size({"width": width, "height": 900})
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
    img = page.locator("article figure img")
    img.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('article figure img').complete")
    filter_ = img.evaluate("el => getComputedStyle(el).filter")
    assert ("invert(1)" in filter_) == (scheme == "dark"), filter_
    box, article = img.bounding_box(), page.locator("article").bounding_box()
    assert box["width"] > 0 and box["x"] + box["width"] <= article["x"] + article["width"] + 1
    assert axe_violations(page) == []
