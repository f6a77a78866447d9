#!/usr/bin/env bash
# D4RL-style offline-RL dataset families, made with ./quiver (docs/datasets.md describes each family and
# the file layouts). For each env, under OUT_DIR/ENV/:
#   random          uniformly random actions
#   expert          the agent trained with configs/ALGO/ENV.yaml (its best checkpoint by periodic
#                   evaluation), played greedily
#   medium          the expert with epsilon-random actions, epsilon set per env so that the data scores about
#                   1/3 to 1/2 of the way from random to expert (D4RL's medium level)
#   medium-replay   every episode of a shorter training run that stops about where its policy reaches medium
#                   level (quiver train --collect: D4RL's medium-replay)
#   full-replay     every episode of the expert's training run (D4RL's full-replay)
#   mix-1, mix-5, mix-10   uniformly random episodes with 1%, 5%, 10% expert episodes (at seeded positions)
#   runs/           the two training runs (checkpoints, metrics)
#   summary.txt     each dataset's episodes, steps and returns, and the medium data's normalised score
#                   (0 = random, 1 = expert)
#
# Usage: bench/make-datasets.sh [OUT_DIR [ENV ...]]
#   OUT_DIR  default: datasets
#   ENV      default: CartPole-v1 Pendulum-v1 MountainCarContinuous-v0 Acrobot-v1 MountainCar-v0 (every env with
#            a tuned agent config in configs/; other envs: quiver data collect directly)
# Environment variables:
#   EPISODES=N           episodes per collected dataset (default 100; the 1% mixture needs at least 50)
#   SEED=S               root seed (default 0): training runs use S, dataset k (random 1, medium 2, expert 3,
#                        mix-1 4, mix-5 5, mix-10 6) is collected with seed 1000 S + k, so the datasets do not
#                        share episodes
#   FORMAT=minari|d4rl   minari (default): one directory per dataset; d4rl: one NAME.hdf5 file per dataset
#   QUIVER=PATH          the quiver launcher to use (default: the repository's ./quiver)
#   QUICK=1              smoke test: 1/25 of the training steps and 50 episodes (the agents are then far from
#                        medium or expert; only the pipeline is checked)
# Outputs that exist are kept (quiver never overwrites a dataset): delete OUT_DIR/ENV to remake an env.
# Wall time on 2 busy cores, full settings: CartPole-v1 about 3.5 min, Pendulum-v1 about 6 min,
# MountainCarContinuous-v0 about 6.5 min, Acrobot-v1 about 4 min, MountainCar-v0 about 5 min (measured returns
# in docs/datasets.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
out="${1:-datasets}"
shift || true
envs=("$@")
[ ${#envs[@]} -gt 0 ] || envs=(CartPole-v1 Pendulum-v1 MountainCarContinuous-v0 Acrobot-v1 MountainCar-v0)
quick="${QUICK:-0}"
episodes="${EPISODES:-$([ "$quick" = 1 ] && echo 50 || echo 100)}"
seed="${SEED:-0}"
format="${FORMAT:-minari}"
case "$format" in
  minari) ext="" ;;
  d4rl) ext=".hdf5" ;;
  *) echo "make-datasets.sh: FORMAT must be minari or d4rl, got '$format'" >&2; exit 2 ;;
esac

