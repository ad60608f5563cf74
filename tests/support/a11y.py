"""axe-core (bundled by axe-playwright-python) with readable failures."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()


def axe_violations(page) -> list[str]:
    """One line per violating node: rule id, impact, target and the fix summary."""
    response = _AXE.run(page).response
    lines = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['id']} ({violation['impact']}): {node['target']} - {node.get('failureSummary', '').splitlines()[-1].strip()}"
            )
    return lines


def set_scheme(page, scheme: str) -> None:
    """Switch Material's palette the way a learner does, by its toggle."""
    # The toggle cycles device -> light -> dark -> device (mkdocs.yml): at most three clicks.
    for _ in range(3):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        before = page.evaluate("document.body.getAttribute('data-md-color-media')")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"document.body.getAttribute('data-md-color-media') !== {before!r}")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
