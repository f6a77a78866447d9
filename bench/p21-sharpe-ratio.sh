#!/usr/bin/env bash
# P21 (Kiyohara et al. 2024, "Towards Assessing and Benchmarking Risk-Return Tradeoff of Off-Policy Evaluation",
# arXiv:2311.18207) on Quiver's own candidate sets: real sequential estimators (PDIS, WPDIS, DR, WDR, FQE) rank
# epsilon-mixtures of the optimal and of the worst policy of a toy-text env from logged episodes; MSE, rank
# correlation, regret@1 and SharpeRatio@k (means over seeds with 95% bootstrap intervals) against the exact values.
# Results: docs/reproductions/p21-sharpe-ratio.md.
#
# Usage: bench/p21-sharpe-ratio.sh [key=value ...]
#   env=FrozenLake-v1|Taxi-v3  seeds=20  episodes=100  gamma=0.95  horizon=100  behaviourEpsilon=0.5  fqeSteps=600
#   csv=FILE (per-seed estimates)
# Builds quiver-ope's test classes offline (no install) and runs dev.quiver.ope.selection.SharpeRatioReproduction.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$root/quiver-ope/target/p21-classpath.txt"
# one reactor run, so quiver-ope's class path points at the freshly built modules, not at ~/.m2
mvn -B -q -o -pl quiver-ope -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >&2
cp="$root/quiver-ope/target/test-classes:$root/quiver-ope/target/classes:$(cat "$cp_file")"
exec java -Dai.djl.offline=true -XX:+UseSerialGC -cp "$cp" dev.quiver.ope.selection.SharpeRatioReproduction "$@"
