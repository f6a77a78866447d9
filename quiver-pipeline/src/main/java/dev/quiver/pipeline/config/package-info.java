/**
 * Study files: the YAML schema (docs/pipeline.md) read with line numbers into immutable configuration records.
 */
package dev.quiver.pipeline.config;
