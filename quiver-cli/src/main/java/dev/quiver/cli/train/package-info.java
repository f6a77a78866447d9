/** {@code quiver train} and {@code quiver eval}: train online agents from the command line and evaluate checkpoints. */
package dev.quiver.cli.train;
