package io.pmip.mag;

import io.pmip.protocol.Bytes;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One actor system per test class; every test opens its own LMA peer and MAG. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MagTestBase {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Bytes MAC = Bytes.fromHex("020000000001");

    ActorTestKit kit;

    @BeforeAll
    void startKit() {
        kit = ActorTestKit.create(getClass().getSimpleName());
    }

    @AfterAll
    void stopKit() {
        kit.shutdownTestKit();
    }

    MagFixture mag(TestLma lma) throws Exception {
        return mag(lma, UnaryOperator.identity());
    }

    MagFixture mag(TestLma lma, UnaryOperator<MagConfig> tweak) throws Exception {
        return MagFixture.start(kit, lma, "127.0.0.1", tweak);
    }

    static Bytes mac(int n) {
        return Bytes.fromHex(String.format("0200000000%02x", n));
    }
}
