#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores Broadsheet's reading of listparser's OPML cases against their own "Eval:" lines.

Reads JSON lines {"file": path, "result": {...}} (Broadsheet's reading, in listparser's
result shape) and evaluates every Eval line of each file that asks for something
Broadsheet keeps: bozo, the list's title, and each feed's url, title, categories and tags.
Prints one JSON object: applicable, passed, skipped, failures.
"""
import json
import re
import sys

# What Broadsheet does not keep: reading lists of lists, opportunities (links that are not
# feeds), the list's dates and owner, the OPML version.
NOT_KEPT = re.compile(r"\[['\"](lists|opportunities|version|created|modified|created_parsed|"
                      r"modified_parsed|author|owner\w*|docs|expansionState)['\"]\]|\.get\(")


def evals(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(8192)
    return [m.group(1).strip() for m in re.finditer(r"^\s*Eval:\s*(.+)$", head, re.M)]


def main():
    applicable = passed = skipped = 0
    failures = []
    for line in open(sys.argv[1], encoding="utf-8"):
        case = json.loads(line)
        result = case["result"]
        for expression in evals(case["file"]):
            if NOT_KEPT.search(expression):
                skipped += 1
                continue
            applicable += 1
            try:
                ok = bool(eval(expression, {"__builtins__": {"len": len}}, {"result": result}))
            except (KeyError, IndexError, TypeError) as error:
                ok = False
                expression += "  (%s: %s)" % (type(error).__name__, error)
            if ok:
                passed += 1
            else:
                failures.append("%s: %s" % (case["file"].split("/tests/files/")[-1], expression))
    json.dump({"applicable": applicable, "passed": passed, "skipped": skipped,
               "failures": failures}, sys.stdout)


if __name__ == "__main__":
    main()
