#!/usr/bin/env bash
# The offline-RL experiments of issue #5, with ./quiver only:
#   corruption (P17, Yang et al. 2023): BC, CQL, IQL, TD3+BC and RIQL on clean and randomly corrupted copies
#     (observations, actions, rewards, dynamics; rate c and scale eps) of D4RL-style datasets;
#   weighting (P44, Hong et al. 2023): CQL, IQL and TD3+BC with uniform, return-weighted (rw) and
#     advantage-weighted (aw) trajectory sampling on random+expert mixtures.
# Each cell trains one algorithm for STEPS gradient steps with every seed in SEEDS and evaluates the final
# policy online (EVAL episodes per seed); the table reports the IQM of the per-seed normalised scores
# 100 (R - R_random) / (R_expert - R_random) with its 95% stratified-bootstrap interval (quiver stats).
#
# Usage: bench/offline-robustness.sh corruption|weighting [DATASETS_DIR [OUT_DIR]]
#   DATASETS_DIR  made by bench/make-datasets.sh (default: datasets)
#   OUT_DIR       default: runs/offline-robustness
# Environment variables (defaults in brackets):
#   SEEDS [0..4]  STEPS [20000]  EVAL [10]  RATE [0.3]  SCALE [1.0]
#   HIDDEN        hidden widths of every network, e.g. 64,64 [each algorithm's default: CORL's 256,256;
#                 CQL's critics 256,256,256]
#   DATASETS      corruption: [Pendulum-v1/medium MountainCarContinuous-v0/medium CartPole-v1/medium]
#                 weighting:  [Pendulum-v1/mix-1 Pendulum-v1/mix-5 MountainCarContinuous-v0/mix-1 ...]
#   ALGOS         corruption: [bc cql iql td3bc riql]; weighting: [cql iql td3bc]
#   KINDS         corruption kinds [obs action reward dynamics] (action and TD3+BC skip discrete envs)
#   JOBS [2]      training processes at once
#   QUIVER        the quiver launcher to use (default: the repository's ./quiver)
# Finished cells are kept (their result.json); delete a cell's folder to rerun it. The table is written to
# OUT_DIR/MODE.md and printed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
mode="${1:?usage: bench/offline-robustness.sh corruption|weighting [DATASETS_DIR [OUT_DIR]]}"
data="${2:-datasets}"
out="${3:-runs/offline-robustness}"
seeds="${SEEDS:-0..4}"
steps="${STEPS:-20000}"
eval_episodes="${EVAL:-10}"
hidden="${HIDDEN:-}"
rate="${RATE:-0.3}"
scale="${SCALE:-1.0}"
jobs="${JOBS:-2}"
case "$mode" in
  corruption)
    datasets=(${DATASETS:-Pendulum-v1/medium MountainCarContinuous-v0/medium CartPole-v1/medium})
    algos=(${ALGOS:-bc cql iql td3bc riql})
    kinds=(clean ${KINDS:-obs action reward dynamics})
    samplings=(uniform) ;;
  weighting)
    datasets=(${DATASETS:-Pendulum-v1/mix-1 Pendulum-v1/mix-5 MountainCarContinuous-v0/mix-1 MountainCarContinuous-v0/mix-5 CartPole-v1/mix-1 CartPole-v1/mix-5})
    algos=(${ALGOS:-cql iql td3bc})
    kinds=(clean)
    samplings=(uniform rw aw) ;;
  *) echo "unknown mode '$mode': give corruption or weighting" >&2; exit 2 ;;
esac
mkdir -p "$out/data" "$out/cells"
"$quiver" --version > /dev/null   # builds on first use, before any parallel job starts

discrete() { [ "${1%%/*}" = CartPole-v1 ]; }

# 1. corrupted copies (one per dataset and kind, corruption seed 0)
for d in "${datasets[@]}"; do
  for k in "${kinds[@]}"; do
    [ "$k" = clean ] && continue
    discrete "$d" && [ "$k" = action ] && continue
    copy="$out/data/${d//\//-}-$k"
    [ -d "$copy" ] || "$quiver" data corrupt "$data/$d" --kind "$k" --mode random --rate "$rate" --scale "$scale" \
        --seed 0 --out "$copy" > "$copy.log"
  done
done

# 2. training cells, JOBS at a time
cells=()
for d in "${datasets[@]}"; do
  for k in "${kinds[@]}"; do
    discrete "$d" && [ "$k" = action ] && continue
    for a in "${algos[@]}"; do
      discrete "$d" && [ "$a" = td3bc ] && continue
      for s in "${samplings[@]}"; do cells+=("$d|$k|$a|$s"); done
    done
  done
done
run_cell() {
  IFS='|' read -r d k a s <<< "$1"
  local env="${d%%/*}" name="${d//\//-}-$k-$a-$s" input="$data/$d"
  [ "$k" = clean ] || input="$out/data/${d//\//-}-$k"
  local dir="$out/cells/$name"
  [ -f "$dir/result.json" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  local sizes=()
  if [ -n "$hidden" ]; then
    if [ "$a" = cql ]; then sizes=(--set "actor_hidden=$hidden" --set "critic_hidden=$hidden")
    else sizes=(--set "hidden=$hidden"); fi
  fi
  "$quiver" train "$a" --dataset "$input" --env "$env" --steps "$steps" --seeds "$seeds" "${sizes[@]}" \
      --sampling "$s" --eval-every 0 --eval-episodes "$eval_episodes" --no-progress --out "$dir/run" \
      --json "$dir/result.json.tmp" > "$dir.log" 2>&1 && mv "$dir/result.json.tmp" "$dir/result.json"
}
export -f run_cell discrete
export quiver data out steps seeds hidden eval_episodes
printf '%s\n' "${cells[@]}" | xargs -P "$jobs" -I{} bash -c 'mkdir -p "$out/cells" && run_cell "$@"' _ {}

# 3. table: IQM of the per-seed normalised scores with a 95% stratified-bootstrap interval (quiver stats)
python3 - "$out" <<'EOF2'
import json, os, sys
out = sys.argv[1]
with open(os.path.join(out, "scores.csv"), "w") as w:
    w.write("algorithm,game,run,score\n")
    for name in sorted(os.listdir(os.path.join(out, "cells"))):
        f = os.path.join(out, "cells", name, "result.json")
        if os.path.exists(f):
            for p in json.load(open(f))["per_seed"]:
                if "normalised_score" in p:
                    w.write(f"{name},cell,{p['seed']},{p['normalised_score']}\n")
EOF2
"$quiver" stats --scores "$out/scores.csv" --metrics iqm --json "$out/iqm.json" > /dev/null
python3 - "$out" "$mode" <<'EOF2'
import json, os, sys
out, mode = sys.argv[1], sys.argv[2]
iqm = json.load(open(os.path.join(out, "iqm.json")))
per = {}
for line in open(os.path.join(out, "scores.csv")).read().splitlines()[1:]:
    name, _, seed, score = line.split(",")
    per.setdefault(name, []).append(float(score))
lines = ["| dataset-condition-algorithm-sampling | seeds | IQM normalised score [95% CI] | per seed |", "|---|---|---|---|"]
for name, scores in per.items():
    e = iqm[name]["iqm"]
    lines.append(f"| {name} | {len(scores)} | {e['point']:.1f} [{e['low']:.1f}, {e['high']:.1f}] | "
                 + ", ".join(f"{x:.1f}" for x in scores) + " |")
text = "\n".join(lines) + "\n"
open(os.path.join(out, mode + ".md"), "w").write(text)
print(text)
EOF2
