#!/usr/bin/env bash
# The conformal-regression reproduction of issue #7 (docs/reproductions/conformal.md): every regression method
# of `quiver conformal regress` on the five CQR benchmark data sets (Romano, Patterson and Candes 2019,
# arXiv:1905.03222), REPEATS random splits each (CQR's protocol: 80/20 train/test, the training part halved
# into proper-training and calibration rows for split methods; alpha = 0.1), and two model families:
#   linear:  ridge (lambda 1 on standardised features) for mean models, linear quantile regression for CQR;
#            methods split normalized cvplus jackknife+ jackknife+ab cqr cqr-asym, and mondrian on the data sets
#            with a categorical feature (bike: workingday, star: gender)
#   xgboost: boosted trees (XGB_ROUNDS rounds, depth 4, eta XGB_ETA, one thread) for the mean and the
#            quantiles; methods split and cqr only (the other methods refit the model 2-40 times: left out to
#            keep the whole run within a few CPU minutes)
#   mlp:     quiver-nn MLPs (MLP_HIDDEN hidden widths, MLP_EPOCHS epochs, Adam) for the mean and the quantiles
#            (pinball loss); methods split and cqr only
# bio (45730 rows) is subsampled to BIO_ROWS rows per repeat (drawn before the split).
# The table compares the mean coverage with the finite-sample band [1 - alpha, 1 - alpha + 1/(n_cal + 1)] widened
# by 4 Monte Carlo standard errors of the mean (Beta law of split-conformal coverage, see SplitCoverageLaw).
#
# Usage: bench/conformal-cqr.sh [OUT_DIR]          (default OUT_DIR: runs/conformal-cqr)
# Environment variables (defaults in brackets):
#   REPEATS [20]  XGB_ROUNDS [300]  XGB_ETA [0.3]  BIO_ROWS [5000]  SEED [0]
#   DATA_DIR      the CQR data files [../shared/data/cqr-datasets relative to the repository root]
#   DATASETS      [concrete community star bike bio]
#   FAMILIES      model families to run [ridge xgboost mlp]
#   MLP_HIDDEN [64,64]  MLP_EPOCHS [100]
#   QUIVER        the quiver launcher to use (default: the repository's ./quiver)
# Finished cells are kept (their JSON); delete one to rerun it. The tables go to OUT_DIR/table.md and stdout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-runs/conformal-cqr}"
repeats="${REPEATS:-20}"
rounds="${XGB_ROUNDS:-300}"
eta="${XGB_ETA:-0.3}"
bio_rows="${BIO_ROWS:-5000}"
seed="${SEED:-0}"
data_dir="${DATA_DIR:-$root/../shared/data/cqr-datasets}"
datasets=(${DATASETS:-concrete community star bike bio})
linear_methods=(split normalized cvplus jackknife+ jackknife+ab cqr cqr-asym)
xgb_methods=(split cqr)
mlp_methods=(split cqr)
families=" ${FAMILIES:-ridge xgboost mlp} "
mlp_hidden="${MLP_HIDDEN:-64,64}"
mlp_epochs="${MLP_EPOCHS:-100}"
declare -A group=([bike]=workingday [star]=gender)
mkdir -p "$out/cells"

run_cell() { # dataset model method
  local d="$1" mo="$2" m="$3" f="$out/cells/$1-$2-$3.json"
  [ -f "$f" ] && return 0
  local extra=()
  [ "$d" = bio ] && extra=(--max-rows "$bio_rows")
  [ "$mo" = xgboost ] && extra+=(--xgb-rounds "$rounds" --xgb-eta "$eta")
  [ "$m" = mondrian ] && extra+=(--group "${group[$d]}")
  [ "$mo" = ridge ] && extra+=(--ridge-lambda 1)
  [ "$mo" = mlp ] && extra+=(--mlp-hidden "$mlp_hidden" --mlp-epochs "$mlp_epochs")
  "$quiver" conformal regress --dataset "$d" --data-dir "$data_dir" --method "$m" --model "$mo" --alpha 0.1 \
      --repeats "$repeats" --seed "$seed" "${extra[@]}" --json "$f" > "$out/cells/$d-$mo-$m.log"
}
start=$(date +%s)
for d in "${datasets[@]}"; do
  if [[ "$families" == *" ridge "* ]]; then
    for m in "${linear_methods[@]}"; do run_cell "$d" ridge "$m"; done
    [ -n "${group[$d]:-}" ] && run_cell "$d" ridge mondrian
  fi
  if [[ "$families" == *" xgboost "* ]]; then
    for m in "${xgb_methods[@]}"; do run_cell "$d" xgboost "$m"; done
  fi
  if [[ "$families" == *" mlp "* ]]; then
    for m in "${mlp_methods[@]}"; do run_cell "$d" mlp "$m"; done
  fi
