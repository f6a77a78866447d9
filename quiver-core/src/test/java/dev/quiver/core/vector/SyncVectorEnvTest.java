package dev.quiver.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.CountingEnv;
import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncVectorEnvTest {

    @Test
    void nextStepAutoresetFollowsGymnasium() {
        SyncVectorEnv<float[], float[]> v = new SyncVectorEnv<>(CountingEnv::new, 2);
        List<float[]> first = v.reset(10);
        // copy i is seeded with seed + i
        Env<float[], float[]> single = new CountingEnv();
        assertArrayEquals(single.reset(11).observation(), first.get(1));
        List<float[]> push = List.of(new float[] {2f}, new float[] {0f});
        VectorStep<float[]> s;
        int t = 0;
        do {
            s = v.step(push);
            t++;
        } while (!s.terminations()[0]);
        assertTrue(t > 1);
        assertFalse(s.terminations()[1]);
        float lastPos = s.observations().get(0)[0];
        assertTrue(lastPos > 20);
        // the next step resets copy 0: reward 0, flags false, a fresh start position, action ignored
        VectorStep<float[]> after = v.step(push);
        assertEquals(0.0, after.rewards()[0]);
        assertFalse(after.terminations()[0] || after.truncations()[0]);
        assertTrue(after.observations().get(0)[0] < 10);
        assertEquals(0.0, after.rewards()[1]);
        // and copy 0 then steps normally again
        VectorStep<float[]> next = v.step(push);
        assertEquals(2.0, next.rewards()[0]);
        assertEquals(after.observations().get(0)[0] + 2f, next.observations().get(0)[0]);
    }

    @Test
    void wrongNumberOfActionsIsAUserError() {
        SyncVectorEnv<float[], float[]> v = new SyncVectorEnv<>(CountingEnv::new, 3);
        assertThrows(IllegalStateException.class, () -> v.step(Collections.nCopies(3, new float[] {0f})));
        v.reset(0);
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> v.step(Collections.nCopies(2, new float[] {0f})));
        assertTrue(e.getMessage().contains("expected 3 actions"), e.getMessage());
    }
}
