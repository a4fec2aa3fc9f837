#!/usr/bin/env python3
"""Serves a built site under a base path the way GitHub Pages does, for the browser tests.

For a request under BASE it answers with the file if there is one; a path that names a folder
is first redirected (301) to the same path with a trailing slash, query kept, as GitHub Pages
does, whether or not the folder holds an index.html; PATH/ is then its index.html; any other
path is the file, else PATH.html; anything else is 404.html with status 404. There are no rewrite rules: a route works only if the build
wrote a page for it. Listens on 127.0.0.1 only.

    python3 scripts/pages_server.py DIST BASE PORT     e.g. dist /headroom/ 8090
"""

import gzip
import http.server
import io
import sys
from pathlib import Path

# GitHub Pages compresses these on the fly for a client that accepts gzip; so does this server,
# so the browser tests and Lighthouse see the sizes a learner downloads.
COMPRESSED = {".html", ".css", ".js", ".wasm", ".svg", ".xml", ".txt", ".json", ".md"}


def make_handler(root: Path, base: str):
    compressed = {}  # (path, mtime, size) → gzip body: each file is compressed once
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".md": "text/markdown; charset=utf-8"}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

        def send_head(self):
            path, _, query = self.path.split("#", 1)[0].partition("?")
            if path + "/" == base:
                return self.redirect(base, query)
            if not path.startswith(base):
                return self.not_found()
            relative = path[len(base):].strip("/")
            if relative and not path.endswith("/") and self.is_folder(relative):
                return self.redirect(path + "/", query)
            index = f"{relative}/index.html" if relative else "index.html"
            if path.endswith("/"):
                candidates = [index]  # a folder is its index.html or nothing, never NAME.html
            else:
                candidates = [relative, f"{relative}.html"]
            for candidate in candidates:
                try:
                    target = (root / candidate).resolve()
                    found = (root in target.parents) and target.is_file()
                except OSError:  # a name too long for the file system, say
                    found = False
                if found:
                    if target.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                        return self.send_gzip(target)
                    self.path = "/" + str(target.relative_to(root))
                    return super().send_head()
            return self.not_found()

        def send_gzip(self, target):
            stat = target.stat()
            key = (str(target), stat.st_mtime_ns, stat.st_size)
            body = compressed.get(key)
            if body is None:
                body = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
                compressed[key] = body
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(target)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

        def redirect(self, location, query):
            self.send_response(301)
            self.send_header("Location", location + ("?" + query if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None

        def is_folder(self, relative):
            try:
                target = (root / relative).resolve()
                return root in target.parents and target.is_dir()
            except OSError:
                return False

        def not_found(self):
            page = root / "404.html"
            body = page.read_bytes() if page.is_file() else b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return None

    return Handler


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that navigates away mid-response closes the socket; that is not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def main():
    root = Path(sys.argv[1]).resolve()
    base = sys.argv[2] if len(sys.argv) > 2 else "/"
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 8090
    server = Server(("127.0.0.1", port), make_handler(root, base))
    server.serve_forever()


if __name__ == "__main__":
    main()