done
echo "cells done in $(( $(date +%s) - start )) s wall" >&2

python3 - "$out" <<'EOF2'
import json, os, sys
out = sys.argv[1]
cells = {}
for name in os.listdir(os.path.join(out, "cells")):
    if name.endswith(".json"):
        j = json.load(open(os.path.join(out, "cells", name)))
        cells[(j["data"], j["model"], j["method"])] = j
order = ["concrete", "community", "star", "bike", "bio"]
lines = []
total = 0.0
for model, title in (("ridge", "Linear models (ridge mean, linear quantile regression)"),
                     ("xgboost", "Boosted trees (xgboost mean and quantiles)"),
                     ("mlp", "Neural networks (quiver-nn MLP mean; MLP quantiles on the pinball loss)")):
    if not any(k[1] == model for k in cells):
        continue
    lines += ["", f"### {title}", "",
              "| data | method | n_cal | mean coverage [95% CI] | band [1-a, 1-a+1/(n_cal+1)] | 4 se | in band +- 4 se"
              " | scaled width [95% CI] | width CV | CPU s |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for d in order:
        ms = [k for k in cells if k[0] == d and k[1] == model]
        pref = ["split", "normalized", "cqr", "cqr-asym", "mondrian", "cvplus", "jackknife+", "jackknife+ab"]
        for k in sorted(ms, key=lambda k: pref.index(k[2])):
            j = cells[k]
            total += j["seconds"]
            ncal = j["n_calibration"]
            band = f"[{j['band_low']:.4f}, {j['band_high']:.4f}]" if ncal else "(1 - 2a guarantee)"
            verdict = ("yes" if j["coverage_in_band"] else "NO") if ncal else \
                ("cov >= 1-2a: yes" if j["coverage"] >= 0.8 else "cov >= 1-2a: NO")
            lines.append(f"| {d} | {k[2]} | {ncal if ncal else j['n_train']} | {j['coverage']:.4f} "
                         f"[{j['coverage_low']:.4f}, {j['coverage_high']:.4f}] | {band} | "
                         f"{4 * j['coverage_se_theory']:.4f} | {verdict} | {j['mean_width_scaled']:.3f} "
                         f"[{j['mean_width_scaled_low']:.3f}, {j['mean_width_scaled_high']:.3f}] | "
                         f"{j['width_cv']:.2f} | {j['seconds']:.1f} |")
lines += ["", "### CQR against split conformal (same model family, same splits)", "",
          "| data | model | split width | CQR width | CQR / split | split interval score | CQR interval score |",
          "|---|---|---|---|---|---|---|"]
for d in order:
    for model in ("ridge", "xgboost", "mlp"):
        a, b = cells.get((d, model, "split")), cells.get((d, model, "cqr"))
        if a and b:
            lines.append(f"| {d} | {model} | {a['mean_width_scaled']:.3f} | {b['mean_width_scaled']:.3f} | "
                         f"{b['mean_width_scaled'] / a['mean_width_scaled']:.3f} | {a['interval_score']:.4g} | "
                         f"{b['interval_score']:.4g} |")
lines.append("")
lines.append(f"Total in-process time of all cells: {total:.0f} s (one thread; JVM start-up not included).")
text = "\n".join(lines) + "\n"
open(os.path.join(out, "table.md"), "w").write(text)
print(text)
EOF2
