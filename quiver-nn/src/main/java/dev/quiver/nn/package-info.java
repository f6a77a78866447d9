/**
 * Quiver's neural layer over DJL (PyTorch engine, CPU, offline): the runtime set-up ({@code runtime}),
 * network builders and seeded initialisers ({@code net}), optimizers and gradient clipping
 * ({@code optim}), the update step ({@code train}), target networks ({@code target}) and
 * checkpoints in safetensors ({@code checkpoint}).
 */
package dev.quiver.nn;
