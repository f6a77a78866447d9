#!/usr/bin/env bash
# The conformal-selection reproduction of issue #7 (docs/reproductions/conformal-selection.md): BH with conformal
# p-values (Jin and Candes 2023, arXiv:2210.01408) for each candidate model and OptCS-MSel (Bai and Jin 2024,
# arXiv:2411.17983) over the candidates, in Jin and Candes's simulation settings (X ~ U[-1,1]^20, selection
# threshold c = 0), REPEATS independent repetitions each, with fresh training, calibration and test units.
# Candidate models: OLS, xgboost mean, xgboost quantiles at 0.2, 0.5, 0.8 (100 rounds, depth 4, eta 0.1, one
# thread). Sizes are scaled down from the paper (n_train = n_calib = 1000) for a 2-core CPU.
#
# Usage: bench/conformal-selection.sh [OUT_DIR]          (default OUT_DIR: runs/conformal-selection)
# Environment variables (defaults in brackets):
#   REPEATS [200]  SETTINGS [1 3 6 8]  SIGMA [0.5]  QS [0.1]  N_TRAIN [500]  N_CALIB [500]  N_TEST [200]
#   MODELS [ols,xgboost,xgboost-q0.2,xgboost-q0.5,xgboost-q0.8]  BETA [0.9]  SEED [0]
#   QUIVER   the quiver launcher to use (default: the repository's ./quiver)
# Finished cells are kept (their JSON); delete one to rerun it. The table goes to OUT_DIR/table.md and stdout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-runs/conformal-selection}"
repeats="${REPEATS:-200}"
settings=(${SETTINGS:-1 3 6 8})
sigma="${SIGMA:-0.5}"
qs=(${QS:-0.1})
models="${MODELS:-ols,xgboost,xgboost-q0.2,xgboost-q0.5,xgboost-q0.8}"
beta="${BETA:-0.9}"
seed="${SEED:-0}"
mkdir -p "$out/cells"

for q in "${qs[@]}"; do
  for s in "${settings[@]}"; do
    cell="$out/cells/setting${s}-q${q}.json"
    if [ -f "$cell" ]; then
      continue
    fi
    echo "setting $s, q $q ..." >&2
    $quiver conformal select --simulate "$s" --sigma "$sigma" --q "$q" --models "$models" --optcs-beta "$beta" \
      --n-train "${N_TRAIN:-500}" --n-calib "${N_CALIB:-500}" --n-test "${N_TEST:-200}" --repeats "$repeats" \
      --seed "$seed" --json "$cell" >&2
  done
done

# one table: per cell and method, mean FDP (FDR) and power with Monte Carlo standard errors
/usr/bin/env python3 - "$out" <<'PY' | tee "$out/table.md"
import glob, json, os, sys
out = sys.argv[1]
cells = sorted(glob.glob(os.path.join(out, "cells", "*.json")))
print("| setting | q | method | selected | FDR ± se | FDR <= q + 2 se | power ± se |")
print("|---|---|---|---|---|---|---|")
for path in cells:
    d = json.load(open(path))
    setting = d["data"].replace("simulation setting ", "")
    for name, r in d["results"].items():
        ok = "yes" if r["fdr"] <= d["q"] + 2 * r["fdr_se"] else "NO"
        if name.startswith("naive"):
            ok = "(no guarantee)"
        print(f"| {setting} | {d['q']} | {name} | {r['selected']:.1f} | {r['fdr']:.4f} ± {r['fdr_se']:.4f} | {ok} |"
              f" {r['power']:.4f} ± {r['power_se']:.4f} |")
PY
