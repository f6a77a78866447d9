/** {@code quiver ope bandit|synthetic}: off-policy evaluation of bandit policies from logs, and its synthetic benchmark. */
package dev.quiver.cli.ope;
