package dev.quiver.core.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void childrenAreDeterministicAndIndependentOfCreationOrder() {
        Seeds a = Seeds.of(7);
        long replayFirst = a.child("replay").seed();
        a.child("env", 3);
        assertEquals(replayFirst, Seeds.of(7).child("replay").seed());
        assertEquals(a.child("env", 3).seed(), Seeds.of(7).child("env", 3).seed());
        assertNotEquals(a.child("env", 3).seed(), a.child("env", 4).seed());
        assertNotEquals(a.child("env").seed(), a.child("replay").seed());
        assertNotEquals(Seeds.of(8).child("replay").seed(), replayFirst);
    }

    @Test
    void indexedChildrenDoNotCollide() {
        Set<Long> seen = new HashSet<>();
        Seeds root = Seeds.of(0);
        for (int i = 0; i < 10_000; i++) {
            seen.add(root.child("env", i).seed());
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void generatorsReproduce() {
        double x = Seeds.rng(5).nextDouble();
        assertEquals(x, Seeds.rng(5).nextDouble());
        assertNotEquals(x, Seeds.rng(6).nextDouble());
        // pinned values: a change of hash, mixer, generator or Commons RNG's seeding would silently
        // change every recorded result, so it must show up here
        assertEquals(202534962737709611L, Seeds.of(123).child("a").seed());
        assertEquals(6047747982341019090L, Seeds.of(123).child("env", 2).seed());
        assertEquals(4303094124001495694L, Seeds.rng(5).nextLong());
    }
}
