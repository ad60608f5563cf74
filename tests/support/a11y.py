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
    """Switch the colour scheme the way a learner does, by the header's toggle."""
    # The toggle cycles device -> light -> dark -> device (mkdocs.yml): at most three clicks.
    toggle = page.locator("button[data-lms-scheme]")
    for _ in range(3):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        shown = toggle.locator("span:not([hidden])")  # the entry shown, whose icon names the button
        before = shown.get_attribute("title")
        toggle.click()
        assert shown.get_attribute("title") != before, "the toggle did not move on"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
