package dev.quiver.nn.runtime;

import ai.djl.engine.Engine;
import dev.quiver.core.error.QuiverUserException;
import java.util.Objects;

/**
 * The one place that configures DJL before its first use and hands out the PyTorch engine.
 *
 * <p>{@link #engine()} sets the system properties DJL reads at engine start: {@code ai.djl.offline=true}
 * (nothing is downloaded, no telemetry check), {@code OPT_OUT_TRACKING=true},
 * {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} (explicit, default
 * 1) and {@code ENGINE_CACHE_DIR} (where the natives bundled in {@code pytorch-native-cpu} are
 * extracted; DJL 0.36 reads {@code Utils.getEngineCacheDir()}: the environment variable
 * {@code ENGINE_CACHE_DIR}, then the system property, then {@code DJL_CACHE_DIR}, then
 * {@code ~/.djl.ai}). Settings can be changed with {@link #configure(NnSettings)} only before the
 * engine has started: DJL reads them once per JVM.
 */
public final class NnRuntime {
    private static NnSettings settings = NnSettings.defaults();
    private static volatile Engine engine;

    private NnRuntime() {
    }

    /**
     * Sets the settings for the engine start.
     *
     * @throws IllegalStateException if the engine has already started with different settings
     */
    public static synchronized void configure(NnSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        if (engine != null && !newSettings.equals(settings)) {
            throw new IllegalStateException("the DJL engine has already started with " + settings
                    + "; configure NnRuntime before the first use of quiver-nn");
        }
        settings = newSettings;
    }

    /** The settings in force (or that will be used at the engine start). */
    public static synchronized NnSettings settings() {
        return settings;
    }

    /** Whether the engine has started in this JVM. */
    public static boolean started() {
        return engine != null;
    }

    /**
     * The PyTorch engine, started on the first call with {@link #settings()}.
     *
     * @throws QuiverUserException if the natives cannot be loaded (the message names the cache
     *     directory and what to check)
     */
    public static Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (NnRuntime.class) {
            if (engine == null) {
                engine = start(settings);
            }
            return engine;
        }
    }

    private static Engine start(NnSettings s) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(s.intraOpThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(s.interOpThreads()));
        String envDir = System.getenv("ENGINE_CACHE_DIR");
        if (envDir != null && !envDir.isEmpty() && !s.engineCacheDir().equals(
                java.nio.file.Path.of(envDir).toAbsolutePath().normalize())) {
            throw new QuiverUserException("the environment variable ENGINE_CACHE_DIR=" + envDir
                    + " overrides the configured native cache directory " + s.engineCacheDir()
                    + " (DJL reads the environment first); unset it or configure the same directory");
        }
        System.setProperty("ENGINE_CACHE_DIR", s.engineCacheDir().toString());
        try {
            Engine e = Engine.getEngine("PyTorch");
            e.getVersion();
            return e;
        } catch (RuntimeException | LinkageError err) {
            throw new QuiverUserException("cannot start DJL's PyTorch engine offline (native cache directory "
                    + s.engineCacheDir() + "): " + err
                    + "; check that ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 and pytorch-jni "
                    + "2.7.1-0.36.0 are on the class path at runtime, that the directory is writable with "
                    + "about 450 MB free, and that PYTORCH_VERSION/PYTORCH_FLAVOR are not set", err);
        }
    }
}
