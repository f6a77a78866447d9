package dev.quiver.bandits.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

/** LinUCB's scores against values computed by hand (Li et al. 2010, Algorithm 1, alpha = 1, A = I). */
class LinUcbTest {

    @Test
    void scoresMatchAHandComputation() {
        LinUcb alg = (LinUcb) new LinUcbConfig(1.0, 1.0).build(new BanditSpec(2, 2, -1, 1), Seeds.of(0));

        // round 1: theta = 0, A = I: both scores are alpha ||x|| = 1; the tie goes to arm 0
        Context c1 = Context.of(new double[][] {{1, 0}, {0, 1}});
        assertEquals(1.0, alg.score(c1, 0), 1e-15);
        assertEquals(1.0, alg.score(c1, 1), 1e-15);
        assertEquals(0, alg.select(c1));
        alg.update(c1, 0, 1.0);
        // arm 0: A = [[2, 0], [0, 1]], b = (1, 0), theta = (1/2, 0)

        // round 2: x_0 = (1, 1): 1/2 + sqrt(1/2 + 1); x_1 = (1, 0): 0 + sqrt(1)
        Context c2 = Context.of(new double[][] {{1, 1}, {1, 0}});
        assertEquals(0.5 + Math.sqrt(1.5), alg.score(c2, 0), 1e-12);
        assertEquals(1.0, alg.score(c2, 1), 1e-12);
        assertEquals(0, alg.select(c2));
        alg.update(c2, 0, 0.0);
        // arm 0: A = [[3, 1], [1, 2]], A^-1 = [[2, -1], [-1, 3]] / 5, b = (1, 0), theta = (2/5, -1/5)

        // round 3: x_0 = (0, 1): -1/5 + sqrt(3/5); x_1 = (0, 1): 0 + 1
        Context c3 = Context.of(new double[][] {{0, 1}, {0, 1}});
        assertEquals(-0.2 + Math.sqrt(0.6), alg.score(c3, 0), 1e-12);
        assertEquals(1.0, alg.score(c3, 1), 1e-12);
        assertEquals(1, alg.select(c3));
        alg.update(c3, 1, 2.0);
        // arm 1: A = [[1, 0], [0, 2]], b = (0, 2), theta = (0, 1); x = (1, 1): 1 + sqrt(1 + 1/2)
        Context c4 = Context.of(new double[][] {{0, 0.5}, {1, 1}});
        assertEquals(1 + Math.sqrt(1.5), alg.score(c4, 1), 1e-12);
        // arm 0 at (0, 1/2): -1/10 + sqrt(3/20)
        assertEquals(-0.1 + Math.sqrt(0.15), alg.score(c4, 0), 1e-12);
    }

    @Test
    void alphaForFollowsThePaper() {
        assertEquals(1 + Math.sqrt(Math.log(40) / 2), LinUcbConfig.alphaFor(0.05), 1e-15);
        assertEquals(LinUcbConfig.alphaFor(0.05), LinUcbConfig.defaults().alpha(), 0.0);
    }
}
