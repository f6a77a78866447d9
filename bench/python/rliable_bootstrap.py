"""Same-machine baselines for Quiver's stratified bootstrap (`quiver bench stats`): the full Atari 100k
table (every agent, all 26 games, all runs, IQM / mean / median / optimality gap, 50,000 reps, 95%
percentile intervals), computed with numpy only (scipy's trim_mean in the loop when scipy is there).

  vectorised: the fastest straightforward numpy formulation we found (see --variants): per chunk of
              reps one `integers` call draws every (rep, game, run) index (int16 while they fit), the
              game's offset turns it into an index of the flattened [game][run] matrix, and fancy
              indexing gathers the values (task means by an axis mean), the values' ranks among the
              pooled scores (sorted once) and the per-value gaps; the IQM sorts the int32 ranks of each
              rep and averages the sorted values of the middle half; the optimality gap averages the
              gaps. Timings of the alternatives we tried are in BENCHMARKS.md.
              Every reduction is an axis reduction over a whole chunk; no Python work per rep.
  loop:       rliable's own algorithm (rliable.library.get_interval_estimates with its
              StratifiedBootstrap on arch's IIDBootstrap, as in the paper's colab): one Python-level
              iteration per rep that draws a (runs, games) index matrix with np.random.choice, gathers
              the resampled matrix, and calls the four aggregate functions of rliable.metrics on it
              (scipy.stats.trim_mean for the IQM). Our reconstruction without arch's own per-rep
              bookkeeping (neither rliable nor arch is installable here), so it is a lower bound on
              rliable's time. It is slow, so it runs --loop-reps reps and the time is scaled linearly
              to --reps (reported as such).

Usage: python3 bench/python/rliable_bootstrap.py DATA_DIR [--reps 50000] [--loop-reps 500] [--repeats 3]
           [--chunk 100] [--processes 1] [--variants]
DATA_DIR holds atari100k_scores.csv and atari100k_reference_scores.csv.
Prints one JSON object per line: {"mode", "seconds", "reps", ...}; the vectorised lines carry the point
estimates ("points") and the 95% percentile intervals ("intervals") of every agent.
  --processes P  also times the vectorised bootstrap with the agents split over P worker processes
                 (mode "vectorised-processes"; numpy itself runs these reductions on one core)
  --loop-reps 0  skips the loop
  --variants     also times the other formulations we tried (mode "variant", field "variant"), on the
                 same draws, and checks that they give the same replicates
"""
import csv
import json
import sys
import time

import numpy as np

try:
    from scipy.stats import trim_mean
except ImportError:  # numpy-only fallback, the same arithmetic as scipy's trim_mean(x, 0.25, axis=None)
    trim_mean = None

METRICS = ("median", "iqm", "mean", "og")


def load(data_dir):
    """Human-normalised scores per agent as rliable's (runs, games) matrices, games sorted by name."""
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


# ---------------------------------------------------------------- rliable.metrics, one matrix at a time
def iqm_1d(x):
    """scipy.stats.trim_mean(x, 0.25, axis=None), as rliable.metrics.aggregate_iqm."""
    if trim_mean is not None:
        return trim_mean(x, proportiontocut=0.25, axis=None)
    x = x.ravel()
    n = x.size
    cut = int(0.25 * n)
    return np.partition(x, (cut, n - cut - 1))[cut:n - cut].mean()


def aggregate_func(x):
    """The colab's aggregate function: median, IQM, mean, optimality gap of a (runs, games) matrix."""
    return np.array([
        np.median(np.mean(x, axis=0)),
        iqm_1d(x),
        np.mean(np.mean(x, axis=0)),
        1.0 - np.mean(np.minimum(x, 1.0)),
    ])


def point_metrics(m):
    return dict(zip(METRICS, (float(v) for v in aggregate_func(m))))


def percentile_intervals(dist):
    """dist: (len(METRICS), reps) -> {metric: [low, high]}, numpy's linear percentile, as arch."""
    lo, hi = np.percentile(dist, [2.5, 97.5], axis=1)
    return {k: [float(lo[i]), float(hi[i])] for i, k in enumerate(METRICS)}


