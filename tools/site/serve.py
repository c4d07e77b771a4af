"""Serve the static site to a class from one machine: ``python3 -m tools.site.serve``.

The standard library's ``http.server`` with what a classroom served from one machine needs (plain
``python3 -m http.server`` works too; under 30 learners at once it is the slower of the two, see
``make bench``):

* **compressed**: ``make site`` writes a ``.gz`` beside each large text and WebAssembly file
  (tools/site/build.py ``precompress``); a browser that accepts gzip is sent that file, with
  ``Content-Encoding: gzip``: the Python runtime is about a third of its size.
* **zero-copy**: file bodies go out with ``socket.sendfile`` (the operating system copies them),
  not read and written by Python.
* **kept alive and revalidated**: HTTP/1.1 connections are reused, and every answer says
  ``Cache-Control: no-cache`` with its ``Last-Modified``, so a returning learner's browser asks
  "changed?" and gets a short 304 until the site is rebuilt.

Only files under the folder are served, as by ``http.server`` (whose path handling is used).
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import os
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "build" / "site"


class SiteHandler(SimpleHTTPRequestHandler):
    """``http.server``'s file handler, with gzip siblings, sendfile and revalidation."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # (headers, then sendfile: no 40 ms wait for an ACK)
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/octet-stream",
    }

    def accepts_gzip(self) -> bool:
        return "gzip" in self.headers.get("Accept-Encoding", "").lower()

    def send_head(self):
        path = self.translate_path(self.path)
        gz = path + ".gz"
        if os.path.isdir(path) or not os.path.isfile(gz) or not self.accepts_gzip():
            return super().send_head()
        source = os.stat(path)
        if self.not_modified(source.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        f = open(gz, "rb")  # noqa: SIM115 (closed by do_GET, as http.server's own file)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.send_header("Last-Modified", self.date_time_string(source.st_mtime))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return f

    def not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(mtime) <= when.timestamp()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:
        # (a learner's browser may close the connection: a page left mid-download)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.connection.sendfile(source)

    def log_message(self, format, *args) -> None:  # noqa: A002 (http.server's name)
        if self.server.verbose:
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a class arrives at once: 30 learners × 6 connections
    verbose = False

    def handle_error(self, request, client_address) -> None:
        # A browser that drops a kept-alive connection is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.site.serve", description=__doc__)
    parser.add_argument("port", nargs="?", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1", help="0.0.0.0 for a class on the network")
    parser.add_argument("--directory", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        print(f"No site in {args.directory}: run `make site` first.", file=sys.stderr)
        return 1
    handler = partial(SiteHandler, directory=str(args.directory))
    with SiteServer((args.bind, args.port), handler) as server:
        server.verbose = args.verbose
        host = "127.0.0.1" if args.bind in ("0.0.0.0", "") else args.bind
        print(f"The course: http://{host}:{args.port}/ (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
