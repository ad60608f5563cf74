"""HTTP servers for tests, on 127.0.0.1 only: a built site, or any handler."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class LoopbackServer:
    """An HTTP server on a free port of 127.0.0.1, in a background thread."""

    def __init__(self, handler):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class StaticServer(LoopbackServer):
    """Serves the files of a built site."""

    def __init__(self, root: Path):
        super().__init__(functools.partial(_QuietHandler, directory=str(root)))
