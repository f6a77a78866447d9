package dev.quiver.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code bench dataset} on a small dataset and checks the sizes it reports against the files, never timings. */
class DatasetBenchCommandTest {
    @Test
    void reportsHeapAndFileSizesOfTheDatasetItWrote(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("files");
        Path json = tmp.resolve("out.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("dataset", "--transitions", "5000", "--dir", dir.toString(), "--json", json.toString());
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("5,000 transitions in 5 episodes"), out.toString());
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        // raw columns: (5,000 + 5) observations x 17 floats, 5,000 x 6 action floats, 5,000 x (double + 2 flags)
        assertEquals(5005L * 17 * 4 + 5000L * 6 * 4 + 5000L * 10, doc.get("raw_bytes").getAsLong());
        assertEquals(Files.size(dir.resolve("d4rl.hdf5")), doc.get("d4rl_bytes").getAsLong());
        long minari = Files.size(dir.resolve("minari/data/main_data.hdf5")) + Files.size(dir.resolve("minari/data/metadata.json"));
        assertEquals(minari, doc.get("minari_bytes").getAsLong());
        assertTrue(doc.get("minari_bytes").getAsLong() > doc.get("raw_bytes").getAsLong() * 9 / 10, doc.toString());
    }

    @Test
    void refusesADirectoryThatAlreadyHoldsADataset(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("minari"));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        assertEquals(2, cl.execute("dataset", "--transitions", "1000", "--dir", tmp.toString()));
        assertTrue(err.toString().contains("already holds"), err.toString());
    }
}
