/**
 * JMH benchmarks of Quiver's hot paths. Build with {@code mvn -B -q install -DskipTests} (or {@code mvn
 * -pl quiver-bench -am package -DskipTests}) and run {@code java -jar quiver-bench/target/benchmarks.jar}
 * (all benchmarks, a few minutes) or name one, e.g. {@code java -jar quiver-bench/target/benchmarks.jar
 * CartPoleStepBenchmark}. Results and the reference numbers they are compared with are in {@code
 * BENCHMARKS.md} at the repository root.
 */
package dev.quiver.bench;
