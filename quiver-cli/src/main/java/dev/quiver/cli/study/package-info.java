/**
 * {@code quiver run STUDY.yaml} and {@code quiver demo}: the pipeline's studies on the command line, with a
 * progress bar per stage and a short summary at the end.
 */
package dev.quiver.cli.study;
