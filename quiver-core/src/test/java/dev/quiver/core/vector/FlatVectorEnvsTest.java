package dev.quiver.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlatVectorEnvsTest {

    @Test
    void providersOnTheClassPathAreFoundByEnvId() {
        assertTrue(FlatVectorEnvs.ids().contains(TestFlatVectorEnvProvider.ID), FlatVectorEnvs.ids().toString());
        assertTrue(FlatVectorEnvs.has(TestFlatVectorEnvProvider.ID));
        FlatVectorEnv v = FlatVectorEnvs.make(TestFlatVectorEnvProvider.ID, 3).orElseThrow();
        assertEquals(3, v.numEnvs());
        assertEquals(TestFlatVectorEnvProvider.SPEC, v.spec());
        assertEquals(9, v.observations().length);
    }

    @Test
    void unknownIdsGiveNothing() {
        assertFalse(FlatVectorEnvs.has("NoSuchEnv-v9"));
        assertTrue(FlatVectorEnvs.make("NoSuchEnv-v9", 2).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FlatVectorEnvs.make(TestFlatVectorEnvProvider.ID, 0));
    }
}
