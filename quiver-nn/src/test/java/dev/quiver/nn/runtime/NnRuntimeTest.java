package dev.quiver.nn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class NnRuntimeTest {
    @Test
    void engineStartsOfflineWithExplicitSettings() {
        Engine e = NnRuntime.engine();
        assertEquals("PyTorch", e.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(Integer.toString(NnRuntime.settings().intraOpThreads()),
                System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals(NnRuntime.settings().engineCacheDir().toString(), System.getProperty("ENGINE_CACHE_DIR"));
        assertTrue(java.nio.file.Files.isDirectory(NnRuntime.settings().engineCacheDir().resolve("pytorch")),
                "natives extracted under the configured cache dir");
        // the native library really runs with the configured thread counts
        assertEquals(NnRuntime.settings().intraOpThreads(), ai.djl.pytorch.jni.JniUtils.getNumThreads());
        assertEquals(NnRuntime.settings().interOpThreads(), ai.djl.pytorch.jni.JniUtils.getNumInteropThreads());
        // settings are read once: changing them after the start is refused
        assertThrows(IllegalStateException.class,
                () -> NnRuntime.configure(NnRuntime.settings().withIntraOpThreads(2)));
        NnRuntime.configure(NnRuntime.settings());
        try (NDManager m = e.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3});
            assertEquals(6f, a.sum().getFloat());
        }
    }
}
