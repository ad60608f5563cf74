"""Where a link written in a built page leads, as a browser would see it.

Relative links resolve against the page's own URL (``modules/01-x/index.html``
is served as ``modules/01-x/``); site-absolute links (``/sales-leader-course/
assets/x.css``, as on the 404 page) and full links to the site's own address
(the canonical link) resolve against ``site_url``'s path. A directory is
reached through its ``index.html``, as on GitHub Pages.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from .settings import LinkSettings

SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//)")
OUTSIDE = "\0outside"  # marker path: the link climbs out of the published site


@dataclass(frozen=True, slots=True)
class Target:
    path: str  # site path as written after resolving (may not exist), or OUTSIDE
    fragment: str  # without '#', still percent-encoded as written

    @property
    def outside(self) -> bool:
        return self.path == OUTSIDE


def is_external(url: str) -> bool:
    """Any URL with a scheme (https:, mailto:, data:...) or a network path (//host)."""
    if ":" not in url:  # most links of a site: skip the regular expression
        return url.startswith("//")
    return bool(SCHEME.match(url))


def page_dir(page_path: str) -> str:
    return posixpath.dirname(page_path)


class Resolver:
    def __init__(self, files: set[str], settings: LinkSettings):
        self.files = files
        # folder -> its index.html: a link to a folder reaches that file
        self.indexes = {
            f.removesuffix("index.html").rstrip("/"): f for f in files if f == "index.html" or f.endswith("/index.html")
        }
        self.prefix = settings.prefix
        self.origin = settings.site_origin
        self._cache: dict[tuple[str, str], Target | None] = {}

    def own_address(self, url: str) -> str | None:
        """``https://host/prefix/x`` of this site itself as the site-absolute ``/prefix/x``."""
        if self.origin and url.startswith(self.origin) and url[len(self.origin) : len(self.origin) + 1] in ("/", ""):
            return url[len(self.origin) :] or "/"
        return None

    def resolve(self, page_path: str, url: str, folder: str | None = None) -> Target | None:
        """The target of ``url`` written in ``page_path`` (whose folder may be
        passed to save work); None for links this check does not follow
        (other sites, mailto:, tel:, javascript:, data:)."""
        if not url or url[0] == "#":
            return Target(page_path, url[1:])
        folder = page_dir(page_path) if folder is None else folder
        while url[:3] == "../" and folder:  # "../x" from a/b is "x" from a: pages of one folder share the work
            folder, url = folder.rpartition("/")[0], url[3:]
        key = (folder, url)
        if key not in self._cache:
            self._cache[key] = self._resolve(key[0], url)
        return self._cache[key]

    def _resolve(self, folder: str, url: str) -> Target | None:
        if self.origin and url.startswith(self.origin) and (own := self.own_address(url)) is not None:
            url = own
        elif is_external(url):
            return None
        path, _, fragment = url.partition("#")
        if "?" in path:
            path = path.partition("?")[0]
        if "%" in path:
            path = unquote(path)
        if path.startswith("/"):
            if not (path + "/").startswith(self.prefix):
                return Target(OUTSIDE, fragment)
            joined = path[len(self.prefix) :]
        else:
            joined = f"{folder}/{path}" if folder else path
        if not joined:
            return Target("", fragment)
        normal = posixpath.normpath(joined)
        if normal == ".." or normal.startswith("../"):
            return Target(OUTSIDE, fragment)
        return Target("" if normal == "." else normal, fragment)

    def existing_file(self, target: Target) -> str | None:
        """The file a server would send for ``target``, or None."""
        path = target.path
        return path if path in self.files else self.indexes.get(path)


def has_anchor(ids: set[str], fragment: str) -> bool:
    """True when ``#fragment`` lands somewhere: an id, the page top, or a text fragment."""
    if not fragment or fragment.lower() == "top" or fragment.startswith(":~:"):
        return True
    return fragment in ids or unquote(fragment) in ids
