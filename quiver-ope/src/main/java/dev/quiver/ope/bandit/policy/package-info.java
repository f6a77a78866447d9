/** Evaluation policies as action probabilities on logged rows: uniform, epsilon-greedy, softmax, context-free, from a file. */
package dev.quiver.ope.bandit.policy;
