/**
 * Running a stage's units of work on several cores: a pool of worker JVMs fed JSON tasks, with results
 * independent of the number of workers.
 */
package dev.quiver.pipeline.exec;
