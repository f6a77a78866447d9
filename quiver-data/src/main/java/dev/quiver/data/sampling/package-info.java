/**
 * How an offline learner draws transitions from a dataset: uniformly, or weighted by trajectory return or
 * advantage (Hong et al., 2023), switched by one option ({@link dev.quiver.data.sampling.SamplingScheme}).
 */
package dev.quiver.data.sampling;
