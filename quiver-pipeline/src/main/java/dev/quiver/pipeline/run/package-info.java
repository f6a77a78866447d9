/**
 * Running a study: options, progress, the shared run context, and the run folder.
 */
package dev.quiver.pipeline.run;
