#!/usr/bin/env python3
"""Reload latency of `carnet serve` on the benchmark corpus.

Starts `carnet serve --port 0` on the Carnet half of the shared corpus
(N pages per language, P plans), opens the reload stream the way a browser's
EventSource does, then saves a page again and again (an edit of a line of its
body, as an editor writes it) and measures, for each save:

  event:  file saved -> the first "data: reload" on /__carnet/events that
          names the page (the open tab of that page reloads at that moment)
  page:   file saved -> the page, fetched again as the browser does after the
          event, shows the edit
  poll:   file saved -> the page, fetched every 2 ms, shows the edit (the same
          measure for both tools)

With --hugo, then runs `hugo server` (its defaults) on the Hugo half of the same
corpus, saves the same page with the same edit, and measures "poll" the
same way, plus Hugo's own "Total in N ms" from its log. Medians of both in one
run, side by side.

With --edit title, the save changes the page's title in its front matter
instead of a line of its body: every page that lists the page (its section,
the home page, the feeds) shows the title, so the preview rebuilds the site.

Usage: reload_latency.py CARNET_BINARY [--corpus DIR] [--pages 1000] [--plans 50] [--saves 20]
                         [--edit body|title] [--hugo]
The corpus is generated with ../shared/bench/gen_corpus.py (from the repository root) when DIR does
not already hold it. Standard library only.
"""
import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import tempfile
import sys
import threading
import time

