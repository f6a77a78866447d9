/** Bootstrap confidence intervals (a small first piece; the rliable layer builds on it). */
package dev.quiver.eval.bootstrap;
