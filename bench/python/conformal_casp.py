"""The Python side of the CASP conformal speed comparison (BENCHMARKS.md, issue #7).

Does what a MAPIE user's split conformal and CQR do on the CQR benchmark's CASP (bio) data, with the same data
handling as `quiver conformal regress --dataset bio --model xgboost` (MAPIE itself is not installable here: only
Debian's python3-sklearn 1.2 and python3-xgboost 1.7 are):
  split: xgboost regressor (tree_method hist, 100 rounds, depth 4, eta 0.1, one thread) on the proper-training
         half, absolute residuals on the calibration half, the ceil((n+1)(1-alpha))-th smallest as the width;
  cqr:   two quantile models at alpha/2 and 1-alpha/2 (xgboost 1.7 has no quantile objective, so sklearn's
         HistGradientBoostingRegressor(loss="quantile"), 100 iterations, depth 4, learning rate 0.1 -- the kind of
         model MAPIE's CQR examples use), CQR's conformity score max(lo - y, y - hi) and its quantile.
Each repeat: a random 80/20 train/test split, the training part halved. Prints per repeat the in-process seconds
(fit + calibrate + predict, data loading excluded), the coverage and the mean width, then the total.

Usage: python3 bench/python/conformal_casp.py CASP.csv split|cqr REPEATS [SEED]
"""
import math
import sys
import time

import numpy as np


def load(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1)
    return data[:, 1:], data[:, 0]


def split_conformal(xp, yp, xc, yc, xt, alpha):
    import xgboost as xgb
    model = xgb.XGBRegressor(n_estimators=100, max_depth=4, learning_rate=0.1, tree_method="hist", n_jobs=1,
                             random_state=0)
    model.fit(xp, yp)
    scores = np.sort(np.abs(yc - model.predict(xc)))
    q = scores[math.ceil((len(yc) + 1) * (1 - alpha)) - 1]
    mu = model.predict(xt)
    return mu - q, mu + q


def cqr(xp, yp, xc, yc, xt, alpha):
    from sklearn.ensemble import HistGradientBoostingRegressor
    lo, hi = (HistGradientBoostingRegressor(loss="quantile", quantile=a, max_iter=100, max_depth=4,
                                            learning_rate=0.1, random_state=0).fit(xp, yp)
              for a in (alpha / 2, 1 - alpha / 2))
    scores = np.sort(np.maximum(lo.predict(xc) - yc, yc - hi.predict(xc)))
    q = scores[math.ceil((len(yc) + 1) * (1 - alpha)) - 1]
    return lo.predict(xt) - q, hi.predict(xt) + q


def main():
    path, method, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    x, y = load(path)
    rng = np.random.default_rng(seed)
    run = split_conformal if method == "split" else cqr
    times = []
    for r in range(repeats):
        perm = rng.permutation(len(y))
        n_test = math.ceil(0.2 * len(y))
        test, train = perm[:n_test], perm[n_test:]
        proper, calib = train[: len(train) // 2], train[len(train) // 2:]
        start = time.perf_counter()
        low, high = run(x[proper], y[proper], x[calib], y[calib], x[test], 0.1)
        seconds = time.perf_counter() - start
        times.append(seconds)
        cover = np.mean((y[test] >= low) & (y[test] <= high))
        print(f"{method} repeat {r}: {seconds:.2f} s, coverage {cover:.4f}, mean width {np.mean(high - low):.3f}")
    print(f"{method}: {repeats} splits in {sum(times):.1f} s ({sum(times) / repeats:.2f} s per split; median "
          f"{np.median(times):.2f} s, range {min(times):.2f}-{max(times):.2f} s)")


if __name__ == "__main__":
    main()
