#!/usr/bin/python3
"""No page of a booklet ends with a heading.

Builds the demo site and every fixture site of the tests with the real
binary, then reads every PDF they produce (reading booklets, tête-bêche,
imposed): for each bookmark, the heading's lines on the page it points to,
and whether any text follows them on that page (the page number aside).
A heading with nothing after it on its page is a stranded heading, the
fault a board member sees first (issue 11).

It reads the PDFs with PyMuPDF (Debian's python3-fitz, for the system
python, hence /usr/bin/python3): bookmarks with their target point, and
every text line with its box and writing direction, so that pages turned
upside down (tête-bêche) or a quarter (landscape pages imposed on a half
sheet) are read in their own direction.

    check_booklet_headings.py --carnet BIN --source ROOT --work DIR
    check_booklet_headings.py PDF...          (only check those files)
    check_booklet_headings.py --self-test     (the check catches a planted fault)
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

import fitz


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2011", "-").replace("\u00ad", "")
    return [w for w in re.split(r"[\s\-\u2010\u2013\u2014:,.;!?«»()’'/›]+", text) if w]


def down_vector(direction):
    dx, dy = round(direction[0]), round(direction[1])
    return (-dy, dx)  # the next line is this way: (0, 1) for upright text


def along(point, vec):
    return point[0] * vec[0] + point[1] * vec[1]


def line_start(bbox, vec):
    """Where a line starts in reading order (its top, in its own direction)."""
    corners = [(bbox[0], bbox[1]), (bbox[2], bbox[3])]
    return min(along(c, vec) for c in corners)


def page_lines(page):
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(s["text"] for s in line["spans"]).strip()
            if text:
                # Headings, kickers, a level's progress line, field labels
                # and table headers are bold: content has some text that
                # is not (a paragraph, a cell, a list).
                plain = any("Bold" not in s["font"] and s["text"].strip() for s in line["spans"])
                out.append({"bbox": line["bbox"], "dir": line["dir"], "text": text, "plain": plain})
    return out


def check_pdf(path, two_up):
    doc = fitz.open(path)
    problems = []
    cache = {}
    for level, title, page_no, dest in doc.get_toc(simple=False):
        if page_no < 1 or "to" not in dest or dest.get("to") is None:
            continue
        page = doc[page_no - 1]
        if page_no not in cache:
            cache[page_no] = page_lines(page)
        lines = cache[page_no]
        to = (dest["to"].x, dest["to"].y)
        width = page.rect.width
        if two_up:
            half = to[0] >= width / 2
            lines = [l for l in lines if ((l["bbox"][0] + l["bbox"][2]) / 2 >= width / 2) == half]
        if not lines:
            continue
        # The direction most of the lines are written in is the page's.
        dirs = {}
        for l in lines:
            key = (round(l["dir"][0]), round(l["dir"][1]))
            dirs[key] = dirs.get(key, 0) + 1
        direction = max(dirs, key=dirs.get)
        vec = down_vector(direction)
        lines = [l for l in lines if (round(l["dir"][0]), round(l["dir"][1])) == direction]
        lines.sort(key=lambda l: line_start(l["bbox"], vec))
        top = along(to, vec)
        after = [l for l in lines if line_start(l["bbox"], vec) >= top - 2]
        title_words = set(words(title))
        # The heading's own lines (a kicker such as "OBJECTIF 2.2", then the
        # title over one or more lines): words the bookmark's title holds.
        i = 0
        while i < len(after):
            w = words(after[i]["text"])
            if not w or sum(x in title_words for x in w) < 0.6 * len(w):
                break
            i += 1
        if i == 0:
            continue  # nothing of the title where the bookmark points: not a heading we can read
        rest = after[i:]
        # The page number (the lowest line, a number) is chrome, not
        # content; bold lines are headings or their furniture ("Avancement :
        # 50 %", a table's header row).
        folio = lines[-1] if re.fullmatch(r"\d+", lines[-1]["text"]) else None
        # A number on its own elsewhere is a contents entry's page number.
        rest = [
            l for l in rest if l is not folio and (l["plain"] or re.fullmatch(r"\d+", l["text"]))
        ]
        if not rest:
            problems.append(f"{path}: page {page_no}: ends with the heading '{title}'")
    doc.close()
    return problems


def check_alone(pdf, two_up):
    """check_pdf in a process of its own: PyMuPDF 1.21 now and then fails to
    open a document after others in the same process."""
    argv = [sys.executable, __file__] + (["--two-up"] if two_up else []) + [pdf]
    one = subprocess.run(argv, capture_output=True, text=True)
    found = [l for l in one.stdout.splitlines() if l.startswith(pdf + ":")]
    if one.returncode != 0 and not found:
        found.append(f"{pdf}: could not be read:\n{one.stderr}")
    return found


def two_up_file(pdf, site):
    name = os.path.basename(pdf)
    if name.endswith(".saddle-stitch.pdf"):
        return True
    if re.search(r"\.[a-z]{2,3}-[a-z]{2,3}\.pdf$", name):
        config = open(os.path.join(site, "carnet.yaml"), encoding="utf-8").read()
        return re.search(r"imposition:\s*saddle-stitch", config) is not None
    return False


def sites(source):
    found = [source]
    fixtures = os.path.join(source, "tests", "fixtures")
    for root, dirs, files in os.walk(fixtures):
        dirs[:] = sorted(d for d in dirs if d != "invalid")
        if "carnet.yaml" in files:
            found.append(root)
    return found


def build_and_check(carnet, source, work):
    problems, checked = [], 0
    for i, site in enumerate(sites(source)):
        out = os.path.join(work, f"site{i}")
        shutil.rmtree(out, ignore_errors=True)
        run = subprocess.run([carnet, "build", site, "-o", out, "-q"], capture_output=True, text=True)
        if run.returncode != 0:
            problems.append(f"{site}: carnet build failed:\n{run.stderr}")
            continue
        for root, _, files in os.walk(out):
            for f in sorted(files):
                if f.endswith(".pdf"):
                    pdf = os.path.join(root, f)
                    problems += check_alone(pdf, two_up_file(pdf, site))
                    checked += 1
    if checked == 0:
        problems.append("no PDF was built: nothing checked")
    return problems, checked


def self_test():
    """A heading alone at the foot of a page must be reported."""
    with tempfile.TemporaryDirectory() as tmp:
        doc = fitz.open()
        page = doc.new_page(width=612, height=792)
        page.insert_text((58, 100), "Some body text at the top", fontsize=10)
        page.insert_text((58, 700), "Objectif 2.2 Stranded", fontsize=14)
        page.insert_text((540, 760), "6", fontsize=8)
        page2 = doc.new_page(width=612, height=792)
        page2.insert_text((58, 100), "Objectif 2.3 Followed", fontsize=14)
        page2.insert_text((58, 130), "Its first row", fontsize=10)
        doc.set_toc([
            [1, "Objectif 2.2 — Stranded", 1, {"kind": fitz.LINK_GOTO, "to": fitz.Point(58, 685)}],
            [1, "Objectif 2.3 — Followed", 2, {"kind": fitz.LINK_GOTO, "to": fitz.Point(58, 85)}],
        ])
        path = os.path.join(tmp, "planted.pdf")
        doc.save(path)
        problems = check_pdf(path, False)
        if len(problems) != 1 or "Stranded" not in problems[0]:
            print("self-test failed: expected one stranded heading, got", problems)
            return 1
    print("self-test: the planted stranded heading is reported")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--carnet")
    ap.add_argument("--source")
    ap.add_argument("--work")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--two-up", action="store_true", help="the PDFs hold two pages per sheet")
    ap.add_argument("pdfs", nargs="*")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if len(args.pdfs) == 1:
        problems = check_pdf(args.pdfs[0], args.two_up)
        checked = 1
    elif args.pdfs:
        problems = [p for pdf in args.pdfs for p in check_alone(pdf, args.two_up)]
        checked = len(args.pdfs)
    else:
        work = args.work or tempfile.mkdtemp(prefix="carnet-headings-")
        problems, checked = build_and_check(args.carnet, args.source, work)
    for p in problems:
        print(p)
    print(f"{checked} PDF(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
