/**
 * Studies: one YAML file describes the stages from logged data to a recommended policy (data, learn,
 * estimate, verify, quantify, report); each stage's output is cached by the content of its configuration
 * and inputs.
 */
package dev.quiver.pipeline;
