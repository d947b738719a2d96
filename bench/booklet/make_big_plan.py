#!/usr/bin/env python3
"""Writes a plan N times larger than PLAN: its outermost sections repeated N
times, with ids and codes made unique, so that the booklet has N times as
many actions. Usage: make_big_plan.py PLAN.plan.yaml N > BIG.plan.yaml"""
import copy
import sys

import yaml


def renumber(section, suffix, code_prefix):
    section["id"] = f"{section['id']}-{suffix}"
    if "code" in section:
        section["code"] = f"{code_prefix}{section['code']}"
    for action in section.get("actions", []):
        if "id" in action:
            action["id"] = f"{action['id']}-{suffix}"
        if "code" in action:
            action["code"] = f"{code_prefix}{action['code']}"
    for child in section.get("sections", []):
        renumber(child, suffix, code_prefix)


def main():
    path, times = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        plan = yaml.safe_load(f)
    sections = []
    for copy_index in range(times):
        for section in plan["sections"]:
            s = copy.deepcopy(section)
            renumber(s, f"x{copy_index + 1}", f"{copy_index + 1}." if copy_index else "")
            sections.append(s)
    plan["sections"] = sections
    for field in ("title",):
        if isinstance(plan.get(field), dict):
            plan[field] = {lang: f"{text} (×{times})" for lang, text in plan[field].items()}
    plan.pop("slug", None)
    yaml.safe_dump(plan, sys.stdout, allow_unicode=True, sort_keys=False, width=1000)


if __name__ == "__main__":
    main()
