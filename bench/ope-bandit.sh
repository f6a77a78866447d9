#!/usr/bin/env bash
# The bandit off-policy evaluation experiments of issue #6 (docs/reproductions/ope-bandit.md), with ./quiver only:
#   (a) Open Bandit Dataset, men and women campaigns: the value of the uniform-random policy estimated from the
#       BTS logs, and of the BTS policy (its per-position item frequencies in the BTS logs) estimated from the
#       random logs, by every estimator, against the on-policy value observed in the other log;
#   (b) synthetic logs: MSE and bias against the true value for n = 500..20000, with a misspecified reward model
#       (additive ridge on logistic-polynomial rewards) and a well-specified one (logistic regression with a slope
#       per action on OBP's logistic rewards).
#
# Usage: bench/ope-bandit.sh [OBD_DIR [OUT_DIR]]
#   OBD_DIR   default: ../shared/data/open-bandit-dataset (relative to the repository root)
#   OUT_DIR   default: runs/ope-bandit (text tables and JSON)
# Environment variables (defaults in brackets): BOOT [10000] bootstrap resamples; REPS [100] synthetic replications;
#   SEED [0]; QUIVER, the quiver command to use (default: the repository's ./quiver; e.g.
#   QUIVER="java -jar quiver-cli/target/quiver-cli.jar").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
read -r -a quiver <<< "${QUIVER:-$root/quiver}"
data="${1:-$root/../shared/data/open-bandit-dataset}"
out="${2:-runs/ope-bandit}"
boot="${BOOT:-10000}"
reps="${REPS:-100}"
seed="${SEED:-0}"
mkdir -p "$out"

for campaign in men women; do
  echo "== OBD $campaign: uniform random policy, estimated from the BTS logs"
  "${quiver[@]}" ope bandit --obd "$data/bts/$campaign" --eval-policy uniform --on-policy "$data/random/$campaign" \
      --bootstrap "$boot" --seed "$seed" --json "$out/obd-$campaign-random-from-bts.json" \
      | tee "$out/obd-$campaign-random-from-bts.txt"
  echo "== OBD $campaign: BTS policy (item frequencies per position in its logs), estimated from the random logs"
  "${quiver[@]}" ope bandit --obd "$data/random/$campaign" --eval-policy "frequencies:$data/bts/$campaign" \
      --on-policy "$data/bts/$campaign" --bootstrap "$boot" --seed "$seed" \
      --json "$out/obd-$campaign-bts-from-random.json" | tee "$out/obd-$campaign-bts-from-random.txt"
done

echo "== synthetic: misspecified reward model (additive ridge, logistic-polynomial rewards)"
"${quiver[@]}" ope synthetic --reward-function logistic-polynomial --reward-model ridge --features additive \
    --replications "$reps" --seed "$seed" --json "$out/synthetic-misspecified.json" \
    | tee "$out/synthetic-misspecified.txt"
echo "== synthetic: well-specified reward model (logistic regression with a slope per action, logistic rewards)"
"${quiver[@]}" ope synthetic --reward-function logistic --reward-model logistic --features interaction \
    --replications "$reps" --seed "$seed" --json "$out/synthetic-well-specified.json" \
    | tee "$out/synthetic-well-specified.txt"
