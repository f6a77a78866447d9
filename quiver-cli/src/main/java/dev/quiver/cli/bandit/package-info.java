/** {@code quiver bandit simulate|sparse}: bandit regret curves over seeds, and sparse misspecified best-arm searches. */
package dev.quiver.cli.bandit;
