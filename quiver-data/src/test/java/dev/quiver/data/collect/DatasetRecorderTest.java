package dev.quiver.data.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.wrapper.TimeLimit;
import dev.quiver.core.wrapper.Wrapper;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class DatasetRecorderTest {

    /** What the driver saw of one episode. */
    record Seen(List<float[]> obs, List<Integer> actions, List<Double> rewards, boolean terminated, boolean truncated) {
    }

    /** Plays {@code episodes} episodes with seeded random actions, remembering everything the driver saw. */
    static List<Seen> drive(Env<float[], Integer> env, int episodes, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        List<Seen> seen = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            List<float[]> obs = new ArrayList<>();
            List<Integer> acts = new ArrayList<>();
            List<Double> rews = new ArrayList<>();
            obs.add(env.reset(seed + i).observation().clone());
            while (true) {
                int a = rng.nextInt(2);
                Step<float[]> s = env.step(a);
                obs.add(s.observation().clone());
                acts.add(a);
                rews.add(s.reward());
                if (s.done()) {
                    seen.add(new Seen(obs, acts, rews, s.terminated(), s.truncated()));
                    break;
                }
            }
        }
        return seen;
    }

    static void assertRecorded(List<Seen> seen, EpisodeDataset ds) {
        assertEquals(seen.size(), ds.numEpisodes());
        float[] o = new float[ds.obsDim()];
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            int len = s.actions().size();
            assertEquals(len, ds.episodeLength(i));
            for (int t = 0; t <= len; t++) {
                ds.observation(i, t, o);
                assertArrayEquals(s.obs().get(t), o, "observation " + t + " of episode " + i);
            }
            for (int t = 0; t < len; t++) {
                assertEquals(s.actions().get(t), ds.discreteAction(i, t));
                assertEquals(s.rewards().get(t), ds.reward(i, t), 0.0);
            }
            assertEquals(s.terminated(), ds.terminated(i, len - 1));
            assertEquals(s.truncated(), ds.truncated(i, len - 1));
        }
    }

    @Test
    void recordsExactlyWhatTheDriverSaw() {
        DatasetRecorder<float[], Integer> rec = new DatasetRecorder<>(new TimeLimit<>(new WalkEnv(), 25));
        List<Seen> seen = drive(rec, 20, 5);
        assertTrue(seen.stream().anyMatch(Seen::terminated) && seen.stream().anyMatch(Seen::truncated),
                "both endings occur");
        assertEquals(20, rec.episodes());
        RecordedEpisodes r = rec.finish();
        assertRecorded(seen, r.episodes());
        for (int i = 0; i < 20; i++) {
            assertEquals(OptionalLong.of(5 + i), r.seeds().get(i));
        }
        // after finish, the env still works through the recorder, unrecorded
        rec.reset(1);
        rec.step(0);
        assertThrows(IllegalStateException.class, rec::finish);
    }

    @Test
    void abandonedEpisodesEndTruncatedAndEmptyOnesAreDropped() {
        DatasetRecorder<float[], Integer> rec = new DatasetRecorder<>(new WalkEnv());
        rec.reset(1);
        Step<float[]> a = rec.step(1);
        assertFalse(a.done());
        rec.reset(); // abandons episode 0 after one step: truncated, like Minari's DataCollector
        rec.reset(3); // an episode without steps: dropped
        rec.step(0);
        rec.step(0);
        RecordedEpisodes r = rec.finish(); // the episode in progress ends truncated too
        EpisodeDataset ds = r.episodes();
        assertEquals(2, ds.numEpisodes());
        assertEquals(1, ds.episodeLength(0));
        assertTrue(ds.truncated(0, 0) && !ds.terminated(0, 0));
        assertEquals(2, ds.episodeLength(1));
        assertTrue(ds.truncated(1, 1) && !ds.truncated(1, 0));
        assertEquals(List.of(OptionalLong.of(1), OptionalLong.of(3)), r.seeds());

        DatasetRecorder<float[], Integer> none = new DatasetRecorder<>(new WalkEnv());
        none.reset(1);
        assertThrows(QuiverUserException.class, none::finish);
    }

    @Test
    void unseededResetsHaveNoSeed() {
        DatasetRecorder<float[], Integer> rec = new DatasetRecorder<>(new TimeLimit<>(new WalkEnv(), 3));
        rec.reset(7);
        while (!rec.step(1).done()) {
            // play on
        }
        rec.reset();
        while (!rec.step(1).done()) {
            // play on
        }
        assertEquals(List.of(OptionalLong.of(7), OptionalLong.empty()), rec.finish().seeds());
    }

    /** Gymnasium's next-step autoreset on a single env: the step after an episode ended resets it. */
    static final class NextStepAutoreset extends Wrapper<float[], Integer> {
        private boolean ended;

        NextStepAutoreset(Env<float[], Integer> env) {
            super(env);
        }

        @Override
        public Reset<float[]> reset(long seed) {
            ended = false;
            return env.reset(seed);
        }

        @Override
        public Step<float[]> step(Integer action) {
            if (ended) {
                ended = false;
                return new Step<>(env.reset().observation(), 0.0, false, false);
            }
            Step<float[]> s = env.step(action);
            ended = s.done();
            return s;
        }
    }

    @Test
    void autoresetStepsStartNewEpisodes() {
        // reference: the same env driven with explicit resets continuing its generator
        Env<float[], Integer> plain = new TimeLimit<>(new WalkEnv(), 6);
        DatasetRecorder<float[], Integer> rec = new DatasetRecorder<>(new NextStepAutoreset(new TimeLimit<>(
                new WalkEnv(), 6)));
        UniformRandomProvider rng = Seeds.rng(11);
        List<Seen> seen = new ArrayList<>();
        List<float[]> obs = new ArrayList<>();
        List<Integer> acts = new ArrayList<>();
        List<Double> rews = new ArrayList<>();
        obs.add(rec.reset(2).observation().clone());
        float[] ref = plain.reset(2).observation();
        assertArrayEquals(ref, obs.get(0));
        boolean ended = false;
        for (int k = 0; k < 60; k++) {
            int a = rng.nextInt(2);
            Step<float[]> s = rec.step(a);
            if (ended) {
                assertEquals(0.0, s.reward());
                assertArrayEquals(plain.reset().observation(), s.observation(), "autoreset observation");
                obs = new ArrayList<>(List.of(s.observation().clone()));
                acts = new ArrayList<>();
                rews = new ArrayList<>();
                ended = false;
                continue;
            }
            Step<float[]> p = plain.step(a);
            assertArrayEquals(p.observation(), s.observation());
            obs.add(s.observation().clone());
            acts.add(a);
            rews.add(s.reward());
            if (s.done()) {
                seen.add(new Seen(obs, acts, rews, s.terminated(), s.truncated()));
                ended = true;
            }
        }
        RecordedEpisodes r = rec.finish();
        EpisodeDataset ds = r.episodes();
        assertTrue(seen.size() >= 5, "several episodes: " + seen.size());
        // the episode in progress at the end is recorded (truncated) after the completed ones
        assertRecorded(seen, ds.subset(java.util.stream.IntStream.range(0, seen.size()).toArray()));
        assertTrue(ds.numEpisodes() == seen.size() || ds.numEpisodes() == seen.size() + 1);
        assertEquals(OptionalLong.of(2), r.seeds().get(0));
        assertEquals(OptionalLong.empty(), r.seeds().get(1), "autoreset episodes have no seed");
    }

    @Test
    void generatorStateIsTheInnermostEnvs() {
        WalkEnv base = new WalkEnv();
        DatasetRecorder<float[], Integer> rec = new DatasetRecorder<>(new TimeLimit<>(base, 5));
        assertSame(base, rec.unwrapped());
        rec.reset(4);
        byte[] state = rec.rngState();
        assertArrayEquals(base.rngState(), state);
        float[] first = rec.reset().observation().clone();
        rec.restoreRngState(state);
        assertArrayEquals(first, rec.reset().observation(), "restored generator starts the same episode");

        Env<float[], Integer> notAbstract = new Env<>() {
            @Override
            public EnvSpec spec() {
                return WalkEnv.SPEC;
            }

            @Override
            public Reset<float[]> reset(long seed) {
                return new Reset<>(new float[2]);
            }

            @Override
            public Reset<float[]> reset() {
                return new Reset<>(new float[2]);
            }

            @Override
            public Step<float[]> step(Integer action) {
                return new Step<>(new float[2], 0, true, false);
            }
        };
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> new DatasetRecorder<>(notAbstract).rngState());
        assertTrue(e.getMessage().contains("AbstractEnv"), e.getMessage());
    }

    @Test
    void unsupportedSpacesAreRejected() {
        Env<Integer, Integer> tabular = new Env<>() {
            @Override
            public EnvSpec spec() {
                return EnvSpec.of("Tab-v0", new Discrete(4), new Discrete(2), 0, Double.NaN);
            }

            @Override
            public Reset<Integer> reset(long seed) {
                return new Reset<>(0);
            }

            @Override
            public Reset<Integer> reset() {
                return new Reset<>(0);
            }

            @Override
            public Step<Integer> step(Integer action) {
                return new Step<>(0, 0, true, false);
            }
        };
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> new DatasetRecorder<>(tabular));
        assertTrue(e.getMessage().contains("Tab-v0") && e.getMessage().contains("Box"), e.getMessage());
    }
}
