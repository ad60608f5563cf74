"""One HTTP request for the external link check (Python's urllib, in a thread).

Redirects are not followed: the checker must see a 301 to tell the trainer
the new address. Every failure becomes an ``Answer``; nothing is raised.
"""

from __future__ import annotations

import email.utils
import errno
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin

USER_AGENT = "Mozilla/5.0 (compatible; course-link-check/1.0; +https://www.mkdocs.org/)"
HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
TIMEOUT, REFUSED, DNS, TLS, NETWORK = "timeout", "connection refused", "host not found", "TLS error", "network error"
NO_ROUTE = "network unreachable"  # this machine has no route to the host: no packet left it
NO_ROUTE_ERRNOS = (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN)


@dataclass
class Answer:
    code: int | None = None  # HTTP status; None when no answer came
    location: str = ""  # absolute target of a redirect
    retry_after: float | None = None  # seconds, from a 429's or 503's Retry-After
    error: str = ""  # TIMEOUT, REFUSED, DNS, NO_ROUTE, TLS or NETWORK when code is None
    reason: str = ""  # the status line's reason or the error's details


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError with the 3xx answer


_OPENER = urllib.request.build_opener(_NoRedirects)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (delay in seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def _error(error: BaseException) -> Answer:
    reason = getattr(error, "reason", error)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return Answer(error=TIMEOUT, reason=str(reason))
    if isinstance(reason, ConnectionRefusedError):
        return Answer(error=REFUSED, reason=str(reason))
    if isinstance(reason, socket.gaierror):
        return Answer(error=DNS, reason=str(reason))
    if isinstance(reason, ssl.SSLError):
        return Answer(error=TLS, reason=str(reason))
    if isinstance(reason, OSError) and reason.errno in NO_ROUTE_ERRNOS:
        return Answer(error=NO_ROUTE, reason=str(reason))
    return Answer(error=NETWORK, reason=str(reason) or type(reason).__name__)


def _absolute(url: str, location: str) -> str:
    """A redirect's target; a server's malformed Location is kept as sent."""
    try:
        return urljoin(url, location)
    except ValueError:
        return location


def probe(url: str, method: str, timeout: float) -> Answer:
    request = urllib.request.Request(url, method=method, headers=HEADERS)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)  # enough to know the body starts; never the whole page
            return Answer(response.status, reason=response.reason)
    except urllib.error.HTTPError as error:
        headers = error.headers
        location = headers.get("Location", "") if headers else ""
        answer = Answer(
            error.code,
            _absolute(url, location) if location else "",
            parse_retry_after(headers.get("Retry-After") if headers else None),
            reason=str(error.reason),
        )
        error.close()
        return answer
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        return _error(error)
