"""Pivot the cells of bench/offline-robustness.sh into one table per dataset.

Usage: python3 bench/python/robustness_summary.py corruption|weighting RUN_DIR [RUN_DIR ...]

Reads each RUN_DIR/iqm.json and RUN_DIR/scores.csv (written by bench/offline-robustness.sh, also with
TABLE_ONLY=1); a cell found in several RUN_DIRs is taken from the first. Prints markdown:
  corruption: per dataset, one row per algorithm, one column per condition (IQM [95% CI]), and the mean over
              the corrupted conditions of IQM(corrupted) / IQM(clean) (with clean <= 0 the ratio is left out);
  weighting:  per dataset, one row per algorithm, one column per sampling scheme.
"""
import csv
import json
import os
import re
import sys

CONDITIONS = ["clean", "obs", "action", "reward", "dynamics",
              "obs-adv", "action-adv", "reward-adv", "dynamics-adv"]
ALGOS = ["bc", "cql", "iql", "td3bc", "riql"]
SAMPLINGS = ["uniform", "rw", "aw"]
NAME = re.compile(r"^(?P<dataset>.+?)-(?P<cond>clean|obs-adv|action-adv|reward-adv|dynamics-adv|obs|action|reward"
                  r"|dynamics)-(?P<algo>bc|cql|iql|td3bc|riql)-(?P<sampling>uniform|rw|aw)$")


def load(dirs):
    cells = {}
    for d in dirs:
        iqm = json.load(open(os.path.join(d, "iqm.json")))
        seeds = {}
        with open(os.path.join(d, "scores.csv")) as f:
            for row in csv.DictReader(f):
                seeds[row["algorithm"]] = seeds.get(row["algorithm"], 0) + 1
        for name, v in iqm.items():
            m = NAME.match(name)
            if m and name not in cells:
                cells[name] = dict(m.groupdict(), seeds=seeds.get(name, 0), **v["iqm"])
    return cells


def fmt(c):
    return f"{c['point']:.1f} [{c['low']:.1f}, {c['high']:.1f}]" + ("" if c["seeds"] >= 5 else f" ({c['seeds']} seeds)")


def corruption(cells):
    out = []
    for dataset in sorted({c["dataset"] for c in cells.values()}):
        mine = {(c["cond"], c["algo"]): c for c in cells.values() if c["dataset"] == dataset}
        conds = [k for k in CONDITIONS if any(key[0] == k for key in mine)]
        out += [f"#### {dataset}", "",
                "| algorithm | " + " | ".join(conds) + " | mean corrupted / clean |",
                "|---|" + "---|" * (len(conds) + 1)]
        for a in ALGOS:
            if not any(key[1] == a for key in mine):
                continue
            row = [fmt(mine[(k, a)]) if (k, a) in mine else "—" for k in conds]
            clean = mine.get(("clean", a))
            ratios = [mine[(k, a)]["point"] / clean["point"] for k in conds
                      if k != "clean" and (k, a) in mine and clean and clean["point"] > 0]
            ratio = f"{sum(ratios) / len(ratios):.2f} ({len(ratios)})" if ratios else "—"
            out.append(f"| {a} | " + " | ".join(row) + f" | {ratio} |")
        out.append("")
    return out


def weighting(cells):
    out = []
    for dataset in sorted({c["dataset"] for c in cells.values()}):
        mine = {(c["algo"], c["sampling"]): c for c in cells.values() if c["dataset"] == dataset}
        out += [f"#### {dataset}", "", "| algorithm | " + " | ".join(SAMPLINGS) + " |", "|---|---|---|---|"]
        for a in ALGOS:
            if any(key[0] == a for key in mine):
                out.append(f"| {a} | " + " | ".join(fmt(mine[(a, s)]) if (a, s) in mine else "—"
                                                   for s in SAMPLINGS) + " |")
        out.append("")
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("corruption", "weighting"):
        sys.exit(__doc__)
    cells = load(sys.argv[2:])
    print("\n".join(corruption(cells) if sys.argv[1] == "corruption" else weighting(cells)))
