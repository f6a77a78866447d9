/**
 * The studies that {@code quiver demo} runs, shipped as YAML resources.
 */
package dev.quiver.pipeline.demo;
