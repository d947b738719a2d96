#!/usr/bin/env python3
"""The layer check catches what it must: scripts/check_layers.py run on the
planted tree tests/fixtures/layers/ must exit 1 and print exactly
expected-errors.txt (includes against the table, in code and in a unit test,
with and without spaces or angle brackets; a folder missing from the table;
a CMake stage that links against the table),
and nothing for what the table allows (own stage, transitive, "everything
above", a row whose folder does not exist yet)."""

import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
fixture = os.path.join(here, "fixtures", "layers")
checker = os.path.join(os.path.dirname(here), "scripts", "check_layers.py")

run = subprocess.run(
    [sys.executable, checker, "--root", fixture], capture_output=True, text=True, check=False
)
with open(os.path.join(fixture, "expected-errors.txt"), encoding="utf-8") as f:
    expected = f.read()
ok = True
if run.returncode != 1:
    print(f"exit status {run.returncode}, expected 1; stderr:\n{run.stderr}")
    ok = False
if run.stdout != expected:
    print("output differs from expected-errors.txt:\n--- got\n" + run.stdout + "--- expected\n" + expected)
    ok = False
sys.exit(0 if ok else 1)
