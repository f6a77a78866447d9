/**
 * The stage cache: finished stages stored by the content hash of their settings and inputs, written atomically.
 */
package dev.quiver.pipeline.cache;
