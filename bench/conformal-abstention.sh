#!/usr/bin/env bash
# The conformal-abstention reproduction of issue #7 (docs/reproductions/conformal-abstention.md): Tayebati et al.
# (2025), "Learning Conformal Abstention Policies for Adaptive Risk Management in Large Language and
# Vision-Language Models", arXiv:2502.06884, on tabular stand-ins for the paper's LLM multiple-choice tasks.
# Each cell runs `quiver conformal abstain` for REPEATS random splits (20% test; of the rest 50% classifier
# training, 25% policy learning, 25% calibration): a contextual bandit learns per-input conformal thresholds
# (single label / LAC set at one of seven levels / abstain) under a utility (miss 1, extra label 0.1,
# abstention 0.35); the deployed policy takes the output with the best estimated utility, and a conformal step
# tunes the utility's miss cost so coverage >= 1 - alpha (abstentions counted as covered). LAC and APS share the
# classifier and calibration rows.
# Cells:
#   synthetic-logistic    4 classes whose difficulty varies with a feature (SYNTH_ROWS rows), logistic classifier
#   synthetic-squarecb    the same with SquareCB instead of LinUCB collecting the policy's data
#   bike-logistic         bike-sharing counts cut into 5 quantile classes, logistic classifier
#   bike-xgboost          the same with an xgboost classifier (100 rounds, depth 4, one thread)
#
# Usage: bench/conformal-abstention.sh [OUT_DIR]       (default OUT_DIR: runs/conformal-abstention)
# Environment variables (defaults in brackets): REPEATS [20]  SYNTH_ROWS [8000]  SEED [0]  ALPHA [0.1]
#   DATA_DIR  the CQR data files [../shared/data/cqr-datasets relative to the repository root]
#   QUIVER    the quiver launcher (default: the repository's ./quiver)
# Finished cells are kept (their JSON); delete one to rerun it. The tables go to OUT_DIR/table.md and stdout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-runs/conformal-abstention}"
repeats="${REPEATS:-20}"
synth="${SYNTH_ROWS:-8000}"
seed="${SEED:-0}"
alpha="${ALPHA:-0.1}"
data_dir="${DATA_DIR:-$root/../shared/data/cqr-datasets}"
mkdir -p "$out/cells"

run_cell() { # name args...
  local name="$1"; shift
  local f="$out/cells/$name.json"
  [ -f "$f" ] && return 0
  "$quiver" conformal abstain "$@" --repeats "$repeats" --seed "$seed" --alpha "$alpha" --json "$f" \
      > "$out/cells/$name.log"
}
start=$(date +%s)
run_cell synthetic-logistic --synthetic "$synth"
run_cell synthetic-squarecb --synthetic "$synth" --bandit squarecb
run_cell bike-logistic --dataset bike --data-dir "$data_dir" --bins 5
run_cell bike-xgboost --dataset bike --data-dir "$data_dir" --bins 5 --model xgboost
echo "cells done in $(( $(date +%s) - start )) s wall" >&2

python3 - "$out" synthetic-logistic synthetic-squarecb bike-logistic bike-xgboost <<'EOF2'
import json, sys
out, cells = sys.argv[1], sys.argv[2:]
lines = []
p = lines.append
fmt = lambda e: f"{e['point']:.4f} [{e['low']:.4f}, {e['high']:.4f}]"
for c in cells:
    j = json.load(open(f"{out}/cells/{c}.json"))
    p(f"### {c}: {j['data']}, {j['model']} classifier, {j['bandit']} policy ({j['repeats']} splits; "
      f"{j['n_train']} / {j['n_policy']} / {j['n_calibration']} / {j['n_test']} rows)")
    p("")
    p(f"Target coverage {j['target_coverage']:.2f}; finite-sample band [{j['band_low']:.4f}, {j['band_high']:.4f}], "
      f"Monte Carlo se of the mean {j['coverage_se_theory']:.4f}.")
    p("")
    p("| method | coverage | set size (answered) | size, abstention = K | abstention rate | singleton rate | singleton accuracy | answered coverage | utility |")
    p("|---|---|---|---|---|---|---|---|---|")
    for m, v in j["methods"].items():
        p(f"| {m} | {fmt(v['coverage'])} | {fmt(v['mean_set_size'])} | {fmt(v['effective_set_size'])} | "
          f"{v['abstention_rate']['point']:.4f} | {v['singleton_rate']['point']:.4f} | {v['singleton_accuracy']['point']:.4f} | "
          f"{v['answered_coverage']['point']:.4f} | {v['mean_utility']['point']:.4f} |")
    p("")
    p("| policy minus | coverage | set size (answered) | size, abstention = K | splits with smaller answered sets |")
    p("|---|---|---|---|---|")
    for b, v in j["policy_minus"].items():
        p(f"| {b} | {fmt(v['coverage'])} | {fmt(v['mean_set_size'])} | {fmt(v['effective_set_size'])} | "
          f"{v['splits_smaller']}/{j['repeats']} |")
    p("")
    mus = sorted(j["calibrated_miss_cost"])
    p("Arms chosen on test rows: " + ", ".join(f"{a} {s:.3f}" for a, s in j["arm_shares"].items())
      + f". Calibrated miss cost: median {mus[len(mus) // 2]:.3f}, range [{mus[0]:.3f}, {mus[-1]:.3f}] (the utility's: "
      + f"{j['miss_cost']}). In-process time {j['seconds']:.0f} s.")
    p("")
open(f"{out}/table.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF2
