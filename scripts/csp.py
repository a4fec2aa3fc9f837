#!/usr/bin/env python3
"""Content Security Policy hashes for the built site.

  csp.py check DIST   every .html under DIST: each inline <script> is allowed by a sha256 hash
                      in the page's CSP <meta>; prints the hashes; fails if one is missing.
  csp.py deck FILE    gives the example deck (docs/deck, copied by build.sh) its policy: the
                      site's, plus the hashes of the deck's own inline <script> and <style>.
"""
import base64
import hashlib
import pathlib
import re
import sys

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*/?>')
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def check(dist):
    pages, hashes = 0, set()
    for page in sorted(pathlib.Path(dist).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        meta = META.search(html)
        if not meta:
            sys.exit(f"{page}: no Content-Security-Policy <meta>")
        policy = meta.group(1).replace("&#39;", "'")
        for script in SCRIPT.findall(html):
            if sha256(script) not in policy:
                sys.exit(f"{page}: an inline script's hash {sha256(script)} is not in its policy")
            hashes.add(sha256(script))
        pages += 1
    print(f"CSP: {pages} pages, each inline script allowed by its hash: {' '.join(sorted(hashes)) or 'none'}")


def deck(file):
    path = pathlib.Path(file)
    html = path.read_text(encoding="utf-8")
    scripts = " ".join(sha256(s) for s in SCRIPT.findall(html))
    styles = " ".join(sha256(s) for s in STYLE.findall(html))
    policy = (
        f"default-src 'none'; script-src 'self' {scripts}; style-src 'self' {styles}; font-src 'self'; "
        "connect-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'self'; form-action 'none'; "
        "object-src 'none'"
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n  <meta name="referrer" content="same-origin">'
    if META.search(html):
        sys.exit(f"{file} already has a policy")
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1)
    path.write_text(html, encoding="utf-8")
    print(f"deck CSP: {policy}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("check", "deck"):
        sys.exit(__doc__)
    {"check": check, "deck": deck}[sys.argv[1]](sys.argv[2])
