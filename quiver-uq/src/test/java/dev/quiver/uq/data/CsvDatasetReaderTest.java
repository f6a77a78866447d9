package dev.quiver.uq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsTargetAndFeaturesByName() throws IOException {
        Path f = write("d.csv", "a,\"b, quoted\",y,c\n1,2,3,4\n5, 6 ,7,8\n\n");
        TabularDataset all = CsvDatasetReader.regression(f, "y", null);
        assertEquals(List.of("a", "b, quoted", "c"), all.featureNames());
        assertArrayEquals(new double[] {3, 7}, all.target());
        assertArrayEquals(new double[] {5, 6, 8}, all.features().row(1));
        TabularDataset some = CsvDatasetReader.regression(f, "y", List.of("c", "a"));
        assertArrayEquals(new double[] {8, 5}, some.features().row(1));
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path missing = write("m.csv", "a,y\n1,2\nNA,3\n");
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> CsvDatasetReader.regression(missing, "y", null));
        assertTrue(e.getMessage().contains("m.csv:3") && e.getMessage().contains("'a'")
                && e.getMessage().contains("missing"), e.getMessage());
        Path text = write("t.csv", "a,y\n1,2\n3,abc\n");
        e = assertThrows(QuiverUserException.class, () -> CsvDatasetReader.regression(text, "y", null));
        assertTrue(e.getMessage().contains("t.csv:3") && e.getMessage().contains("'y'")
                && e.getMessage().contains("not a number"), e.getMessage());
        Path ok = write("ok.csv", "a,y\n1,2\n");
        e = assertThrows(QuiverUserException.class, () -> CsvDatasetReader.regression(ok, "z", null));
        assertTrue(e.getMessage().contains("no column 'z'") && e.getMessage().contains("a, y"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> CsvDatasetReader.regression(ok, "y", List.of("b")));
        assertTrue(e.getMessage().contains("no column 'b'"), e.getMessage());
        Path ragged = write("r.csv", "a,y\n1,2,3\n");
        e = assertThrows(QuiverUserException.class, () -> CsvDatasetReader.regression(ragged, "y", null));
        assertTrue(e.getMessage().contains("r.csv:2") && e.getMessage().contains("3 fields"), e.getMessage());
        e = assertThrows(QuiverUserException.class,
                () -> CsvDatasetReader.regression(dir.resolve("absent.csv"), "y", null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path quote = write("q.csv", "a,y\n\"1,2\n");
        e = assertThrows(QuiverUserException.class, () -> CsvDatasetReader.regression(quote, "y", null));
        assertTrue(e.getMessage().contains("q.csv:2") && e.getMessage().contains("quoted"), e.getMessage());
    }

    @Test
    void unusedColumnsAreNotChecked() throws IOException {
        Path f = write("u.csv", "a,name,y\n1,alice,2\n3,,4\n");
        TabularDataset d = CsvDatasetReader.regression(f, "y", List.of("a"));
        assertEquals(2, d.size());
    }

    @Test
    void classificationLabelsBecomeClassIndices() throws IOException {
        Path f = write("c.csv", "x,label\n1,dog\n2,cat\n3,dog\n4,bird\n");
        TabularDataset d = CsvDatasetReader.classification(f, "label", null);
        assertEquals(List.of("bird", "cat", "dog"), d.classNames());
        assertArrayEquals(new int[] {2, 1, 2, 0}, d.labels());
        Path num = write("n.csv", "x,label\n1,10\n2,2\n3,10.0\n");
        TabularDataset dn = CsvDatasetReader.classification(num, "label", null);
        assertEquals(List.of("2", "10"), dn.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, dn.labels());
        Path one = write("o.csv", "x,label\n1,a\n2,a\n");
        assertThrows(QuiverUserException.class, () -> CsvDatasetReader.classification(one, "label", null));
    }
}
