"""External link checking against a real HTTP server on 127.0.0.1.

The server answers the ways outside sites do (200, 301, 308, 302, 404, 410,
429 with Retry-After, LinkedIn's 999, HEAD refused, too slow) and one URL
points at a port that refuses connections. Each URL must get exactly the
verdict docs/guide/links.md promises, and a second run must ask no server.
No request leaves 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import socket
import threading
import time

import pytest

from coursesite import cli
from coursesite.links import report
from coursesite.links.cache import LinkCache
from coursesite.links.collect import reading_urls
from coursesite.links.external import check_urls
from coursesite.links.lychee import Outcome, error_kind
from coursesite.links.settings import ExternalSettings
from coursesite.links.verdict import judge
from support.server import LoopbackServer
from support.sites import module_page

SLOW_SECONDS = 1.5
PAUSE_SECONDS = 0.2


class _Handler(http.server.BaseHTTPRequestHandler):
    server: LinkServer._Server

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self._answer()

    def do_GET(self):
        self._answer()

    def _send(self, code: int, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(code, "Request denied" if code == 999 else None)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting (the slow page): that is the point

    def _answer(self) -> None:
        path = self.path
        counted = path != "/slow"  # the checker stops waiting for /slow long before it ends
        with self.server.lock:
            self.server.log.append((self.command, path, time.monotonic()))
            self.server.in_flight += counted
            self.server.most_at_once = max(self.server.most_at_once, self.server.in_flight)
            busy_before = sum(1 for _, p, _ in self.server.log if p == "/busy") > 1
        try:
            self._route(path, busy_before)
        finally:
            with self.server.lock:
                self.server.in_flight -= counted

    def _route(self, path: str, busy_before: bool) -> None:
        redirects = {"/moved": (301, "/ok"), "/old": (308, "/moved"), "/temporary": (302, "/elsewhere")}
        codes = {"/ok": 200, "/elsewhere": 200, "/missing": 404, "/gone": 410, "/robots": 999, "/always-busy": 429}
        if path in redirects:
            code, location = redirects[path]
            self._send(code, {"Location": location})
        elif path == "/busy" and not busy_before:
            self._send(429, {"Retry-After": "1"})
        elif path == "/busy":
            self._send(200)
        elif path == "/always-busy":
            self._send(429, {"Retry-After": "1"})
        elif path == "/no-head":
            self._send(405 if self.command == "HEAD" else 200)
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200)
        elif path.startswith("/pause/"):
            time.sleep(PAUSE_SECONDS)
            self._send(200)
        else:
            self._send(codes.get(path, 404))


class LinkServer(LoopbackServer):
    def __init__(self):
        super().__init__(_Handler)
        self.httpd.lock = threading.Lock()
        self.httpd.log = []
        self.httpd.in_flight = 0
        self.httpd.most_at_once = 0

    @property
    def base(self) -> str:
        return self.url.rstrip("/")

    @property
    def log(self) -> list[tuple[str, str, float]]:
        with self.httpd.lock:
            return list(self.httpd.log)

    @property
    def most_at_once(self) -> int:
        return self.httpd.most_at_once


def refused_url() -> str:
    """A URL on a port that was bound and closed again, so connecting is refused."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/anything"


def refused_urls(count: int) -> list[str]:
    """``count`` URLs on distinct closed ports: an offline machine fails every server alike."""
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return [f"http://127.0.0.1:{port}/page" for port in ports]


# --------------------------------------------------------------------------- checks

PATHS = [
    "/ok",
    "/moved",
    "/old",
    "/temporary",
    "/missing",
    "/gone",
    "/busy",
    "/always-busy",
    "/robots",
    "/no-head",
    "/slow",
]
PAUSES = [f"/pause/{n}" for n in range(6)]