# ../shared/bench/ from the repository's root, wherever the repository is.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def ensure_corpus(out, pages, plans):
    args = [sys.executable, GEN, "--pages", str(pages), "--plans", str(plans), "--out", out]
    if subprocess.run(args + ["--check"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        subprocess.run(args, check=True)


class ReloadStream(threading.Thread):
    """Reads /__carnet/events and timestamps every reload message."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = []
        self.ready = threading.Event()
        self.cv = threading.Condition()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", "/__carnet/events", headers={"Accept": "text/event-stream"})
        resp = conn.getresponse()
        buf = b""
        while True:
            chunk = resp.read1(4096) if hasattr(resp, "read1") else resp.read(1)
            if not chunk:
                return
            buf += chunk
            if b"retry:" in buf:
                self.ready.set()
            while b"\n\n" in buf:
                message, buf = buf.split(b"\n\n", 1)
                if message.startswith(b"data: reload"):
                    names = [l[6:].decode("utf-8") for l in message.split(b"\n") if l.startswith(b"data: ")]
                    with self.cv:
                        self.events.append((time.perf_counter(), names[1:]))
                        self.cv.notify_all()

    def wait_naming(self, after, path, timeout=30):
        """The first event past the first `after` ones that names `path` (a
        title save sends two: the page first, then the rest of the site)."""
        def found():
            return next((e for e in self.events[after:] if path in e[1]), None)
        with self.cv:
            self.cv.wait_for(lambda: found() is not None, timeout)
            return found()


def poll_until(port, url, marker, start, timeout=30):
    """Fetches url every 2 ms until it holds marker; ms since start."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", url)
            body = conn.getresponse().read().decode("utf-8", "replace")
            conn.close()
            if marker in body:
                return (time.perf_counter() - start) * 1000
        except (ConnectionError, http.client.HTTPException):
            pass
        time.sleep(0.002)
    return None


def edited(original, marker, edit):
    """The page's text with the marker: a last line of the body, or the title."""
    if edit == "body":
        return original + "\n" + marker + "\n"
    lines = original.split("\n")
    for k, line in enumerate(lines):
        if line.startswith("title:"):
            lines[k] = 'title: "%s"' % marker
            return "\n".join(lines)
    sys.exit("the page has no title line")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_hugo(corpus, saves, marker_prefix, edit):
    """`hugo server` with its defaults on the Hugo half: save -> page shows the edit."""
    site = os.path.join(corpus, "hugo")
    port = free_port()
    server = subprocess.Popen(["hugo", "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    ready = threading.Event()

    def read():
        for line in server.stdout:
            lines.append(line)
            if "Web Server is available" in line:
                ready.set()
    threading.Thread(target=read, daemon=True).start()
    page = os.path.join(site, "content", "fr", "notes", "page-00003.md")
    url = "/notes/page-00003/"
    original = open(page, encoding="utf-8").read()
    polls = []
    try:
        if not ready.wait(600):
            sys.exit("hugo server did not start:\n" + "".join(lines))
        started = [l for l in lines if "Built in" in l]
        poll_until(port, url, "<", time.perf_counter())  # a first visit, as a browser tab would
        for i in range(1, saves + 1):
            marker = "%s %d du banc dessai." % (marker_prefix, i)  # no apostrophe: Hugo curls it
            time.sleep(0.3)
            start = time.perf_counter()
            with open(page, "w", encoding="utf-8") as f:
                f.write(edited(original, marker, edit))
            got = poll_until(port, url, marker, start)
            if got is None:
                sys.exit("hugo: the page does not show save %d" % i)
            polls.append(got)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    totals = [int(m.group(1)) for l in lines for m in [re.search(r"Total in (\d+) ms", l)] if m]
    first = started[0].strip() if started else "?"
    return polls, totals, first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("carnet")
    ap.add_argument("--corpus", default="/tmp/carnet-bench-corpus")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--plans", type=int, default=50)
    ap.add_argument("--saves", type=int, default=20)
    ap.add_argument("--hugo", action="store_true", help="also measure `hugo server` on the same corpus")
    ap.add_argument("--edit", choices=["body", "title"], default="body",
                    help="what each save changes: a line of the body, or the title")
    a = ap.parse_args()

    ensure_corpus(a.corpus, a.pages, a.plans)
    site = os.path.join(a.corpus, "carnet")
    # Warnings go to a file, not a pipe nobody reads: a full pipe would stop
    # the server in the middle of a rebuild.
    errors = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen([a.carnet, "serve", site, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=errors, text=True)
    try:
        line = server.stdout.readline()
        m = re.search(r"at http://127\.0\.0\.1:(\d+)(/\S*) \(built in (\d+) ms\)", line)
        if not m:
            errors.seek(0)
            sys.exit("unexpected first line from carnet serve: " + line + errors.read())
        port, base, first_build = int(m.group(1)), m.group(2), int(m.group(3))
        stream = ReloadStream(port)
        stream.start()
        if not stream.ready.wait(10):
            sys.exit("no reload stream")

        page = os.path.join(site, "content", "notes", "page-00003.fr.md")
        url = base + "notes/page-00003/"
        original = open(page, encoding="utf-8").read()
        rebuilds = []
        events, pages, polls = [], [], []
        try:
            for i in range(1, a.saves + 1):
                marker = "Modification %d du banc dessai." % i
                time.sleep(0.3)  # let the previous rebuild settle, as between two real saves
                seen = len(stream.events)
                start = time.perf_counter()
                with open(page, "w", encoding="utf-8") as f:
                    f.write(edited(original, marker, a.edit))
                got = stream.wait_naming(seen, url)
                if got is None:
                    sys.exit("no reload event naming the page after save %d" % i)
                events.append((got[0] - start) * 1000)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", url)
                body = conn.getresponse().read().decode("utf-8")
                pages.append((time.perf_counter() - start) * 1000)
                if marker not in body:
                    sys.exit("the page does not show save %d" % i)
                log = server.stdout.readline()
                # "site rebuilt in N ms" or "N pages updated in N ms"
                r = re.search(r"(?:rebuilt|updated) in (\d+) ms", log)
                if r:
                    rebuilds.append(int(r.group(1)))
                # The same save measured as for Hugo: the page polled.
                time.sleep(0.3)
                marker = "Modification %d bis du banc dessai." % i
                start = time.perf_counter()
                with open(page, "w", encoding="utf-8") as f:
                    f.write(edited(original, marker, a.edit))
                got = poll_until(port, url, marker, start)
                if got is None:
                    sys.exit("the page does not show save %d bis" % i)
                polls.append(got)
                server.stdout.readline()  # the update is over: its events are in
        finally:
            with open(page, "w", encoding="utf-8") as f:
                f.write(original)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()

    def fmt(xs):
        return "median %4.0f ms, max %4.0f ms" % (statistics.median(xs), max(xs))

    print("corpus: %d pages per language, %d plans; first build %d ms; each save edits the %s"
          % (a.pages, a.plans, first_build, a.edit))
    print("carnet: update in memory:           %s" % fmt(rebuilds))
    print("carnet: save -> reload event naming the page: %s" % fmt(events))
    print("carnet: save -> page shows the edit: %s" % fmt(pages))
    print("carnet: save -> page shows the edit, polled: %s" % fmt(polls))
    if a.hugo:
        hpolls, totals, first = bench_hugo(a.corpus, a.saves, "Modification", a.edit)
        print("hugo server: %s" % first)
        if totals:
            print("hugo: \"Total in\" (its log):        %s" % fmt(totals))
        print("hugo: save -> page shows the edit, polled: %s" % fmt(hpolls))


if __name__ == "__main__":
    main()
