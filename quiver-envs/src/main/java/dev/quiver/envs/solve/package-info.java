/**
 * Exact dynamic programming on {@link dev.quiver.core.tabular.TabularModel}s: {@link
 * dev.quiver.envs.solve.ValueIteration} for optimal values and policies, {@link
 * dev.quiver.envs.solve.PolicyEvaluation} for the values of a given policy, and {@link
 * dev.quiver.envs.solve.TabularPolicy} for table policies. Ground truth for tests of learners and
 * off-policy estimators.
 *
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto (2018), chapter 4</a>
 */
package dev.quiver.envs.solve;