def fast_settings(**changes) -> ExternalSettings:
    settings = ExternalSettings(timeout=1, retries=1, backoff=1, per_host=2, concurrency=8)  # lychee: whole seconds
    settings.accept = {**settings.accept, "127.0.0.1": frozenset({999})}
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two runs over the same URLs with one cache; the server's log after each."""
    cache_dir = tmp_path_factory.mktemp("link-cache")
    with LinkServer() as server:
        urls = {server.base + p: [f"docs/modules/01-x.md:{i}"] for i, p in enumerate(PATHS + PAUSES, start=1)}
        refused = refused_url()
        urls[refused] = ["docs/_data/readings.yml:7"]
        started = time.monotonic()
        first = check_urls(urls, fast_settings(), LinkCache(cache_dir, ttl_hours=24))
        took = time.monotonic() - started
        log_first = server.log
        started = time.monotonic()
        second = check_urls(urls, fast_settings(), LinkCache(cache_dir, ttl_hours=24))
        took_second = time.monotonic() - started
        yield {
            "base": server.base,
            "refused": refused,
            "cache_dir": cache_dir,
            "server": server,
            "first": {r.url: r for r in first},
            "second": {r.url: r for r in second},
            "took": took,
            "took_second": took_second,
            "log_first": log_first,
            "log_second": server.log,
        }


EXPECTED = {
    # path: (status, code, what the detail or new URL must say)
    "/ok": ("ok", 200, "200 OK"),
    "/moved": ("moved", 301, "/ok"),
    "/old": ("moved", 308, "/ok"),
    "/temporary": ("ok", 302, "temporary redirect to {base}/elsewhere"),
    "/missing": ("broken", 404, "404 Not Found"),
    "/gone": ("broken", 410, "410 Gone"),
    "/busy": ("ok", 200, "200 OK"),
    "/always-busy": ("rate-limited", 429, "429 Too Many Requests"),
    "/robots": ("ok", 999, "accepted for 127.0.0.1"),
    "/no-head": ("ok", 200, "200 OK"),
    "/slow": ("timeout", None, "no answer within 1 s (2 attempts)"),
}


@pytest.mark.parametrize("path", PATHS)
def test_each_answer_gets_the_specified_verdict(runs, path):
    status, code, says = EXPECTED[path]
    result = runs["first"][runs["base"] + path]
    assert (result.status, result.code) == (status, code), result
    if status == "moved":
        assert result.new_url == runs["base"] + says
        assert result.advice == f"use {runs['base']}{says}"
    else:
        assert says.format(base=runs["base"]) in result.detail
    assert result.where and not result.from_cache


def test_a_refused_port_is_unreachable(runs):
    result = runs["first"][runs["refused"]]
    assert (result.status, result.code) == ("unreachable", None)
    assert "connection refused" in result.detail
    assert result.where == ["docs/_data/readings.yml:7"]


def test_a_server_that_refuses_head_is_asked_with_get(runs):
    methods = [m for m, p, _ in runs["log_first"] if p == "/no-head"]
    assert methods == ["GET"]


def test_retry_after_is_honoured_before_asking_again(runs):
    times = [t for _, p, t in runs["log_first"] if p == "/busy"]
    assert len(times) == 2 and times[1] - times[0] >= 0.95


def test_slow_pages_are_retried_with_backoff_then_given_up(runs):
    assert [m for m, p, _ in runs["log_first"] if p == "/slow"] == ["GET", "GET"]
    assert runs["took"] < 20, "the run must not wait for the slow server"


def test_no_more_requests_at_once_to_one_host_than_allowed(runs):
    # per_host (2), although concurrency is 8; a redirect's next hop can reach the server
    # before it has finished counting the answer that sent it there, hence one more. (How
    # many overlap below that depends on lychee's pacing of a host that answered 429.)
    assert 1 <= runs["server"].most_at_once <= 3


def test_a_second_run_is_served_from_the_cache(runs):
    assert runs["log_second"] == runs["log_first"], "the second run asked the server again"
    assert all(r.from_cache for r in runs["second"].values())
    for url, result in runs["first"].items():
        again = runs["second"][url]
        assert (again.status, again.code, again.new_url) == (result.status, result.code, result.new_url)
    assert runs["took_second"] < 0.5


