#!/usr/bin/env bash
# The bandit experiments of docs/reproductions/bandits.md (issue #6, P15 and P14), with ./quiver only.
#   tune:     the neural oracles' step sizes (and the baselines' main constants) on tuning seeds 100..103,
#             cosine rewards, T = 5000, K = 4, d = 10
#   p15:      regret curves on seeds 0..9: nonlinear (cos), quadratic and linear rewards
#   p14:      best-arm searches on sparse misspecified linear bandits, seeds 0..9 (d = 16 and 32, noise, benign eta)
# Usage: bench/bandits.sh tune|p15|p14 [OUT_DIR]   (OUT_DIR default: runs/bandits)
# Environment: THREADS [2] (results do not depend on it), QUIVER (the launcher, default ./quiver)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quiver="${QUIVER:-$root/quiver}"
mode="${1:?usage: bench/bandits.sh tune|p15|p14 [OUT_DIR]}"
out="${2:-$root/runs/bandits}"
threads="${THREADS:-2}"
mkdir -p "$out"

case "$mode" in
  tune)
    common=(bandit simulate --env nonlinear --rounds 5000 --arms 4 --dim 10 --seeds 100..103 --threads "$threads"
      --no-progress)
    for lr in 0.02 0.05 0.1 0.2 0.3 0.5; do
      echo "== neusquarecb lr $lr"
      "$quiver" "${common[@]}" --algo neusquarecb --param neusquarecb.lr="$lr" | grep '^neusquarecb'
    done
    for lr in 0.05 0.1 0.2 0.5 1.0; do
      echo "== neufastcb lr $lr"
      "$quiver" "${common[@]}" --algo neufastcb --param neufastcb.lr="$lr" | grep '^neufastcb'
    done
    for g in 3 10 30; do
      echo "== squarecb, fastcb gamma-scale $g"
      "$quiver" "${common[@]}" --algo squarecb,fastcb --param squarecb.gamma-scale="$g" \
        --param fastcb.gamma-scale="$g" | grep -E '^(squarecb|fastcb)'
    done
    for a in 0.5 1 2.358; do
      echo "== linucb alpha $a"
      "$quiver" "${common[@]}" --algo linucb --param linucb.alpha="$a" | grep '^linucb'
    done
    ;;
  p15)
    "$quiver" bandit simulate --env nonlinear --algo linucb,lints,squarecb,fastcb,neusquarecb,neufastcb \
      --rounds 5000 --arms 4 --dim 10 --seeds 0..9 --threads "$threads" \
      --plot "$out/nonlinear.png" --json "$out/nonlinear.json"
    "$quiver" bandit simulate --env quadratic --algo linucb,lints,squarecb,fastcb,neusquarecb,neufastcb \
      --rounds 5000 --arms 4 --dim 10 --seeds 0..9 --threads "$threads" --json "$out/quadratic.json"
    "$quiver" bandit simulate --env linear --algo ucb1,linucb,lints,squarecb,fastcb,neusquarecb,neufastcb \
      --rounds 5000 --arms 4 --dim 10 --seeds 0..9 --threads "$threads" \
      --plot "$out/linear.png" --json "$out/linear.json"
    ;;
  p14)
    "$quiver" bandit sparse --dim 16 --sparsity 2 --arms 20000 --epsilon 0.05 --eta adversarial --seeds 0..9 \
      --threads "$threads" --json "$out/sparse-d16.json"
    "$quiver" bandit sparse --dim 32 --sparsity 2 --arms 20000 --epsilon 0.05 --eta adversarial --seeds 0..9 \
      --threads "$threads" --json "$out/sparse-d32.json"
    "$quiver" bandit sparse --dim 16 --sparsity 2 --arms 20000 --epsilon 0.05 --eta adversarial --noise 0.1 \
      --seeds 0..9 --threads "$threads" --json "$out/sparse-d16-noise.json"
    "$quiver" bandit sparse --dim 16 --sparsity 2 --arms 20000 --epsilon 0.05 --eta structured --seeds 0..9 \
      --threads "$threads" --json "$out/sparse-d16-structured.json"
    ;;
  *)
    echo "usage: bench/bandits.sh tune|p15|p14 [OUT_DIR]" >&2
    exit 2
    ;;
esac
