/**
 * Metrics of intervals and sets: coverage, width and size, group and size-stratified coverage, interval and
 * weighted interval scores.
 */
package dev.quiver.uq.metrics;