def test_a_changed_accept_list_applies_to_cached_answers(runs):
    settings = fast_settings(accept={})
    results = {
        r.url: r for r in check_urls({runs["base"] + "/robots": ["x"]}, settings, LinkCache(runs["cache_dir"], 24))
    }
    result = results[runs["base"] + "/robots"]
    assert (result.status, result.code, result.from_cache) == ("broken", 999, True)


def test_an_expired_cache_entry_is_asked_again(tmp_path):
    with LinkServer() as server:
        url = server.base + "/ok"
        now = [1_000_000.0]
        check_urls({url: []}, fast_settings(), LinkCache(tmp_path, 1, clock=lambda: now[0]))
        now[0] += 1800
        check_urls({url: []}, fast_settings(), LinkCache(tmp_path, 1, clock=lambda: now[0]))
        assert len(server.log) == 1
        now[0] += 3601
        [result] = check_urls({url: []}, fast_settings(), LinkCache(tmp_path, 1, clock=lambda: now[0]))
        assert len(server.log) == 2 and not result.from_cache


def test_a_damaged_cache_file_is_a_cold_cache(tmp_path):
    (tmp_path / "external-links.json").write_text("{not json", encoding="utf-8")
    assert LinkCache(tmp_path, 24).get("https://example.org/") is None
    (tmp_path / "external-links.json").write_text(
        json.dumps({"version": 1, "outcomes": {"u": {"bogus": 1}}}), encoding="utf-8"
    )
    assert LinkCache(tmp_path, 24).get("u") is None


def test_linkedin_999_is_accepted_by_default_and_subdomains_match():
    settings = ExternalSettings()
    assert judge(Outcome("https://www.linkedin.com/in/someone", code=999), settings).status == "ok"
    assert judge(Outcome("https://example.org/", code=999), settings).status == "broken"


def test_an_http_link_whose_https_address_works_is_reported_with_it():
    result = judge(Outcome("http://example.org/guide", code=200, https_ok=True), ExternalSettings())
    assert (result.status, result.new_url, result.advice) == (
        "use-https",
        "https://example.org/guide",
        "use https://example.org/guide",
    )
    assert judge(Outcome("http://example.org/guide", code=200, https_ok=False), ExternalSettings()).status == "ok"


def test_reports_as_table_json_and_markdown(runs):
    results = list(runs["first"].values())
    from coursesite.links.verdict import sort_results

    results = sort_results(results)
    table = report.format_table(results)
    assert table.splitlines()[0].split()[:4] == ["STATUS", "CODE", "URL", "DETAIL"]
    assert table.splitlines()[1].startswith("broken")
    assert "2 broken, 1 unreachable, 1 timeout, 1 rate-limited, 2 moved" in table
    data = json.loads(report.format_json(results))
    assert data["summary"]["broken"] == 2 and data["summary"]["total"] == len(results)
    assert {r["status"] for r in data["results"]} >= {"broken", "moved", "ok", "timeout", "unreachable", "rate-limited"}
    markdown = report.format_markdown(results)
    assert markdown.startswith("## External links")
    assert f"| ❌ broken | <{runs['base']}/missing> | 404 Not Found" in markdown
    assert f"use {runs['base']}/ok" in markdown
    assert "<details><summary>" in markdown and "`docs/modules/01-x.md:1`" in markdown


def test_reading_list_urls_and_dois_are_collected_with_lines(site):
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nHello.\n")
    site.module("01-intro.md", module_page())
    site.write(
        "docs/_data/readings.yml",
        """\
        kram-1985:
          kind: book
          title: Mentoring at work
          url: https://example.org/kram
        eby-2013:
          kind: paper
          title: An interdisciplinary meta-analysis
          doi: 10.1037/a0029279
        """,
    )
    from coursesite.course_loader import load_course

    course = load_course(site.write_config())
    assert reading_urls(course) == {
        "https://example.org/kram": ["docs/_data/readings.yml:4"],
        "https://doi.org/10.1037/a0029279": ["docs/_data/readings.yml:8"],
    }


