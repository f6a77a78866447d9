/**
 * The contextual-bandit study: logs (synthetic or the Open Bandit Dataset), candidate policies learned from
 * them, bandit off-policy estimates with intervals, and the truth where it is known.
 */
package dev.quiver.pipeline.bandit;