# ---------------------------------------------------------------- the vectorised bootstrap
class Prepared:
    """One agent's matrix laid out for chunked resampling."""

    def __init__(self, m):
        runs, games = m.shape
        self.runs, self.games, self.n = runs, games, runs * games
        self.cut = int(0.25 * self.n)
        self.flat = np.ascontiguousarray(m.T).ravel()  # [game][run]
        self.index_dtype = np.int16 if self.n <= np.iinfo(np.int16).max else np.int64
        self.offsets = (np.arange(games) * runs).astype(self.index_dtype)[:, None]
        order = np.argsort(self.flat, kind="stable")
        self.sorted = self.flat[order]
        self.rank = np.empty(self.n, np.int32)
        self.rank[order] = np.arange(self.n, dtype=np.int32)
        self.gap = np.maximum(1.0 - self.flat, 0.0)
        self.gap_sorted = np.maximum(1.0 - self.sorted, 0.0)

    def draw(self, rng, c):
        """(c, games, runs) indices into self.flat: run indices of each game, plus the game's offset.
        Drawn as int16 while they fit (numpy draws 16-bit integers about 1.7 times faster than 64-bit
        ones; converting them to intp before the three gathers was slower overall)."""
        idx = rng.integers(0, self.runs, size=(c, self.games, self.runs), dtype=self.index_dtype)
        idx += self.offsets
        return idx

    def rank_sort(self, idx):
        """The formulation used for mode 'vectorised'. Returns (4, c) in METRICS order."""
        c = idx.shape[0]
        task_means = self.flat[idx].mean(axis=2)
        ranks = self.rank[idx].reshape(c, self.n)
        ranks.sort(axis=1)
        iqm = self.sorted[ranks[:, self.cut:self.n - self.cut]].mean(axis=1)
        og = self.gap[idx].reshape(c, self.n).mean(axis=1)
        return np.stack([np.median(task_means, axis=1), iqm, task_means.mean(axis=1), og])

    # --- the other formulations we tried (--variants) --------------------------------------------
    def original(self, idx):
        """The first version of this script: 2-D fancy index m[idx, cols] ([rep][run][game] layout),
        IQM by np.partition at the two cut points, gap by np.maximum over the resample."""
        c = idx.shape[0]
        m = self.flat.reshape(self.games, self.runs).T
        run_idx = (idx - self.offsets).transpose(0, 2, 1)  # the same draws, [rep][run][game]
        res = m[run_idx, np.arange(self.games)]
        flat = res.reshape(c, -1)
        part = np.partition(flat, (self.cut, self.n - self.cut - 1), axis=1)
        task_means = res.mean(axis=1)
        return np.stack([np.median(task_means, axis=1), part[:, self.cut:self.n - self.cut].mean(axis=1),
                         task_means.mean(axis=1), np.maximum(1.0 - flat, 0.0).mean(axis=1)])

    def flat_partition(self, idx):
        """One flat fancy index (game offsets added), IQM by np.partition."""
        c = idx.shape[0]
        res = self.flat[idx]
        flat = res.reshape(c, self.n)
        task_means = res.mean(axis=2)
        og = 1.0 - np.minimum(flat, 1.0).mean(axis=1)
        part = np.partition(flat, (self.cut, self.n - self.cut - 1), axis=1)
        return np.stack([np.median(task_means, axis=1), part[:, self.cut:self.n - self.cut].mean(axis=1),
                         task_means.mean(axis=1), og])

    def flat_sort(self, idx):
        """One flat fancy index, IQM by a full float64 sort (numpy 2's SIMD sort beats partition)."""
        c = idx.shape[0]
        res = self.flat[idx]
        flat = res.reshape(c, self.n)
        task_means = res.mean(axis=2)
        og = 1.0 - np.minimum(flat, 1.0).mean(axis=1)
        flat.sort(axis=1)
        return np.stack([np.median(task_means, axis=1), flat[:, self.cut:self.n - self.cut].mean(axis=1),
                         task_means.mean(axis=1), og])

    def counts(self, idx):
        """Quiver's own algorithm in numpy: counts per pooled rank (bincount), IQM and gap as weighted
        sums over the sorted values (cumulative counts clipped to the middle half)."""
        c = idx.shape[0]
        task_means = self.flat[idx].mean(axis=2)
        keys = self.rank[idx].reshape(c, self.n) + (np.arange(c, dtype=np.int64) * self.n)[:, None]
        cnt = np.bincount(keys.ravel(), minlength=c * self.n).reshape(c, self.n)
        cum = np.cumsum(cnt, axis=1)
        hi = np.clip(cum, self.cut, self.n - self.cut)
        lo = np.clip(cum - cnt, self.cut, self.n - self.cut)
        iqm = ((hi - lo) @ self.sorted) / (self.n - 2 * self.cut)
        og = (cnt @ self.gap_sorted) / self.n
        return np.stack([np.median(task_means, axis=1), iqm, task_means.mean(axis=1), og])


VARIANTS = ("original", "flat_partition", "flat_sort", "rank_sort", "counts")


