"""Keyboard-only use in the browser tests: where focus is, and Tab until it is somewhere."""

from __future__ import annotations


def focused(page) -> str:
    """The focused element's id, or its text when it has none."""
    return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")


def tab_to(page, target: str, limit: int = 60) -> None:
    """Press Tab until ``focused(page)`` is ``target``; fails the test when it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == target:
            return
    raise AssertionError(f"Tab never reached {target}")
