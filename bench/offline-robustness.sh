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
#   KINDS         corruption kinds [obs action reward dynamics] (action and TD3+BC skip discrete envs);
#                 add -adv for the adversarial variant (obs-adv action-adv reward-adv dynamics-adv): rewards
#                 become -SCALE x r; obs/action/dynamics attack the critic of the clean TD3+BC cell of the
#                 same dataset (OUT_DIR/cells/DATASET-clean-td3bc-uniform, seed 0), which must finish first
#                 (it comes first in the grid; with JOBS > 1 an adversarial cell waits for it)
#   JOBS [2]      training processes at once
#   QUIVER        the quiver launcher to use (default: the repository's ./quiver)
#   TABLE_ONLY=1  only (re)write the table from the cells finished so far; train nothing
# Finished cells are kept (their result.json); delete a cell's folder to rerun it. A cell whose JVM could not get
# memory from the OS is retried up to twice, 60 s apart. The table is written to
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

if [ "${TABLE_ONLY:-0}" != 1 ]; then
# 1. corrupted copies (one per dataset and kind, corruption seed 0); adversarial copies are made by the first
#    cell that needs them (they need the clean TD3+BC critic), under a lock
corrupt_copy() {   # corrupt_copy DATASET KIND
  local d="$1" k="$2" copy="$out/data/${1//\//-}-$2"
  [ -d "$copy" ] && return 0
  local mode=random kind="$k" critic=()
  if [ "${k%-adv}" != "$k" ]; then
    mode=adversarial kind="${k%-adv}"
    if [ "$kind" != reward ]; then
      local ckpt="$out/cells/${d//\//-}-clean-td3bc-uniform/run/seed-0/checkpoint"
      local clean="$out/cells/${d//\//-}-clean-td3bc-uniform"
      while [ ! -f "$clean/result.json" ] && pgrep -f "$clean/run" > /dev/null; do sleep 10; done
      [ -f "$clean/result.json" ] || { echo "$d: adversarial $kind corruption needs the clean TD3+BC cell $clean (add td3bc to ALGOS)" >&2; return 1; }
      critic=(--critic "$ckpt")
    fi
  fi
  "$quiver" data corrupt "$data/$d" --kind "$kind" --mode "$mode" --rate "$rate" --scale "$scale" --seed 0 \
      "${critic[@]}" --out "$copy" > "$copy.log" 2>&1
}
for d in "${datasets[@]}"; do
  for k in "${kinds[@]}"; do
    [ "$k" = clean ] && continue
    discrete "$d" && [ "${k%-adv}" = action ] && continue
    [ "${k%-adv}" != "$k" ] && continue
    corrupt_copy "$d" "$k"
  done
done

# 2. training cells, JOBS at a time
cells=()
for d in "${datasets[@]}"; do
  for k in "${kinds[@]}"; do
    discrete "$d" && [ "${k%-adv}" = action ] && continue
    discrete "$d" && [ "${k%-adv}" != "$k" ] && [ "$k" != reward-adv ] && continue   # no TD3+BC critic to attack
    for a in "${algos[@]}"; do
      discrete "$d" && [ "$a" = td3bc ] && continue
      for s in "${samplings[@]}"; do cells+=("$d|$k|$a|$s"); done
    done
  done
done
run_cell() {
  IFS='|' read -r d k a s <<< "$1"
  local env="${d%%/*}" name="${d//\//-}-$k-$a-$s" input="$data/$d"
  if [ "$k" != clean ]; then
    input="$out/data/${d//\//-}-$k"
    (flock 9; corrupt_copy "$d" "$k") 9> "$out/data/.lock" || { echo "could not corrupt $d ($k)" >&2; return 1; }
  fi
  local dir="$out/cells/$name"
  [ -f "$dir/result.json" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  local sizes=()
  if [ -n "$hidden" ]; then
    if [ "$a" = cql ]; then sizes=(--set "actor_hidden=$hidden" --set "critic_hidden=$hidden")
    else sizes=(--set "hidden=$hidden"); fi
  fi
  local attempt
  for attempt in 1 2 3; do
    "$quiver" train "$a" --dataset "$input" --env "$env" --steps "$steps" --seeds "$seeds" "${sizes[@]}" \
        --sampling "$s" --eval-every 0 --eval-episodes "$eval_episodes" --no-progress --out "$dir/run" \
        --json "$dir/result.json.tmp" > "$dir.log" 2>&1 && { mv "$dir/result.json.tmp" "$dir/result.json"; return 0; }
    # a JVM that could not get memory from the OS (seen on a busy shared VM) is retried; other failures are not
    grep -q "insufficient memory for the Java Runtime" "$dir.log" || return 1
    echo "$name: the JVM ran out of memory (attempt $attempt); retrying in 60 s" >&2
    sleep 60
    rm -rf "$dir" && mkdir -p "$dir"
  done
  return 1
}
export -f run_cell discrete corrupt_copy
export quiver data out steps seeds hidden eval_episodes rate scale
printf '%s\n' "${cells[@]}" | xargs -P "$jobs" -I{} bash -c 'mkdir -p "$out/cells" && run_cell "$@"' _ {}

fi

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
