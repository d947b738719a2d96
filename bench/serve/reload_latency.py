#!/usr/bin/env python3
"""Reload latency of `carnet serve` on the benchmark corpus.

Starts `carnet serve --port 0` on the Carnet half of the shared corpus
(N pages per language, P plans), opens the reload stream the way a browser's
EventSource does, then saves a page again and again (an edit of a line of its
body, as an editor writes it) and measures, for each save:

  event:  file saved -> "data: reload" received on /__carnet/events
  page:   file saved -> the page, fetched again as the browser does after the
          event, shows the edit

Usage: reload_latency.py CARNET_BINARY [--corpus DIR] [--pages 1000] [--plans 50] [--saves 20]
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
                    with self.cv:
                        self.events.append(time.perf_counter())
                        self.cv.notify_all()

    def wait_for(self, count, timeout=30):
        with self.cv:
            self.cv.wait_for(lambda: len(self.events) >= count, timeout)
            return self.events[count - 1] if len(self.events) >= count else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("carnet")
    ap.add_argument("--corpus", default="/tmp/carnet-bench-corpus")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--plans", type=int, default=50)
    ap.add_argument("--saves", type=int, default=20)
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
        events, pages = [], []
        try:
            for i in range(1, a.saves + 1):
                marker = "Modification %d du banc d'essai." % i
                time.sleep(0.3)  # let the previous rebuild settle, as between two real saves
                start = time.perf_counter()
                with open(page, "w", encoding="utf-8") as f:
                    f.write(original + "\n" + marker + "\n")
                got = stream.wait_for(i)
                if got is None:
                    sys.exit("no reload event after save %d" % i)
                events.append((got - start) * 1000)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", url)
                body = conn.getresponse().read().decode("utf-8")
                pages.append((time.perf_counter() - start) * 1000)
                if marker not in body:
                    sys.exit("the page does not show save %d" % i)
                log = server.stdout.readline()
                r = re.search(r"rebuilt in (\d+) ms", log)
                if r:
                    rebuilds.append(int(r.group(1)))
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

    print("corpus: %d pages per language, %d plans; first build %d ms" % (a.pages, a.plans, first_build))
    print("rebuild (in memory):        %s" % fmt(rebuilds))
    print("save -> reload event:       %s" % fmt(events))
    print("save -> page shows the edit: %s" % fmt(pages))


if __name__ == "__main__":
    main()
