"""Geometry checks that axe cannot make, measured in the rendered page."""

from __future__ import annotations


def misaligned_choices(page, items: str) -> list[str]:
    """The list items (``items``: a CSS selector) whose control's centre is off the
    centre of its label's first line by more than 2 px, or whose control is not
    left of the label; each named by the start of its text and how far off it is."""
    return page.evaluate(
        """(items) => [...document.querySelectorAll(items)].flatMap((item) => {
            const box = item.querySelector('input').getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(item.querySelector('label'));
            const line = range.getClientRects()[0];
            const off = Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2);
            return off > 2 || box.right > line.left ? [`${item.textContent.trim().slice(0, 30)}: ${off.toFixed(1)} px`] : [];
        })""",
        items,
    )
