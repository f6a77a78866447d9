/**
 * The pipeline's JSON and CSV files, and its folders' names and atomic moves.
 */
package dev.quiver.pipeline.io;