# Per env: the algorithm (its tuned config is configs/ALGO/ENV.yaml), the expert's training steps (those of
# the config's benchmark in BENCHMARKS.md), the medium-replay run's steps (about where the expert's learning
# curve reaches medium level) and the medium data's epsilon (measured scores in docs/datasets.md).
settings() {
  case "$1" in
    CartPole-v1) algo=dqn; expert_steps=50000; replay_steps=20000; medium_epsilon=0.3 ;;
    Pendulum-v1) algo=td3; expert_steps=20000; replay_steps=13000; medium_epsilon=0.75 ;;
    MountainCarContinuous-v0) algo=td3; expert_steps=50000; replay_steps=25000; medium_epsilon=0.8 ;;
    Acrobot-v1) algo=dqn; expert_steps=100000; replay_steps=10000; medium_epsilon=0.8 ;;
    MountainCar-v0) algo=dqn; expert_steps=120000; replay_steps=60000; medium_epsilon=0.15 ;;
    *) echo "make-datasets.sh: no settings for env '$1' (known: CartPole-v1 Pendulum-v1 MountainCarContinuous-v0" \
         "Acrobot-v1 MountainCar-v0)" >&2
       exit 2 ;;
  esac
  config="$root/configs/$algo/$1.yaml"
  if [ "$quick" = 1 ]; then
    expert_steps=$((expert_steps / 25))
    replay_steps=$((replay_steps / 25))
  fi
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# dataset NAME SEED_OFFSET ARGS...: quiver data collect into DIR/NAME unless it exists
dataset() {
  local name="$1" k="$2"
  shift 2
  local target="$dir/$name$ext"
  if [ -e "$target" ]; then
    log "$env: keeping $target"
    return
  fi
  log "$env: collecting $name"
  "$quiver" data collect --env "$env" --episodes "$episodes" --seed $((1000 * seed + k)) --out "$target" "$@"
}

# return_mean PATH: the mean episode return of a dataset (from quiver data info --json)
return_mean() {
  local j="$dir/runs/info.json"
  rm -f "$j"
  "$quiver" data info "$1" --json "$j" > /dev/null
  sed -n 's/^  "return_mean": \(.*\),$/\1/p' "$j"
}

for env in "${envs[@]}"; do
  settings "$env"
  dir="$out/$env"
  runs="$dir/runs"
  mkdir -p "$runs"

  if [ ! -e "$dir/full-replay$ext" ]; then
    log "$env: training the expert ($algo, $expert_steps steps, $config), recording its episodes as full-replay"
    rm -rf "$runs/expert"
    "$quiver" train "$algo" --env "$env" --steps "$expert_steps" --seed "$seed" --config "$config" --no-progress \
      --out "$runs/expert" --collect "$dir/full-replay$ext"
  fi
  expert="$runs/expert/seed-$seed/best"
  [ -d "$expert" ] || expert="$runs/expert/seed-$seed/checkpoint"

  if [ ! -e "$dir/medium-replay$ext" ]; then
    log "$env: a shorter training run ($replay_steps steps), recording its episodes as medium-replay"
    rm -rf "$runs/replay"
    "$quiver" train "$algo" --env "$env" --steps "$replay_steps" --seed "$seed" --config "$config" --eval-every 0 \
      --no-progress --out "$runs/replay" --collect "$dir/medium-replay$ext"
  fi

  dataset random 1 --policy random
  dataset medium 2 --policy "$expert" --epsilon "$medium_epsilon"
  dataset expert 3 --policy "$expert"
  k=4
  for pct in 1 5 10; do
    dataset "mix-$pct" "$k" --policy mix --expert "$expert" --expert-fraction "$(awk "BEGIN { print $pct / 100 }")"
    k=$((k + 1))
  done

  {
    echo "$env: $algo expert ($expert_steps steps, $expert), medium = expert with epsilon $medium_epsilon,"\
      "medium-replay run $replay_steps steps; $episodes episodes per collected dataset, seed $seed"
    for name in random medium expert medium-replay full-replay mix-1 mix-5 mix-10; do
      printf '\n%s\n' "$name"
      "$quiver" data info "$dir/$name$ext" | tail -n 2
    done
    r=$(return_mean "$dir/random$ext")
    m=$(return_mean "$dir/medium$ext")
    e=$(return_mean "$dir/expert$ext")
    awk -v r="$r" -v m="$m" -v e="$e" 'BEGIN {
      printf "\nnormalised score of medium: (%.3f - %.3f) / (%.3f - %.3f) = %.3f\n", m, r, e, r, (e == r ? 0 : (m - r) / (e - r)) }'
  } > "$dir/summary.txt"
  rm -f "$runs/info.json"
  log "$env: done; $dir/summary.txt:"
  cat "$dir/summary.txt" >&2
done
