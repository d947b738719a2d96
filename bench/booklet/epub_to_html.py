#!/usr/bin/env python3
"""Turns a Carnet EPUB into one HTML file with print CSS, for WeasyPrint: the
same content (cover, contents, parts, tables, chart) in the same order, with
the paged-media rules a print stylesheet would use (letter pages, margins,
page numbers, header rows repeated by <thead>, headings kept with what
follows). Usage: epub_to_html.py BOOK.epub > BOOK.html"""
import re
import sys
import zipfile

PRINT_CSS = """
@page { size: letter; margin: 0.9in 0.8in 0.9in 0.8in;
        @bottom-right { content: counter(page); font: bold 8.5pt 'Noto Sans'; color: #104659; }
        @top-left { content: string(plan); font: 8pt 'Noto Sans'; color: #5f6873; } }
@page :first { @bottom-right { content: none; } @top-left { content: none; } }
@page wide { size: letter landscape; }
body { font: 10pt/1.38 'Noto Serif'; hyphens: auto; }
h1 { string-set: plan content(); break-before: page; }
section.cover h1 { break-before: auto; font-size: 30pt; }
h1, h2, h3 { break-after: avoid; hyphens: manual; }
section[id^="section-"] { page: wide; }
table { font: 8.5pt/1.2 'Noto Sans'; }
tr { break-inside: avoid; }
nav#toc a::after { content: leader('.') target-counter(attr(href), page); }
"""


def main():
    book = zipfile.ZipFile(sys.argv[1])
    opf = book.read("EPUB/package.opf").decode("utf-8")
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    css = book.read("EPUB/style.css").decode("utf-8")
    lang = re.search(r"<dc:language>([^<]+)<", opf).group(1)
    bodies = []
    for idref in spine:
        href = hrefs[idref]
        xhtml = book.read("EPUB/" + href).decode("utf-8")
        body = re.search(r"<body>(.*)</body>", xhtml, re.S).group(1)
        # Links between parts become links inside the one document.
        body = re.sub(r'href="[a-z0-9-]+\.xhtml#', 'href="#', body)
        body = body.replace('src="chart.svg"', 'src="chart.svg"')
        bodies.append(body)
    print(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/>'
          f"<style>{css}{PRINT_CSS}</style></head><body>{''.join(bodies)}</body></html>")
    # The chart goes next to the HTML file.
    with open(sys.argv[2] if len(sys.argv) > 2 else "chart.svg", "wb") as f:
        f.write(book.read("EPUB/chart.svg"))


if __name__ == "__main__":
    main()
