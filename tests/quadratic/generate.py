#!/usr/bin/env python3
"""Writes a Carnet site whose one input is pathological for a path that once
took time growing with the square of its size (issue 13, item 7), so that
`time carnet booklet` or `time carnet check` shows whether it is linear now.

    generate.py CASE SIZE OUT_DIR

CASE:
  cell-paragraph  an action's result: one paragraph of SIZE bytes of words (PDF)
  cell-word       an action's result: one word of SIZE characters (PDF)
  headings        a page with SIZE identical headings (anchors)
  autolink        a page with "<http://a" repeated SIZE times (cmark-gfm autolink)
  table-columns   a page with a table of SIZE columns and SIZE short rows
  nesting         a page with SIZE nested block quotes
Then, e.g.: carnet booklet OUT_DIR/content/plans/p.plan.yaml -o /tmp/p.pdf
            carnet build OUT_DIR -o /tmp/out
"""
import os
import sys

CONFIG = """title: {fr: "Essai"}
base_url: "https://example.org/"
languages: [fr]
booklet: {paper: a4, formats: [pdf]}
"""


def plan(result):
    return f"""title: {{fr: "Plan"}}
period: "2024"
levels: [{{fr: Axe}}]
columns: [leads, results]
sections:
  - id: axe
    title: {{fr: "Axe"}}
    actions:
      - id: a
        title: {{fr: "Action"}}
        leads: ["Table"]
        status: planned
        results: ["{result}"]
"""


def page(body):
    return "---\ntitle: Essai\n---\n" + body


def main():
    case, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(os.path.join(out, "content", "plans"), exist_ok=True)
    with open(os.path.join(out, "carnet.yaml"), "w") as f:
        f.write(CONFIG)
    body = "Accueil.\n"
    if case == "cell-paragraph":
        words = "logement abordable quartier "
        text = (words * (size // len(words) + 1))[:size].strip()
        with open(os.path.join(out, "content", "plans", "p.plan.yaml"), "w") as f:
            f.write(plan(text))
    elif case == "cell-word":
        with open(os.path.join(out, "content", "plans", "p.plan.yaml"), "w") as f:
            f.write(plan("x" * size))
    elif case == "headings":
        body = "## Bilan\n\n" * size
    elif case == "autolink":
        body = "<http://a" * size + "\n"
    elif case == "table-columns":
        body = "|" + "a|" * size + "\n|" + "-|" * size + "\n" + "x\n" * size
    elif case == "nesting":
        body = "> " * size + "a\n"
    else:
        sys.exit(f"unknown case {case!r}")
    with open(os.path.join(out, "content", "_index.fr.md"), "w") as f:
        f.write(page(body))


if __name__ == "__main__":
    main()
