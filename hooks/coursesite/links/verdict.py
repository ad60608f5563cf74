"""Judge what a server said about a URL, and say what the trainer should do.

Statuses, worst first:

| status       | when                                                   | fails the job |
| ------------ | ------------------------------------------------------ | ------------- |
| broken       | 404, 410, any other 4xx/5xx (after retries)            | yes           |
| unreachable  | refused connection, unknown host, TLS failure          | yes           |
| timeout      | no answer within the timeout, every attempt            | yes           |
| rate-limited | still 429 after honouring Retry-After                  | no            |
| moved        | 301/308: the page has a new permanent address          | no            |
| use-https    | an http:// URL whose https:// version answers          | no            |
| ok           | 2xx; 302/303/307 (temporary); an accepted answer       | no            |

Outcomes are cached as the server gave them; the verdict is made afresh on
every run, so a changed accept list applies to cached URLs too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus

from ..urls import host_of
from .lychee import PERMANENT, TEMPORARY, TIMEOUT, Outcome
from .rules import host_matches
from .settings import ExternalSettings

BROKEN, UNREACHABLE, TIMED_OUT, RATE_LIMITED, MOVED, USE_HTTPS, OK = (
    "broken",
    "unreachable",
    "timeout",
    "rate-limited",
    "moved",
    "use-https",
    "ok",
)
ORDER = (BROKEN, UNREACHABLE, TIMED_OUT, RATE_LIMITED, MOVED, USE_HTTPS, OK)
FAILING = frozenset({BROKEN, UNREACHABLE, TIMED_OUT})


@dataclass
class Result:
    url: str
    status: str
    code: int | None
    detail: str  # what happened, in words
    advice: str = ""  # what to do, empty when nothing
    new_url: str = ""  # for moved and use-https: the URL to write instead
    where: list[str] = field(default_factory=list)  # "docs/modules/01-x.md:12", ...
    from_cache: bool = False


def _phrase(code: int | None) -> str:
    if code is None:
        return str(code)
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def _accepted(url: str, code: int | None, settings: ExternalSettings) -> str:
    host = host_of(url)
    for name, codes in settings.accept.items():
        if code in codes and host_matches(host, [name]):
            return name
    return ""


def _moved(outcome: Outcome) -> Result:
    new = outcome.location
    lands = (
        ""
        if outcome.final_code is not None and outcome.final_code < 400
        else f", but that answers {_phrase(outcome.final_code) if outcome.final_code else 'nothing'}"
    )
    return Result(
        outcome.url,
        MOVED,
        outcome.code,
        f"moved permanently ({_phrase(outcome.code)}) to {new}{lands}",
        f"use {new}",
        new_url=new,
    )


def judge(outcome: Outcome, settings: ExternalSettings) -> Result:
    url, code = outcome.url, outcome.code
    tries = f"{outcome.attempts} attempt{'s' if outcome.attempts > 1 else ''}"
    if code is None:
        if outcome.error == TIMEOUT:
            return Result(
                url,
                TIMED_OUT,
                None,
                f"no answer within {settings.timeout:g} s ({tries})",
                "open it in a browser; if the site is only slow, leave it",
            )
        return Result(
            url,
            UNREACHABLE,
            None,
            f"{outcome.error or 'no answer'} ({tries})",
            "check the address; the site may have closed",
        )
    if code in PERMANENT and outcome.location:
        return _moved(outcome)
    if host := _accepted(url, code, settings):
        return Result(url, OK, code, f"answer {code} is accepted for {host} (it refuses robots)")
    if code == 429:
        return Result(
            url,
            RATE_LIMITED,
            code,
            f"429 Too Many Requests after waiting {outcome.waited:g} s ({tries})",
            "run the check again later",
        )
    if code >= 400:
        return Result(
            url,
            BROKEN,
            code,
            f"{_phrase(code)} ({outcome.method}, {tries})",
            "find the new address (a search, or the Internet Archive) or remove the link",
        )
    detail = _phrase(code) + (
        f", temporary redirect to {outcome.location}" if code in TEMPORARY and outcome.location else ""
    )
    if outcome.waited:
        detail += f", after waiting {outcome.waited:g} s as Retry-After asked"
    if outcome.https_ok:
        https = "https://" + url[len("http://") :]
        return Result(url, USE_HTTPS, code, detail + "; https:// answers too", f"use {https}", new_url=https)
    return Result(url, OK, code, detail)


def sort_results(results: list[Result]) -> list[Result]:
    return sorted(results, key=lambda r: (ORDER.index(r.status), r.url))
