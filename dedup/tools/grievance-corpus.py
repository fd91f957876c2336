#!/usr/bin/env python3
"""Writes the grievance model's training corpus, gateway/src/main/resources/routing/grievance-corpus.tsv,
from the labelled sets: every complaint of dedup/src/test/resources/eval/independent-*.tsv (sets
written by hand, each by another author) and the labelled texts of grievance/tune.tsv and
grievance/independent.tsv. Left out: eval/dedup-eval.tsv (the project's own generator: its
templates are not how people write) and grievance/holdout.tsv (kept to measure the classifier).
Only the grievance, the category field and the text are copied, never a phone or ID number.
Run from the repository root after adding or changing a set; GrievanceCorpusTest fails until then.

Usage: python3 dedup/tools/grievance-corpus.py
"""
import csv
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.path.join(ROOT, "dedup/src/test/resources/eval")
GRIEVANCE = os.path.join(ROOT, "dedup/src/test/resources/grievance")
OUT = os.path.join(ROOT, "gateway/src/main/resources/routing/grievance-corpus.tsv")


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(s):
    return " ".join((s or "").split())


def main():
    out = []
    for path in sorted(glob.glob(os.path.join(EVAL, "independent-*.tsv"))):
        source = os.path.basename(path)[: -len(".tsv")]
        for r in rows(path):
            if r["grievance"] and r["grievance"] != "unknown" and r["content"].strip():
                out.append((source, r["grievance"], clean(r["category"]), clean(r["content"])))
    for name in ("tune", "independent"):
        for r in rows(os.path.join(GRIEVANCE, name + ".tsv")):
            if r["grievance"] and r["grievance"] != "unknown" and r["content"].strip():
                out.append(("grievance-" + name, r["grievance"], clean(r["category"]), clean(r["content"])))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("source\tgrievance\tcategory\tcontent\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    print(f"{os.path.relpath(OUT, ROOT)}: {len(out)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
