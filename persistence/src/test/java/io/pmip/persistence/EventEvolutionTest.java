package io.pmip.persistence;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules of docs/event-evolution.md that rely on serializer behaviour, checked against the
 * serializer the journal uses: bytes written by an old shape of an event, read as the new shape.
 */
class EventEvolutionTest {
    private static ActorTestKit testKit;
    private static Serialization serialization;

    /** An event as first released. */
    record RegisteredV1(String mobileNode, int lifetime) implements CborSerializable {
    }

    /** The same event after an additive change: prefixes did not exist in V1. */
    record RegisteredV2(String mobileNode, int lifetime, List<String> prefixes) implements CborSerializable {
        RegisteredV2 {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        }
    }

    /** The same event after a field was removed. */
    record RegisteredWithoutLifetime(String mobileNode) implements CborSerializable {
    }

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("evolution", PersistenceConfig.load(ConfigFactory.empty(), Map.of()));
        serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void eventsAreWrittenByJacksonCbor() {
        // 33 is the identifier Pekko gives its jackson-cbor serializer
        assertEquals(33, serialization.findSerializerFor(new RegisteredV1("mn@example.org", 1)).identifier());
    }

    @Test
    void anAddedFieldTakesItsDefaultWhenReadFromAnOldEvent() {
        Object read = readAs(new RegisteredV1("mn@example.org", 3600), RegisteredV2.class);
        assertEquals(new RegisteredV2("mn@example.org", 3600, List.of()), read);
    }

    @Test
    void aRemovedFieldIsIgnoredWhenReadFromAnOldEvent() {
        Object read = readAs(new RegisteredV1("mn@example.org", 3600), RegisteredWithoutLifetime.class);
        assertEquals(new RegisteredWithoutLifetime("mn@example.org"), read);
    }

    private static Object readAs(Object written, Class<?> current) {
        Serializer serializer = serialization.findSerializerFor(written);
        byte[] bytes = serialization.serialize(written).get();
        // the journal stores the class name as manifest; the class of that name is now `current`
        return serialization.deserialize(bytes, serializer.identifier(), current.getName()).get();
    }
}
