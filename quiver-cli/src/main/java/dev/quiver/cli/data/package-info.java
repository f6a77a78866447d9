/** {@code quiver data collect|info}: recording offline-RL datasets and inspecting dataset files. */
package dev.quiver.cli.data;
