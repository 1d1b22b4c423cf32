package io.pmip.lma;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Configuration of the test actor systems: in-memory journal and snapshots, CBOR bindings, small pools. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static final String LMA = """
            pmip.lma {
              mag-peers = ["2001:db8:ff::/48", "192.0.2.0/24"]
              min-delay-before-bce-delete = 300ms
              max-delay-before-new-bce-assign = 300ms
              snapshot-every = 5
              mobile-nodes = [
                { match = "static@example", prefixes = ["2001:db8:aa:1::/64", "2001:db8:aa:2::/64"] },
                { match = "disabled@example", proxy-registration = off },
                { match = "elsewhere@example", served-here = off },
                { match = "*@wifi.example", access-technologies = ["IEEE_802_11"] },
                { match = "*@tiny.example", pool = "tiny" }
              ]
              prefix-pools {
                default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 16 }
                tiny { aggregates = ["2001:db8:200::/63"], prefix-length = 64 }
              }
            }
            """;

    public static Config actorSystem() {
        return EventSourcedBehaviorTestKit.config()
                .withFallback(PersistenceTestKitSnapshotPlugin.config())
                .withFallback(ConfigFactory.parseString(LMA))
                .withFallback(ConfigFactory.parseResources("serialization.conf"))
                .withFallback(ConfigFactory.load());
    }
}
