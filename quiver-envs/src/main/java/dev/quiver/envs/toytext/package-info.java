/**
 * Gymnasium's toy-text environments with their exact models: {@link dev.quiver.envs.toytext.FrozenLake},
 * {@link dev.quiver.envs.toytext.CliffWalking} and {@link dev.quiver.envs.toytext.Taxi}, each a
 * {@link dev.quiver.envs.toytext.TabularEnv} exposing Gymnasium's transition table {@code P} as a
 * {@link dev.quiver.core.tabular.TabularModel}; {@link dev.quiver.envs.toytext.ToyText} registers them.
 */
package dev.quiver.envs.toytext;
