package dev.quiver.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvsTest {

    @Test
    void editDistance() {
        assertEquals(0, Envs.editDistance("abc", "abc"));
        assertEquals(1, Envs.editDistance("CartPole-v0", "CartPole-v1"));
        assertEquals(3, Envs.editDistance("kitten", "sitting"));
    }

    @Test
    void unknownIdIsAUserError() {
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> Envs.make("NoSuchEnv-v9"));
        assertTrue(e.getMessage().startsWith("unknown env id 'NoSuchEnv-v9'"), e.getMessage());
    }

    @Test
    void kwargsValidateTypesAndKeys() {
        Kwargs k = new Kwargs("X-v0", Map.of("flag", "true", "n", "2.5"), Set.of("flag", "n", "name"));
        assertTrue(k.bool("flag", false));
        assertEquals(2.5, k.number("n", 0));
        assertEquals("dflt", k.string("name", "dflt"));
        QuiverUserException bad = assertThrows(QuiverUserException.class,
                () -> new Kwargs("X-v0", Map.of("flag", "maybe"), Set.of("flag")).bool("flag", false));
        assertTrue(bad.getMessage().contains("X-v0: option flag must be true or false"), bad.getMessage());
        QuiverUserException unknown = assertThrows(QuiverUserException.class,
                () -> new Kwargs("X-v0", Map.of("colour", 1), Set.of("flag")));
        assertTrue(unknown.getMessage().contains("unknown option 'colour'"), unknown.getMessage());
    }
}
