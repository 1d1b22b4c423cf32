package io.pmip.ops.demo;

import io.pmip.protocol.Ipv6Prefix;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line of the demo's summary: where a mobile node ended up and how its last PBA went. */
record DemoRow(String mobileNode, String mag, String transport, List<Ipv6Prefix> prefixes, String status,
        Duration latency) {

    static final String HEADER = String.format(Locale.ROOT, "%-20s %-6s %-8s %-20s %-36s %s", "mobile node", "MAG",
            "via", "home network prefix", "status", "PBA latency");

    String render() {
        String prefix = prefixes.isEmpty() ? "-" : prefixes.stream().map(Ipv6Prefix::toString)
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "%-20s %-6s %-8s %-20s %-36s %s", mobileNode, mag, transport, prefix, status,
                latency == null ? "-" : String.format(Locale.ROOT, "%.1f ms", latency.toNanos() / 1e6));
    }
}
