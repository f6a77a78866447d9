package dev.quiver.ope.bandit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the Open Bandit Dataset sample in {@code shared/data} (skipped when absent) and malformed copies. */
class OpenBanditDatasetTest {
    @TempDir
    Path tmp;

    /** {@code shared/data/open-bandit-dataset} from the module or the repository root, or null. */
    static Path dataDir() {
        for (String c : List.of("../../shared/data/open-bandit-dataset", "../shared/data/open-bandit-dataset")) {
            if (Files.isRegularFile(Path.of(c, "bts", "men", "men.csv"))) {
                return Path.of(c);
            }
        }
        return null;
    }

    static Path requireData() {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/open-bandit-dataset not found: skipped");
        return dir;
    }

    @Test
    void readsTheFourFilesWithTheReadmesCounts() {
        Path root = requireData();
        // README "Quick facts": 10000 rows each; clicks random/men 46, random/women 46, bts/men 69, bts/women 46
        String[][] cases = {{"random", "men", "46", "34"}, {"random", "women", "46", "46"}, {"bts", "men", "69", "34"},
            {"bts", "women", "46", "46"}};
        for (String[] c : cases) {
            LoggedBanditData d = OpenBanditDataset.read(root.resolve(c[0]).resolve(c[1]));
            assertEquals(10_000, d.size(), c[0] + "/" + c[1]);
            assertEquals(Integer.parseInt(c[2]), Math.round(d.meanReward() * d.size()), c[0] + "/" + c[1]);
            assertEquals(Integer.parseInt(c[3]), d.numActions());
            assertEquals(3, d.numPositions());
            assertTrue(d.binaryRewards());
            assertTrue(d.hasActionContexts() && d.actionContext(0).length == 4);
            if (c[0].equals("random")) {
                for (int i = 0; i < d.size(); i++) {
                    assertEquals(1.0 / d.numActions(), d.propensity(i), 1e-12, "random logging is uniform");
                }
            }
        }
    }

    @Test
    void firstRowOfBtsMenAndTheOneHotContext() {
        Path root = requireData();
        LoggedBanditData d = OpenBanditDataset.read(root.resolve("bts/men"));
        // line 2: ,timestamp,item_id=2,position=2,click=0,propensity_score=0.045525,...
        assertEquals(2, d.action(0));
        assertEquals(1, d.position(0));
        assertEquals(0, d.reward(0));
        assertEquals(0.045525, d.propensity(0), 1e-12);
        // user features have 3, 5, 9 and 9 categories in bts/men: (3-1)+(5-1)+(9-1)+(9-1) = 22 dummies
        assertEquals(22, d.contextDim());
        for (int i = 0; i < 50; i++) {
            double ones = 0;
            for (int j = 0; j < d.contextDim(); j++) {
                double v = d.context(i, j);
                assertTrue(v == 0 || v == 1);
                ones += v;
            }
            assertTrue(ones <= 4, "at most one dummy per user feature");
        }
        LoggedBanditData withAffinity = OpenBanditDataset.read(root.resolve("bts/men"), true);
        assertEquals(22 + 34, withAffinity.contextDim());
    }

    @Test
    void badFilesNameTheFileLineAndColumn() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bts").resolve("men"));
        Files.writeString(dir.resolve("item_context.csv"), ",item_id,item_feature_0,item_feature_1,item_feature_2,"
                + "item_feature_3\n0,0,0.5,a,b,c\n1,1,-0.2,a,c,c\n");
        String header = ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,"
                + "user_feature_2,user_feature_3\n";
        Files.writeString(dir.resolve("men.csv"), header + "0,t,1,1,0,0.5,u,v,w,x\n1,t,0,4,0,0.5,u,v,w,x\n");
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("men.csv line 3, column 4 ('position')"), e.getMessage());
        Files.writeString(dir.resolve("men.csv"), header + "0,t,1,1,yes,0.5,u,v,w,x\n");
        e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("line 2, column 5 ('click')") && e.getMessage().contains("yes"),
                e.getMessage());
        Files.writeString(dir.resolve("men.csv"), header + "0,t,7,1,0,0.5,u,v,w,x\n");
        e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("item_id") && e.getMessage().contains("0..1"), e.getMessage());
        Files.writeString(dir.resolve("men.csv"), header + "0,t,1,1,0,0,u,v,w,x\n");
        e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("propensity_score") && e.getMessage().contains("(0, 1]"), e.getMessage());
        Files.writeString(dir.resolve("men.csv"), header + "0,t,1,1,0,0.5,u,v,w\n");
        e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("line 2: 9 fields"), e.getMessage());
        Files.delete(dir.resolve("men.csv"));
        e = assertThrows(QuiverUserException.class, () -> OpenBanditDataset.read(dir));
        assertTrue(e.getMessage().contains("no men.csv"), e.getMessage());
    }
}
