/** The {@code quiver} command line (picocli): {@code envs list|run|verify}, {@code demo}, {@code bench}. */
package dev.quiver.cli;
