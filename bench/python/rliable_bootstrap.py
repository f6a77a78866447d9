"""Same-machine baselines for Quiver's stratified bootstrap (`quiver bench stats`): the full Atari 100k
table (every agent, all 26 games, all runs, IQM / mean / median / optimality gap, 50,000 reps, 95%
percentile intervals), computed with numpy only.

  vectorised: all reps of a chunk resampled at once with fancy indexing, metrics by axis reductions
              (IQM by np.partition), the fastest straightforward numpy formulation we could write;
  loop:       rliable's own algorithm (rliable.library.get_interval_estimates with arch's
              StratifiedBootstrap): one Python-level iteration per rep that resamples each task's runs
              and calls the aggregate functions on the resampled matrix (our reconstruction; neither
              rliable nor arch is installable here). It is slow, so it runs --loop-reps reps and the
              time is scaled linearly to 50,000 reps (reported as such).

Usage: python3 bench/python/rliable_bootstrap.py DATA_DIR [--reps 50000] [--loop-reps 500] [--repeats 3]
DATA_DIR holds atari100k_scores.csv and atari100k_reference_scores.csv.
Prints one JSON object per line: {"mode", "seconds", "reps", "points": {...}}.
"""
import csv
import json
import sys
import time

import numpy as np


def load(data_dir):
    ref = {}
    with open(f"{data_dir}/atari100k_reference_scores.csv") as f:
        for row in csv.DictReader(f):
            ref[row["game"]] = (float(row["random"]), float(row["human"]))
    games = sorted(ref)
    raw = {}
    with open(f"{data_dir}/atari100k_scores.csv") as f:
        for row in csv.DictReader(f):
            raw.setdefault(row["algorithm"], {}).setdefault(row["game"], {})[int(row["run"])] = float(row["score"])
    mats = {}
    for alg, per_game in raw.items():
        runs = len(per_game[games[0]])
        m = np.empty((runs, len(games)))
        for j, g in enumerate(games):
            lo, hi = ref[g]
            for r in range(runs):
                m[r, j] = (per_game[g][r] - lo) / (hi - lo)
        mats[alg] = m
    return mats


def iqm_sorted_rows(x):
    """25% trimmed mean of each row of x (reps, n), as scipy.stats.trim_mean(x, 0.25, axis=1)."""
    n = x.shape[1]
    cut = int(0.25 * n)
    part = np.partition(x, (cut, n - cut - 1), axis=1)
    return part[:, cut:n - cut].mean(axis=1)


def metrics_vectorised(res):
    """res: (reps, runs, games) -> dict of (reps,) arrays."""
    reps = res.shape[0]
    task_means = res.mean(axis=1)
    flat = res.reshape(reps, -1)
    return {
        "iqm": iqm_sorted_rows(flat),
        "mean": task_means.mean(axis=1),
        "median": np.median(task_means, axis=1),
        "og": np.maximum(1.0 - flat, 0.0).mean(axis=1),
    }


def point_metrics(m):
    return {k: float(v[0]) for k, v in metrics_vectorised(m[None, :, :]).items()}


def vectorised(mats, reps, seed=0, chunk=500):
    rng = np.random.default_rng(seed)
    out = {}
    for alg, m in mats.items():
        runs, games = m.shape
        cols = np.arange(games)
        dist = {k: np.empty(reps) for k in ("iqm", "mean", "median", "og")}
        for start in range(0, reps, chunk):
            c = min(chunk, reps - start)
            idx = rng.integers(0, runs, size=(c, runs, games))
            res = m[idx, cols]
            for k, v in metrics_vectorised(res).items():
                dist[k][start:start + c] = v
        out[alg] = {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in dist.items()}
    return out


def loop(mats, reps, seed=0):
    rng = np.random.default_rng(seed)
    funcs = {
        "iqm": lambda x: iqm_sorted_rows(x.reshape(1, -1))[0],
        "mean": lambda x: x.mean(axis=0).mean(),
        "median": lambda x: np.median(x.mean(axis=0)),
        "og": lambda x: np.maximum(1.0 - x, 0.0).mean(),
    }
    out = {}
    for alg, m in mats.items():
        runs, games = m.shape
        dist = {k: np.empty(reps) for k in funcs}
        for r in range(reps):
            # arch's StratifiedBootstrap: resample the rows of each stratum (task) independently
            x = np.empty_like(m)
            for j in range(games):
                x[:, j] = m[rng.integers(0, runs, size=runs), j]
            for k, f in funcs.items():
                dist[k][r] = f(x)
        out[alg] = {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in dist.items()}
    return out


def main():
    args = sys.argv[1:]
    data_dir = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    reps = int(opts.get("--reps", 50000))
    loop_reps = int(opts.get("--loop-reps", 500))
    repeats = int(opts.get("--repeats", 3))
    mats = load(data_dir)
    points = {alg: point_metrics(m) for alg, m in mats.items()}
    for _ in range(repeats):
        t0 = time.perf_counter()
        vectorised(mats, reps)
        print(json.dumps({"mode": "vectorised", "seconds": time.perf_counter() - t0, "reps": reps,
                          "points": points}), flush=True)
    t0 = time.perf_counter()
    loop(mats, loop_reps)
    secs = time.perf_counter() - t0
    print(json.dumps({"mode": "loop", "seconds": secs, "reps": loop_reps,
                      "seconds_scaled_to_reps": secs * reps / loop_reps, "target_reps": reps}), flush=True)


if __name__ == "__main__":
    main()
