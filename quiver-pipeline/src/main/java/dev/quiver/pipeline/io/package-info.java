/**
 * The pipeline's JSON and CSV files.
 */
package dev.quiver.pipeline.io;
