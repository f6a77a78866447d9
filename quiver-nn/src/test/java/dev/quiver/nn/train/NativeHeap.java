package dev.quiver.nn.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: bytes in use on glibc's malloc heap (where PyTorch's CPU allocator gets its memory), and RSS. */
final class NativeHeap {
    private NativeHeap() {
    }

    /** glibc's {@code struct mallinfo2} (all fields size_t). */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    interface Libc extends Library {
        MallInfo2 mallinfo2();
    }

    /** Bytes allocated by malloc and not freed (small blocks + mmapped blocks), or -1 if unavailable. */
    static long inUseBytes() {
        try {
            Libc c = Native.load("c", Libc.class);
            MallInfo2 m = c.mallinfo2();
            return m.uordblks + m.hblkhd;
        } catch (Throwable e) {
            return -1;
        }
    }

    /** Resident set size in kB from /proc/self/status, or -1. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