def bootstrap_one(m, reps, seed=0, chunk=100, formulation="rank_sort"):
    p = Prepared(m)
    f = getattr(p, formulation)
    rng = np.random.default_rng(seed)
    dist = np.empty((len(METRICS), reps))
    for start in range(0, reps, chunk):
        c = min(chunk, reps - start)
        dist[:, start:start + c] = f(p.draw(rng, c))
    return dist


def vectorised(mats, reps, chunk=100, formulation="rank_sort"):
    """{agent: {metric: [low, high]}}; agent k uses seed k (in the order of the file)."""
    return {alg: percentile_intervals(bootstrap_one(m, reps, seed, chunk, formulation))
            for seed, (alg, m) in enumerate(mats.items())}


def _worker(job):
    seed, alg, m, reps, chunk = job
    return alg, percentile_intervals(bootstrap_one(m, reps, seed, chunk))


def vectorised_processes(pool, mats, reps, chunk=100):
    jobs = [(seed, alg, m, reps, chunk) for seed, (alg, m) in enumerate(mats.items())]
    # the biggest matrices first, so that P workers finish together
    jobs.sort(key=lambda j: -j[2].size)
    return dict(pool.map(_worker, jobs, chunksize=1))


# ---------------------------------------------------------------- rliable's per-rep loop
def loop(mats, reps, seed=0):
    """rliable.library.StratifiedBootstrap(scores).conf_int(aggregate_func, reps, method='percentile'):
    per rep, indices = np.random.choice(num_runs, (num_runs, num_tasks)), resample x[indices, task],
    aggregate_func(resample)."""
    out = {}
    for k, (alg, m) in enumerate(mats.items()):
        rs = np.random.RandomState(seed + k)
        runs, games = m.shape
        tasks = np.ogrid[0:games][None, :]
        dist = np.empty((reps, len(METRICS)))
        for r in range(reps):
            indices = rs.choice(runs, (runs, games), replace=True)
            dist[r] = aggregate_func(m[indices, tasks])
        out[alg] = percentile_intervals(dist.T)
    return out


# ---------------------------------------------------------------- main
def timed(f):
    t0 = time.perf_counter()
    value = f()
    return time.perf_counter() - t0, value


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    data_dir = args[0]
    flags = {"--variants"}
    rest = args[1:]
    variants = "--variants" in rest
    rest = [a for a in rest if a not in flags]
    opts = dict(zip(rest[0::2], rest[1::2]))
    reps = int(opts.get("--reps", 50000))
    loop_reps = int(opts.get("--loop-reps", 500))
    repeats = int(opts.get("--repeats", 3))
    chunk = int(opts.get("--chunk", 100))
    processes = int(opts.get("--processes", 1))
    mats = load(data_dir)
    points = {alg: point_metrics(m) for alg, m in mats.items()}
    env = {"numpy": np.__version__, "iqm": "scipy.stats.trim_mean" if trim_mean is not None else "numpy partition",
           "chunk": chunk, "runs": {alg: int(m.shape[0]) for alg, m in mats.items()},
           "games": int(next(iter(mats.values())).shape[1])}
    print(json.dumps({"mode": "setup", **env}), flush=True)

    if variants:
        # the same draws for every formulation (seed 0 per agent), one timing each, replicates compared
        for name in VARIANTS:
            secs = 0.0
            diff = 0.0
            for alg, m in mats.items():
                s, dist = timed(lambda: bootstrap_one(m, reps, 0, chunk, name))
                secs += s
                ref = bootstrap_one(m, min(reps, 2000), 0, chunk, "rank_sort")
                diff = max(diff, float(np.abs(dist[:, :ref.shape[1]] - ref).max()))
            print(json.dumps({"mode": "variant", "variant": name, "seconds": secs, "reps": reps, "chunk": chunk,
                              "max_abs_diff_vs_rank_sort": diff}), flush=True)

    for _ in range(repeats):
        secs, intervals = timed(lambda: vectorised(mats, reps, chunk))
        print(json.dumps({"mode": "vectorised", "seconds": secs, "reps": reps, "points": points,
                          "intervals": intervals}), flush=True)
    if processes > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            vectorised_processes(pool, mats, min(reps, 500), chunk)  # start the workers
            for _ in range(repeats):
                secs, intervals = timed(lambda: vectorised_processes(pool, mats, reps, chunk))
                print(json.dumps({"mode": "vectorised-processes", "processes": processes, "seconds": secs,
                                  "reps": reps, "intervals": intervals}), flush=True)
    if loop_reps > 0:
        secs, _ = timed(lambda: loop(mats, loop_reps))
        print(json.dumps({"mode": "loop", "seconds": secs, "reps": loop_reps,
                          "seconds_scaled_to_reps": secs * reps / loop_reps, "target_reps": reps}), flush=True)


if __name__ == "__main__":
    main()
