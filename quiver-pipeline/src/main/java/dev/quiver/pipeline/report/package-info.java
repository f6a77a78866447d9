/**
 * The self-contained XHTML report and how numbers are written in it.
 */
package dev.quiver.pipeline.report;
