package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.dqn.TdLoss;
import dev.quiver.rl.offline.bc.BcConfig;
import dev.quiver.rl.offline.cql.CqlConfig;
import dev.quiver.rl.offline.iql.IqlActor;
import dev.quiver.rl.offline.iql.IqlConfig;
import dev.quiver.rl.offline.riql.RiqlConfig;
import dev.quiver.rl.offline.td3bc.Td3BcConfig;
import dev.quiver.rl.schedule.CosineSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults are the papers' / CORL's; configs round-trip through their maps; the registry knows the kinds. */
class OfflineConfigsTest {
    @Test
    void defaultsAreThePublishedOnes() {
        IqlConfig iql = IqlConfig.defaults();
        assertEquals(0.7, iql.expectile());
        assertEquals(3.0, iql.beta());
        assertEquals(100.0, iql.maxWeight());
        assertEquals(IqlActor.GAUSSIAN, iql.actor());
        assertTrue(iql.cosineActorLr() && iql.normalizeObservations());
        assertEquals(2, iql.numCritics());
        assertEquals(0.0, iql.targetQuantile());
        assertEquals(0.0, iql.huberDelta());
        RiqlConfig riql = RiqlConfig.defaults();
        assertEquals(5, riql.iql().numCritics());
        assertEquals(0.25, riql.iql().targetQuantile());
        assertEquals(1.0, riql.iql().huberDelta());
        assertTrue(riql.iql().clipTargets());
        Td3BcConfig td3 = Td3BcConfig.defaults();
        assertEquals(2.5, td3.alpha());
        assertEquals(0.2, td3.policyNoise());
        assertEquals(0.5, td3.noiseClip());
        assertEquals(2, td3.policyDelay());
        assertTrue(td3.normalizeObservations());
        CqlConfig cql = CqlConfig.defaults();
        assertEquals(10.0, cql.cqlAlpha());
        assertEquals(10, cql.numSampledActions());
        assertEquals(3e-5, cql.actorLr());
        assertEquals(3e-4, cql.criticLr());
        assertEquals(List.of(256, 256, 256), cql.criticHidden());
        assertEquals(1.0, cql.discreteAlpha());
        assertEquals(TdLoss.HUBER, cql.discreteLoss());
        assertEquals(3e-4, BcConfig.defaults().learningRate());
    }

    @Test
    void configsRoundTripThroughTheirMapsAndNameBadFields() {
        IqlConfig iql = IqlConfig.defaults().withActor(IqlActor.DETERMINISTIC).withHidden(32).withExpectile(0.9);
        assertEquals(iql, IqlConfig.fromMap(iql.toMap(), "test"));
        RiqlConfig riql = RiqlConfig.defaults();
        assertEquals(riql, RiqlConfig.fromMap(riql.toMap(), "test"));
        CqlConfig cql = CqlConfig.defaults().withDiscreteLoss(TdLoss.MSE).withImportanceSampling(false);
        assertEquals(cql, CqlConfig.fromMap(cql.toMap(), "test"));
        Td3BcConfig td3 = Td3BcConfig.defaults().withAlpha(1);
        assertEquals(td3, Td3BcConfig.fromMap(td3.toMap(), "test"));
        BcConfig bc = BcConfig.defaults().withNormalizeObservations(false);
        assertEquals(bc, BcConfig.fromMap(bc.toMap(), "test"));
        // numbers may come back from JSON as doubles, enums as strings
        Map<String, Object> json = iql.toMap();
        json.put("batchSize", 256.0);
        json.put("actor", "gaussian");
        assertEquals(iql.withActor(IqlActor.GAUSSIAN), IqlConfig.fromMap(json, "test"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> IqlConfig.defaults().withExpectile(1));
        assertTrue(e.getMessage().contains("expectile"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> CqlConfig.defaults().withNumSampledActions(0));
        assertTrue(e.getMessage().contains("numSampledActions"), e.getMessage());
        Map<String, Object> broken = td3.toMap();
        broken.remove("alpha");
        e = assertThrows(QuiverUserException.class, () -> Td3BcConfig.fromMap(broken, "ck"));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("ck"), e.getMessage());
    }

    @Test
    void theRegistryKnowsWhichAlgorithmsAreOffline() {
        assertEquals(List.of("bc", "cql", "iql", "td3bc", "riql"), Algorithms.offlineNames());
        assertEquals(Algorithms.Kind.OFFLINE, Algorithms.kind("IQL"));
        assertEquals(Algorithms.Kind.ONLINE, Algorithms.kind("dqn"));
        for (Algorithms.OfflineAlgorithm a : Algorithms.offlineAll()) {
            assertEquals(a.defaults().get(), a.config().apply(a.defaults().get(), "test").toMap(), a.name());
        }
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> Algorithms.get("iql"));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> Algorithms.offline("dqn"));
        assertTrue(e.getMessage().contains("online") && e.getMessage().contains("riql"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> Algorithms.kind("nope"));
        assertTrue(e.getMessage().contains("dqn") && e.getMessage().contains("td3bc"), e.getMessage());
    }

    @Test
    void cosineScheduleAnnealsLikeTorchCosineAnnealingLr() {
        CosineSchedule s = new CosineSchedule(1, 0, 100);
        assertEquals(1, s.value(0), 1e-15);
        assertEquals(0.5, s.value(50), 1e-15);
        assertEquals((1 + Math.cos(Math.PI * 0.25)) / 2, s.value(25), 1e-15);
        assertEquals(0, s.value(100), 1e-15);
        assertEquals(0, s.value(1000), 1e-15);
    }
}