def test_course_links_external_checks_the_built_site_end_to_end(site, tmp_path):
    with LinkServer() as server:
        body = (
            f"Read [the working guide]({server.base}/ok) first.\n\n"
            f'<p>Also <a href="{server.base}/missing">the missing report</a>.</p>\n\n'
            f"The [old address]({server.base}/moved) still redirects.\n"
        )
        site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
        page = site.module("01-intro.md", module_page(body=body))
        line = (
            page.read_text(encoding="utf-8")
            .splitlines()
            .index(f'<p>Also <a href="{server.base}/missing">the missing report</a>.</p>')
            + 1
        )
        config = site.write_config()
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            status = cli.main(
                [
                    "--config",
                    str(config),
                    "links",
                    "--external",
                    "--format",
                    "json",
                    "--timeout",
                    "0.5",
                    "--cache-dir",
                    str(tmp_path / "cache"),
                ]
            )
        data = json.loads(out.getvalue())
        by_url = {r["url"]: r for r in data["results"]}
        assert status == 1
        assert by_url[server.base + "/missing"]["status"] == "broken"
        assert by_url[server.base + "/missing"]["where"] == [f"docs/modules/01-intro.md:{line}"]
        assert by_url[server.base + "/moved"]["new_url"] == server.base + "/ok"
        assert by_url[server.base + "/ok"]["status"] == "ok"
        assert not any(u.startswith("http://127.0.0.1/") for u in by_url), "the site's own address is not external"
        assert not any("/edit/" in u for u in by_url), "the theme's edit links are not checked"
        assert {(m, p) for m, p, _ in server.log} <= {("GET", "/ok"), ("GET", "/missing"), ("GET", "/moved")}


