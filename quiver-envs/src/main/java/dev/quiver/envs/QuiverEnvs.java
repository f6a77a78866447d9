package dev.quiver.envs;

import dev.quiver.core.registry.EnvProvider;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.envs.classic.ClassicControl;
import dev.quiver.envs.toytext.ToyText;
import java.util.ArrayList;
import java.util.List;

/** Registers this module's environments with {@link dev.quiver.core.registry.Envs} (through ServiceLoader). */
public final class QuiverEnvs implements EnvProvider {

    @Override
    public List<EnvRegistration> registrations() {
        List<EnvRegistration> all = new ArrayList<>(ClassicControl.registrations());
        all.addAll(ToyText.registrations());
        return all;
    }
}
