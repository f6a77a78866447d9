#!/usr/bin/env bash
# The quantile-aggregation reproduction of issue #7 (docs/reproductions/quantile-aggregation.md): Fakoor, Kim,
# Mueller, Smola and Tibshirani (2023), "Flexible Model Aggregation for Quantile Regression", arXiv:2103.00083, on
# the five CQR benchmark data sets. Per data set, `quiver conformal aggregate` runs REPEATS random splits of a
# random subsample of MAX_ROWS rows (20% test; of the rest 60% base-model training, 20% aggregation weights, 20%
# conformal calibration) with four base quantile models (linear quantile regression, xgboost quantile loss, an MLP
# on the pinball loss, an xgboost mean plus out-of-fold residual quantiles) at 11 levels 0.05..0.95, and the
# aggregators: equal weights, global coarse/medium/fine, local medium (an MLP of x outputs the weights).
#
# Usage: bench/quantile-aggregation.sh [OUT_DIR]        (default OUT_DIR: runs/quantile-aggregation)
# Environment variables (defaults in brackets):
#   REPEATS [5]  MAX_ROWS [2000]  SEED [0]  DATASETS [concrete community star bike bio]
#   DATA_DIR  the CQR data files [../shared/data/cqr-datasets relative to the repository root]
#   QUIVER    the quiver launcher (default: the repository's ./quiver)
# Finished data sets are kept (their JSON); delete one to rerun it. The tables go to OUT_DIR/table.md and stdout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-runs/quantile-aggregation}"
repeats="${REPEATS:-5}"
max_rows="${MAX_ROWS:-2000}"
seed="${SEED:-0}"
data_dir="${DATA_DIR:-$root/../shared/data/cqr-datasets}"
datasets=(${DATASETS:-concrete community star bike bio})
mkdir -p "$out/cells"

start=$(date +%s)
for d in "${datasets[@]}"; do
  f="$out/cells/$d.json"
  [ -f "$f" ] && continue
  "$quiver" conformal aggregate --dataset "$d" --data-dir "$data_dir" --repeats "$repeats" --max-rows "$max_rows" \
      --seed "$seed" --json "$f" > "$out/cells/$d.log"
done
echo "cells done in $(( $(date +%s) - start )) s wall" >&2

python3 - "$out" "${datasets[@]}" <<'EOF2'
import json, sys
out, datasets = sys.argv[1], sys.argv[2:]
lines = []
def p(s=""):
    lines.append(s)
bases = ["linear-qr", "xgb-qr", "mlp-qr", "xgb-residual"]
aggs = ["mean", "global-coarse", "global-medium", "global-fine", "local-medium"]
docs = {d: json.load(open(f"{out}/cells/{d}.json")) for d in datasets}
first = docs[datasets[0]]
p(f"### Test WIS after sorting (mean over {first['repeats']} splits [95% bootstrap CI]; lower is better)")
p()
p("| data | rows used | " + " | ".join(bases + ["select"] + aggs) + " |")
p("|---|---|" + "---|" * (len(bases) + 1 + len(aggs)))
for d, j in docs.items():
    m = j["methods"]
    used = j["n_train"] + j["n_aggregation"] + j["n_calibration"] + j["n_test"]
    cells = []
    for k in bases + ["select"] + aggs:
        e = m[k]["wis_sorted"]
        cells.append(f"{e['point']:.4g} [{e['low']:.4g}, {e['high']:.4g}]")
    p(f"| {d} | {used} of {j['rows']} | " + " | ".join(cells) + " |")
p()
p("### Aggregate minus the best single base model of the same split (test WIS after sorting)")
p()
p("The best base model is chosen per split on the test rows (an oracle choice, the strongest single-model baseline).")
p()
p("| data | " + " | ".join(aggs) + " |")
p("|---|" + "---|" * len(aggs))
for d, j in docs.items():
    cells = []
    for a in aggs:
        x = j["minus_best_base"][a]
        e, r = x["difference"], x["relative"]
        cells.append(f"{e['point']:+.3g} [{e['low']:+.3g}, {e['high']:+.3g}] ({100*r['point']:+.1f}%, {x['wins']}/{j['repeats']})")
    p(f"| {d} | " + " | ".join(cells) + " |")
p()
p("### Post-processing on the data: test WIS as predicted, sorted, isotonic; share of rows that cross")
p()
p("| data | method | WIS raw | WIS sorted | WIS isotonic | rows crossing | largest per-row increase (sort / isotonic) |")
p("|---|---|---|---|---|---|---|")
for d, j in docs.items():
    for k in bases + aggs:
        per = j["methods"][k]["per_repeat"]
        mean = lambda v: sum(v) / len(v)
        p(f"| {d} | {k} | {mean(per['wis_raw']):.4g} | {mean(per['wis_sorted']):.4g} | {mean(per['wis_isotonic']):.4g} | "
          f"{mean(per['crossing_share']):.3f} | {max(per['max_sort_increase']):.2g} / {max(per['max_isotonic_increase']):.2g} |")
p()
p(f"### Conformal calibration: coverage and width of the outer ({100*first['nominal_outer_coverage']:.0f}%) interval, test WIS, before and after")
p()
p("| data | method | coverage before | coverage after | width before | width after | WIS before | WIS after |")
p("|---|---|---|---|---|---|---|---|")
for d, j in docs.items():
    for k in ["select"] + aggs:
        per = j["methods"][k]["per_repeat"]
        mean = lambda v: sum(v) / len(v)
        p(f"| {d} | {k} | {mean(per['coverage']):.3f} | {mean(per['coverage_calibrated']):.3f} | {mean(per['width']):.4g} | "
          f"{mean(per['width_calibrated']):.4g} | {mean(per['wis_sorted']):.4g} | {mean(per['wis_calibrated']):.4g} |")
p()
p("### Weight shares of the global aggregates (mean over splits)")
p()
p("| data | aggregate | " + " | ".join(bases) + " |")
p("|---|---|" + "---|" * len(bases))
for d, j in docs.items():
    for g, s in j["weight_shares"].items():
        p(f"| {d} | {g} | " + " | ".join(f"{s[b]:.2f}" for b in bases) + " |")
p()
p("| data | in-process seconds (all splits) |")
p("|---|---|")
for d, j in docs.items():
    p(f"| {d} | {j['seconds']:.0f} |")
open(f"{out}/table.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF2
