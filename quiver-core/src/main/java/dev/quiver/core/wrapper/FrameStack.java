package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;

/**
 * Stacks the last {@code k} float32 observations, oldest first, as Gymnasium's {@code
 * FrameStackObservation}: the observation space becomes {@code (k, *shape)} (flattened row-major).
 * At reset the stack is padded with the reset observation ({@link Padding#RESET}, Gymnasium's
 * default) or with zeros ({@link Padding#ZERO}).
 *
 * @param <A> action type
 */
public final class FrameStack<A> extends Wrapper<float[], A> {
    /** How the stack is filled at reset. */
    public enum Padding {
        /** Repeat the reset observation. */
        RESET,
        /** Fill with zeros. */
        ZERO
    }

    private final int k;
    private final int frame;
    private final Padding padding;
    private final EnvSpec spec;
    private final float[] stack;

    /** Stacks {@code k} frames with reset padding. */
    public FrameStack(Env<float[], A> env, int k) {
        this(env, k, Padding.RESET);
    }

    /** Stacks {@code k >= 1} frames with the given padding. */
    public FrameStack(Env<float[], A> env, int k, Padding padding) {
        super(env);
        if (k < 1) {
            throw new IllegalArgumentException("FrameStack needs k >= 1, got " + k);
        }
        Box<float[]> box = ActionBoxes.float32Observations(env);
        this.k = k;
        this.frame = box.size();
        this.padding = padding;
        int[] shape = box.shape();
        int[] stacked = new int[shape.length + 1];
        stacked[0] = k;
        System.arraycopy(shape, 0, stacked, 1, shape.length);
        double[] lo = new double[k * frame];
        double[] hi = new double[k * frame];
        for (int i = 0; i < k * frame; i++) {
            lo[i] = Math.min(box.low(i % frame), padding == Padding.ZERO ? 0 : box.low(i % frame));
            hi[i] = Math.max(box.high(i % frame), padding == Padding.ZERO ? 0 : box.high(i % frame));
        }
        this.spec = env.spec().withSpaces(Box.float32(lo, hi, stacked), env.spec().actionSpace());
        this.stack = new float[k * frame];
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Reset<float[]> reset(long seed) {
        return fill(env.reset(seed));
    }

    @Override
    public Reset<float[]> reset() {
        return fill(env.reset());
    }

    private Reset<float[]> fill(Reset<float[]> r) {
        for (int j = 0; j < k - 1; j++) {
            if (padding == Padding.RESET) {
                System.arraycopy(r.observation(), 0, stack, j * frame, frame);
            } else {
                java.util.Arrays.fill(stack, j * frame, (j + 1) * frame, 0f);
            }
        }
        System.arraycopy(r.observation(), 0, stack, (k - 1) * frame, frame);
        return new Reset<>(stack.clone(), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> s = env.step(action);
        System.arraycopy(stack, frame, stack, 0, (k - 1) * frame);
        System.arraycopy(s.observation(), 0, stack, (k - 1) * frame, frame);
        return new Step<>(stack.clone(), s.reward(), s.terminated(), s.truncated(), s.info());
    }
}
