/**
 * Finding a near-optimal arm of a misspecified linear bandit by queries (Dong and Yang 2023): a fixed
 * finite arm set in {@code R^d}, rewards {@code <x, theta> + eta(x)} with {@code |eta| <= epsilon} and an
 * s-sparse {@code theta}; sparse searches that enumerate supports, and dense baselines (G-optimal-design
 * least squares of Lattimore, Szepesvari and Weisz 2020, and exhaustive search), each counting its queries.
 */
package dev.quiver.bandits.sparse;
