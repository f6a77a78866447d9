package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.space.Box;
import dev.quiver.data.dataset.EpisodeDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a Minari file of many short episodes must not leave one memory mapping per dataset behind: a corrupted
 * copy split into tens of thousands of episodes otherwise exhausts the kernel's mapping limit
 * ({@code vm.max_map_count}, 65,530 by default) and kills the JVM.
 */
class ManyEpisodesReadTest {
    @TempDir
    Path tmp;

    @Test
    void readingAFileOfManyEpisodesMapsItOnce() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isReadable(maps), "needs Linux's /proc/self/maps to count memory mappings");
        int episodes = 2_000;
        EpisodeDataset data = Datasets.random(7, Box.float32(-2, 2, 2), Box.float32(-1, 1, 1), episodes, 3, false);
        Path dir = tmp.resolve("many");
        MinariWriter.of("test/many-v0", Box.float32(-2, 2, 2), Box.float32(-1, 1, 1)).write(dir, data);
        String file = dir.resolve("data").resolve("main_data.hdf5").toString();

        long before = mappingsOf(maps, file);
        MinariDataset read = MinariReader.readDataset(dir);
        long during = mappingsOf(maps, file);

        Datasets.assertSame(data, read.episodes());
        assertEquals(0, before, "no mapping of the file before reading it");
        // jhdf opened by path maps each of the 2,000 x 5 datasets on its own (until a GC unmaps them); the
        // reader maps the whole file once
        assertTrue(during <= 1, "mappings of the file after reading " + episodes + " episodes: " + during);
    }

    private static long mappingsOf(Path maps, String file) throws IOException {
        return Files.readAllLines(maps).stream().filter(line -> line.endsWith(file)).count();
    }
}
