/**
 * The sequential study: data collection and splitting, offline candidates, off-policy estimates, online
 * verification and the conformal interval of the selected policy's return.
 */
package dev.quiver.pipeline.sequential;
