package io.pmip.lma;

import com.typesafe.config.Config;
import io.pmip.lma.policy.LmaPolicy;
import io.pmip.lma.prefix.LocalPrefixPools;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/**
 * What a binding entity needs around it in a test: an actor system with the test configuration, the
 * policy and settings read from it, prefix pools in that system, and a clock the test moves by hand.
 */
record EntityFixture(ActorTestKit kit, LmaPolicy policy, LmaSettings settings, LocalPrefixPools pools,
        ManualClock clock) implements AutoCloseable {

    static EntityFixture start(String systemName) {
        Config config = TestConfigs.actorSystem();
        ActorTestKit kit = ActorTestKit.create(systemName, config);
        return new EntityFixture(kit, LmaPolicy.fromConfig(config.getConfig("pmip.lma")),
                LmaSettings.fromConfig(config.getConfig("pmip.lma")),
                new LocalPrefixPools(kit, config.getConfig("pmip.lma.prefix-pools")),
                new ManualClock(Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Override
    public void close() {
        kit.shutdownTestKit();
    }
}
