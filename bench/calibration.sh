#!/usr/bin/env bash
# The post-hoc calibration reproduction of issue #7 (docs/reproductions/calibration.md, paper P18): Platt scaling,
# isotonic regression and temperature scaling fitted on a calibration split, judged on held-out rows, REPEATS
# random splits per cell (20/80 test/train, the training part halved into proper-training and calibration rows),
# on binary targets made from two CQR benchmarks: concrete strength > median and bike count > median.
# Classifiers: logistic regression (L2, lambda 1 on standardised features); xgboost with its defaults here
# (100 rounds, depth 4, eta 0.1); and an over-fitted xgboost (300 rounds, depth 6, eta 0.3), the usual source of
# over-confident probabilities. ECE with 10 equal-width bins (also equal-mass), Brier, log loss, ROC AUC, and
# conformal LAC/APS sets at alpha 0.1 for the same classifier.
#
# Usage: bench/calibration.sh [OUT_DIR]          (default OUT_DIR: runs/calibration)
# Environment variables (defaults in brackets):
#   REPEATS [20]  SEED [0]  BINS [10]
#   DATA_DIR   the CQR data files [../shared/data/cqr-datasets relative to the repository root]
#   QUIVER     the quiver launcher to use (default: the repository's ./quiver)
# Finished cells are kept (their JSON and PNG); delete one to rerun it. The table goes to OUT_DIR/table.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-runs/calibration}"
repeats="${REPEATS:-20}"
seed="${SEED:-0}"
bins="${BINS:-10}"
data_dir="${DATA_DIR:-$root/../shared/data/cqr-datasets}"
mkdir -p "$out/cells"

declare -A model_args=(
  [logistic]="--model logistic"
  [xgboost]="--model xgboost"
  [xgboost-overfit]="--model xgboost --xgb-rounds 300 --xgb-depth 6 --xgb-eta 0.3"
)
for dataset in concrete bike; do
  for model in logistic xgboost xgboost-overfit; do
    cell="$out/cells/$dataset-$model"
    if [ -f "$cell.json" ]; then
      continue
    fi
    echo "$dataset, $model ..." >&2
    $quiver calibrate --dataset "$dataset" --data-dir "$data_dir" --positive-above median ${model_args[$model]} \
      --repeats "$repeats" --seed "$seed" --bins "$bins" --json "$cell.json" --plot "$cell.png" >&2
  done
done

/usr/bin/env python3 - "$out" <<'PY' | tee "$out/table.md"
import glob, json, os, sys
out = sys.argv[1]
def est(e, signed=False):
    if e is None:
        return "n/a"
    f = "{:+.4f}" if signed else "{:.4f}"
    return (f + " [" + f + ", " + f + "]").format(e["point"], e["low"], e["high"])
print("| data | model | probabilities | ECE (10 bins) | ECE change | adaptive ECE | Brier | log loss | ROC AUC | AUC change |")
print("|---|---|---|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(out, "cells", "*.json"))):
    d = json.load(open(path))
    model = os.path.basename(path)[len(d["data"]) + 1:-5]
    for name, r in d["results"].items():
        print(f"| {d['data']} | {model} | {name} | {est(r['ece'])} | {est(r['ece_change'], True)} |"
              f" {est(r['adaptive_ece'])} | {est(r['brier'])} | {est(r['log_loss'])} | {est(r['auc'])} |"
              f" {est(r['auc_change'], True)} |")
print()
print("| data | model | probabilities | LAC coverage | LAC size | APS coverage | APS size |")
print("|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(out, "cells", "*.json"))):
    d = json.load(open(path))
    model = os.path.basename(path)[len(d["data"]) + 1:-5]
    for name, r in d["results"].items():
        label = name if name == "raw" else name + " (half/half)"
        print(f"| {d['data']} | {model} | {label} | {est(r['lac_coverage'])} | {est(r['lac_size'])} |"
              f" {est(r['aps_coverage'])} | {est(r['aps_size'])} |")
PY
