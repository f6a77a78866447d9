/**
 * Neural contextual bandits with online neural regression (Deb, Ban, Zuo, He, Banerjee 2023/2024):
 * NeuSquareCB and NeuFastCB, a small multi-layer perceptron trained online by gradient steps, whose
 * predictions carry a small random perturbation, feeding SquareCB's and FastCB's inverse gap weighting.
 *
 * <p>The network is plain Java rather than DJL (quiver-nn): each round needs K batch-1 forward passes and
 * one batch-1 gradient step on a network with a few thousand weights, where DJL's per-call overhead
 * (about 15 us a forward, 1.3 ms an update, see docs/DEPENDENCIES.md) would dominate, and DJL allows one
 * gradient collector per JVM, which rules out running seeds in parallel threads.
 */
package dev.quiver.bandits.neural;
