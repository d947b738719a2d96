#!/usr/bin/env python3
"""Checks that every `#include "stage/..."` (or <stage/...>) under src/ points down the layers.

The allowed dependencies are read from the stage table of
docs/architecture.md itself (the "folder" and "may use" columns), so the
documentation and the check cannot drift apart. Static libraries resolve
symbols late, so the linker would let a call against the layers pass: this
check, run by CTest, is what enforces them.

A stage may include its own headers and those of the stages its row names,
and theirs in turn (the rule is transitive). "everything above" names every
row above. Words in the "may use" cell that are not stage folders (fmt, the
C libraries) and anything in parentheses are ignored. Unit tests
(`*_test.cpp`) beside the code follow their folder's rule. A folder of src/
with sources that the table does not name is an error; a row whose folder
does not exist yet is not.

The link graph of CMakeLists.txt is held to the same table: a
`carnet_stage(NAME DIR DEPS...)` may link only the stages its row allows, so
that what the build links and what the documentation says agree too.

Usage: check_layers.py [--root DIR] [--docs FILE] [--src DIR] [--cmake FILE]
Prints `src/load/x.cpp:12: error: load/ may not include render/html/
(allowed: ...)` for each bad include or link, sorted, and exits 1 if there
is any.
"""

import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')
ROW = re.compile(r"^\|\s*`([a-z][a-z0-9_/]*/)`\s*\|(.*)\|\s*$")


def read_table(docs_path):
    """[(folder, [named folders or "*above*"])] in table order."""
    rows = []
    with open(docs_path, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line.rstrip("\n"))
            if not m:
                continue
            cells = [c.strip() for c in m.group(2).split("|")]
            if len(cells) < 2:
                continue
            rows.append((m.group(1), cells[-1]))
    if not rows:
        raise SystemExit(f"{docs_path}: error: no stage table (rows like | `base/` | ... | ... |)")
    folders = [folder for folder, _ in rows]
    table = []
    for i, (folder, may_use) in enumerate(rows):
        text = re.sub(r"\([^)]*\)", "", may_use.replace("`", ""))
        if "everything above" in text:
            named = folders[:i]
        else:
            named = []
            for word in re.findall(r"[a-z][a-z0-9_/]*", text):
                word = word.rstrip("/") + "/"
                if word in folders and word != folder:
                    named.append(word)
        table.append((folder, named))
    return table


def allowed_closure(table):
    direct = dict(table)
    closure = {}
    for folder in direct:
        seen = {folder}
        todo = list(direct[folder])
        while todo:
            d = todo.pop()
            if d in seen:
                continue
            seen.add(d)
            todo.extend(direct.get(d, []))
        closure[folder] = seen
    return closure


def stage_of(path, folders):
    """The longest table folder that `path` (relative to src/) starts with."""
    best = None
    for folder in folders:
        if path.startswith(folder) and (best is None or len(folder) > len(best)):
            best = folder
    return best


STAGE_CALL = re.compile(r"^[ \t]*carnet_stage\(([^)]*)\)", re.M)


def check_cmake(cmake_path, shown, folders, closure, errors):
    """Each carnet_stage's carnet_* dependencies against the table."""
    with open(cmake_path, encoding="utf-8") as f:
        text = f.read()
    calls = []
    for m in STAGE_CALL.finditer(text):
        words = m.group(1).split()
        if len(words) >= 2 and not words[0].startswith("NAME"):
            line = text.count("\n", 0, m.start()) + 1
            calls.append((line, words[0], words[1].rstrip("/") + "/", words[2:]))
    folder_of = {name: folder for _, name, folder, _ in calls}
    for line, name, folder, deps in calls:
        if folder not in closure:
            errors.append(f"{shown}:{line}: error: {name} builds {folder}, which is not in the "
                          "stage table")
            continue
        for dep in deps:
            target = folder_of.get(dep)
            if target is not None and target not in closure[folder]:
                allowed = ", ".join(sorted(closure[folder] - {folder})) or "nothing"
                errors.append(f"{shown}:{line}: error: {name} ({folder}) may not link {dep} "
                              f"({target}) (allowed: {allowed})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--root", default=os.path.dirname(here))
    ap.add_argument("--docs", default="docs/architecture.md")
    ap.add_argument("--src", default="src")
    ap.add_argument("--cmake", default="CMakeLists.txt")
    args = ap.parse_args()
    root = args.root
    docs = os.path.join(root, args.docs)
    src = os.path.join(root, args.src)

    table = read_table(docs)
    folders = [f for f, _ in table]
    closure = allowed_closure(table)
    errors = []

    unknown = set()
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith((".cpp", ".hpp", ".h", ".cc")):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, src).replace(os.sep, "/")
            stage = stage_of(rel, folders)
            if stage is None:
                folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else None
                if folder and folder not in unknown:  # not src/main.cpp
                    unknown.add(folder)
                    errors.append(
                        f"{args.src}/{folder}: error: {folder} is not in the stage table of "
                        f"{args.docs}; add its row (what it owns, what it may use)"
                    )
                continue
            with open(full, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = stage_of(m.group(1), folders)
                    if target is None or target in closure[stage]:
                        continue
                    allowed = ", ".join(sorted(closure[stage] - {stage})) or "nothing"
                    errors.append(
                        f"{args.src}/{rel}:{number}: error: {stage} may not include {target} "
                        f"(allowed: {allowed})"
                    )

    cmake = os.path.join(root, args.cmake)
    if os.path.exists(cmake):
        check_cmake(cmake, args.cmake, folders, closure, errors)

    for e in sorted(errors):
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
