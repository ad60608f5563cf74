"""Ask every outside server about its URLs, politely and in parallel.

asyncio schedules; each request runs in a worker thread (``probe``). Limits:
``concurrency`` requests at once in all and ``per_host`` at once per host.
HEAD first, GET when HEAD is refused. Timeouts, refused connections, 5xx and
429 are retried with exponential backoff; a 429's ``Retry-After`` (capped)
holds back every request to that host until it has passed. Permanent
redirects are followed (a few hops) to find the address to use instead.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from ..urls import host_of
from .probe import Answer, probe
from .rules import LOOPBACK
from .settings import ExternalSettings

PERMANENT, TEMPORARY = (301, 308), (302, 303, 307)
RETRY_CODES = (429, 500, 502, 503, 504)
MAX_HOPS = 5


@dataclass
class Outcome:
    """What the server said about one URL: cached as it is, judged later."""

    url: str
    code: int | None = None
    error: str = ""
    reason: str = ""
    method: str = "HEAD"
    attempts: int = 1
    waited: float = 0.0  # seconds spent honouring Retry-After
    location: str = ""  # redirect target; after 301/308, the last permanent address
    final_code: int | None = None  # what that permanent address answers
    https_ok: bool | None = None  # for http:// URLs: does https:// answer?
    checked_at: float = field(default_factory=time.time)

    def to_dict(self) -> dict:
        return asdict(self)


class _Host:
    def __init__(self, per_host: int):
        self.slots = asyncio.Semaphore(per_host)
        self.not_before = 0.0  # loop time before which nobody may ask this host again

    def hold(self, seconds: float) -> None:
        self.not_before = max(self.not_before, asyncio.get_running_loop().time() + seconds)


class Engine:
    def __init__(self, settings: ExternalSettings):
        self.settings = settings
        self.hosts: dict[str, _Host] = {}

    def _host(self, url: str) -> _Host:
        host = host_of(url)
        return self.hosts.setdefault(host, _Host(self.settings.per_host))

    async def _request(self, url: str, method: str) -> Answer:
        host, loop = self._host(url), asyncio.get_running_loop()
        async with host.slots, self.everyone:
            delay = host.not_before - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            return await loop.run_in_executor(self.pool, probe, url, method, self.settings.timeout)

    def _retry_delay(self, url: str, answer: Answer, attempt: int) -> float:
        if answer.code == 429 and answer.retry_after is not None:
            wait = min(answer.retry_after, self.settings.max_retry_after)
            self._host(url).hold(wait)
            return wait
        return self.settings.backoff * 2**attempt

    async def ask(self, url: str, outcome: Outcome | None = None) -> tuple[Answer, Outcome]:
        """The settled answer for ``url``: after GET fallback and retries."""
        outcome = outcome or Outcome(url)
        method, attempt = "HEAD", 0
        while True:
            answer = await self._request(url, method)
            if method == "HEAD" and answer.code is not None and answer.code >= 400 and answer.code != 429:
                method = "GET"  # many servers refuse or mishandle HEAD (405, 403, 501, even 404)
                continue
            retry = answer.error or answer.code in RETRY_CODES
            if not retry or attempt >= self.settings.retries:
                outcome.method, outcome.attempts = method, attempt + 1
                return answer, outcome
            delay = self._retry_delay(url, answer, attempt)
            if answer.code == 429:
                outcome.waited += delay
            else:
                await asyncio.sleep(delay)  # a 429's wait is enforced by the host's gate
            attempt += 1

    async def _follow(self, outcome: Outcome, location: str) -> None:
        for _ in range(MAX_HOPS):
            outcome.location = location
            answer, _ = await self.ask(location, Outcome(location))
            outcome.final_code = answer.code
            if answer.code not in PERMANENT or not answer.location:
                return
            location = answer.location

    async def _https_works(self, url: str) -> bool:
        answer = await self._request("https://" + url[len("http://") :], "HEAD")
        if answer.code is not None and answer.code >= 400:
            answer = await self._request("https://" + url[len("http://") :], "GET")
        return answer.code is not None and answer.code < 400

    async def check(self, url: str) -> Outcome:
        answer, outcome = await self.ask(url)
        outcome.code, outcome.error, outcome.reason = answer.code, answer.error, answer.reason
        if answer.code in PERMANENT and answer.location:
            await self._follow(outcome, answer.location)
        elif answer.code in TEMPORARY:
            outcome.location = answer.location
        host = host_of(url)
        if (
            self.settings.try_https
            and url[:7].lower() == "http://"
            and host not in LOOPBACK
            and answer.code
            and answer.code < 400
        ):
            outcome.https_ok = await self._https_works(url)
        return outcome

    async def _run(self, urls: list[str]) -> dict[str, Outcome]:
        self.everyone = asyncio.Semaphore(self.settings.concurrency)
        outcomes = await asyncio.gather(*(self.check(url) for url in urls))
        return dict(zip(urls, outcomes, strict=True))

    def run(self, urls: list[str]) -> dict[str, Outcome]:
        with ThreadPoolExecutor(max_workers=self.settings.concurrency, thread_name_prefix="link-check") as self.pool:
            try:
                asyncio.get_running_loop()
            except RuntimeError:  # the usual case: no loop in this thread
                return asyncio.run(self._run(urls))
            # Called from code that already runs an event loop (a notebook, Playwright's
            # sync API): asyncio.run would refuse, so give the check its own thread.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="link-loop") as loop_thread:
                return loop_thread.submit(asyncio.run, self._run(urls)).result()
