package dev.quiver.pipeline.demo;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.config.StudyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The studies {@code quiver demo} runs, shipped as YAML resources next to this class: {@code sequential.yaml}
 * (offline RL on CartPole-v1 and Pendulum-v1 from a scripted behaviour policy's logs) and {@code bandit.yaml}
 * (candidate policies on synthetic recommendation logs), and their scaled-down {@code -quick} variants.
 */
public final class DemoStudies {
    /** The names of the demo studies, in the order the demo runs them. */
    public static final List<String> NAMES = List.of("sequential", "bandit");

    private DemoStudies() {
    }

    /** The YAML text of demo study {@code name} (quick variant when {@code quick}). */
    public static String text(String name, boolean quick) {
        String file = name + (quick ? "-quick" : "") + ".yaml";
        try (InputStream in = DemoStudies.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("demo study " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo study " + file, e);
        }
    }

    /**
     * The demo studies, parsed; with {@code obd} the bandit study reads that Open Bandit Dataset folder instead
     * of generating synthetic logs.
     *
     * @throws QuiverUserException if {@code obd} is not a folder
     */
    public static List<StudyConfig> load(boolean quick, Path obd) {
        List<StudyConfig> out = new ArrayList<>();
        for (String name : NAMES) {
            String file = name + (quick ? "-quick" : "") + ".yaml";
            StudyConfig s = StudyParser.parse(text(name, quick), "demo:" + file, null);
            if (obd != null && s.bandit() != null) {
                if (!java.nio.file.Files.isDirectory(obd)) {
                    throw new QuiverUserException("--obd " + obd + ": no such folder (give the Open Bandit Dataset"
                            + " folder holding random/ and bts/, or one {policy}/{campaign} folder)");
                }
                s = s.withBandit(s.bandit().withData(s.bandit().data().withObd(obd.toAbsolutePath().normalize())));
            }
            out.add(s);
        }
        return out;
    }
}
