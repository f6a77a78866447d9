package dev.quiver.core.seed;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A named, hierarchical source of seeds: one root seed per run, and child seeds derived from it by
 * name ({@code seeds.child("replay")}, {@code seeds.child("env", i)}).
 *
 * <p>A child's seed depends only on its parent's seed and its own name (and index), through a
 * 64-bit FNV-1a hash of the UTF-8 name and SplitMix64's finaliser; so adding a new stream never
 * shifts another, and results do not depend on the order in which streams are created or on the
 * number of threads. Generators are XoRoShiRo128++ from Apache Commons RNG, seeded through Commons
 * RNG's documented SplitMix64 expansion of a {@code long}.
 */
public final class Seeds {
    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;
    private final long seed;

    private Seeds(long seed) {
        this.seed = seed;
    }

    /** The root of a run. */
    public static Seeds of(long rootSeed) {
        return new Seeds(rootSeed);
    }

    /** This node's seed. */
    public long seed() {
        return seed;
    }

    /** The child stream called {@code name}. */
    public Seeds child(String name) {
        return new Seeds(mix(seed ^ fnv1a(name)));
    }

    /** The {@code index}-th child stream called {@code name} (e.g. one per env or per worker). */
    public Seeds child(String name, long index) {
        return new Seeds(mix(mix(seed ^ fnv1a(name)) + index * 0x9E3779B97F4A7C15L));
    }

    /** A fresh generator seeded with this node's seed. */
    public UniformRandomProvider rng() {
        return rng(seed);
    }

    /** A generator for a plain {@code long} seed (XoRoShiRo128++). */
    public static UniformRandomProvider rng(long seed) {
        return SOURCE.create(seed);
    }

    /**
     * The state of a generator made by {@link #rng(long)} (opaque bytes), to save a run and continue it
     * later with {@link #restoreState}.
     *
     * @throws IllegalArgumentException if the generator is not one of ours (not restorable)
     */
    public static byte[] saveState(UniformRandomProvider rng) {
        if (!(rng instanceof RestorableUniformRandomProvider r)) {
            throw new IllegalArgumentException("generator " + rng + " cannot save its state");
        }
        return ((RandomProviderDefaultState) r.saveState()).getState();
    }

    /**
     * Puts a generator made by {@link #rng(long)} back into a state from {@link #saveState}.
     *
     * @throws IllegalArgumentException if the generator is not restorable or the bytes are not its state
     */
    public static void restoreState(UniformRandomProvider rng, byte[] state) {
        if (!(rng instanceof RestorableUniformRandomProvider r)) {
            throw new IllegalArgumentException("generator " + rng + " cannot restore a state");
        }
        r.restoreState(new RandomProviderDefaultState(state));
    }

    /** A seed from the operating system's entropy (for unseeded resets, as Gymnasium does). */
    public static long entropy() {
        return new SecureRandom().nextLong();
    }

    /** SplitMix64's output function: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Seeds(" + seed + ")";
    }
}