def test_the_weekly_workflow_runs_the_check_and_publishes_the_report():
    from ruamel.yaml import YAML

    from support.sites import ROOT

    workflow = YAML(typ="safe").load(
        (ROOT / ".github" / "workflows" / "external-links.yml").read_text(encoding="utf-8")
    )
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on:` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}, "pull requests must never run the external check"
    assert triggers["schedule"][0]["cron"].split()[-1] == "1", "weekly"
    script = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    assert "course links --external --format markdown" in script
    assert '>> "$GITHUB_STEP_SUMMARY"' in script
    for other in (ROOT / ".github" / "workflows").glob("*.yml"):
        assert "--external" not in other.read_text(encoding="utf-8") or other.name == "external-links.yml"


def test_the_checker_works_inside_a_running_event_loop(tmp_path):
    """Playwright's sync API (and notebooks) keep an event loop running in the
    main thread; the external check must still run there."""
    import asyncio

    async def inside_a_loop():
        with LinkServer() as server:
            return check_urls(
                {server.base + "/ok": ["docs/x.md:1"]}, fast_settings(), LinkCache(tmp_path, ttl_hours=24)
            )

    from concurrent.futures import ThreadPoolExecutor

    # A fresh thread, so that this test starts its own loop whatever the session runs here.
    with ThreadPoolExecutor(max_workers=1) as thread:
        results = thread.submit(asyncio.run, inside_a_loop()).result()
    assert [(r.status, r.code) for r in results] == [("ok", 200)]


# --------------------------------------------------------------------------- offline


def test_no_network_is_one_sentence_and_nothing_is_cached(tmp_path):
    """Every server refusing before any answer (three closed ports on 127.0.0.1,
    as an offline machine fails every outside host) stops the check at once."""
    from coursesite.links.external import NoNetwork

    urls = {url: [f"docs/modules/01-x.md:{n}"] for n, url in enumerate(refused_urls(3), start=1)}
    with pytest.raises(NoNetwork) as stopped:
        check_urls(urls, fast_settings(), LinkCache(tmp_path / "cache", ttl_hours=24))
    assert str(stopped.value).startswith(
        "no network: none of the 3 servers of the 3 outside addresses could be reached"
    )
    assert not (tmp_path / "cache").exists(), "an offline run must cache nothing"


def test_one_server_answering_means_the_network_works(tmp_path):
    with LinkServer() as server:
        urls = {url: ["docs/x.md:1"] for url in refused_urls(3)} | {server.base + "/ok": ["docs/x.md:2"]}
        results = {r.url: r for r in check_urls(urls, fast_settings(), LinkCache(tmp_path, ttl_hours=24))}
    assert results[server.base + "/ok"].status == "ok"
    assert sorted(r.status for r in results.values()) == ["ok", "unreachable", "unreachable", "unreachable"]


def test_one_or_two_dead_servers_are_broken_links_not_an_offline_machine(tmp_path):
    urls = {url: ["docs/x.md:1"] for url in refused_urls(2)}
    results = check_urls(urls, fast_settings(), LinkCache(tmp_path, ttl_hours=24))
    assert [r.status for r in results] == ["unreachable", "unreachable"]
    assert (tmp_path / "external-links.json").is_file()


def test_names_that_do_not_resolve_and_missing_routes_count_as_no_network():
    from coursesite.links.external import _offline
    from coursesite.links.lychee import DNS, NO_CONNECTION, NO_ROUTE, REFUSED, TIMEOUT

    # lychee's own words for these failures
    assert error_kind("Network unreachable. Check internet connection or VPN settings") == NO_ROUTE
    assert error_kind("No route to host. Check network routing or firewall configuration") == NO_ROUTE
    assert error_kind("DNS resolution failed. Check hostname and DNS settings") == DNS
    assert error_kind("Network error: Connection refused - server may be down or port blocked") == REFUSED
    assert error_kind("Request timed out. Try increasing timeout or check server status") == TIMEOUT
    # what lychee says when a name does not resolve on a machine without network
    assert error_kind("Connection failed. Check network connectivity and firewall settings") == NO_CONNECTION
    lost = [Outcome(f"https://site-{n}.example/", error=DNS) for n in range(3)]
    assert _offline(lost) == 3
    assert _offline([*lost[:2], Outcome("https://other.example/", error=NO_ROUTE)]) == 3
    assert _offline([*lost[:2], Outcome("https://slow.example/", error=TIMEOUT)]) == 0, "a timeout may be a slow site"
    assert _offline([*lost[:2], Outcome("https://up.example/", code=404)]) == 0


def test_course_links_external_offline_exits_3_with_one_sentence(site, tmp_path):
    body = "".join(f"See [source {n}]({url}).\n\n" for n, url in enumerate(refused_urls(3)))
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    site.module("01-intro.md", module_page(body=body))
    config = site.write_config()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(
            ["--config", str(config), "links", "--external", "--timeout", "0.5", "--cache-dir", str(tmp_path / "cache")]
        )
    assert status == 3
    assert out.getvalue() == ""
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("no network: ") and lines[0].endswith("run the check again.")
    assert not (tmp_path / "cache").exists()


def test_the_guide_shows_the_sentence_the_command_prints():
    from coursesite.links.external import NoNetwork
    from support.sites import ROOT

    guide = (ROOT / "docs" / "guide" / "links.md").read_text(encoding="utf-8")
    assert f"\n{NoNetwork(65, 40)}.\n" in guide
    assert "exits with status 3" in guide


def test_without_lychee_the_check_says_how_to_install_it(monkeypatch, tmp_path):
    from coursesite.links import lychee

    monkeypatch.setattr(lychee.sys, "executable", str(tmp_path / "python"))  # no lychee beside it
    monkeypatch.setenv("PATH", str(tmp_path))  # nor on the PATH
    with pytest.raises(lychee.LycheeFailed) as failed:
        lychee.ask(["https://example.org/"], fast_settings())
    assert str(failed.value) == (
        "lychee is not installed, so no outside link was checked: run pip install -c requirements.lock -e '.[links]'"
    )
