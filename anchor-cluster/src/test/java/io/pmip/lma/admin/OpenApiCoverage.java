package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

/** Checks that every route of the router is a path of the OpenAPI document with its method. */
final class OpenApiCoverage {
    private OpenApiCoverage() {
    }

    static void assertCovers(String yaml, List<Endpoint> routes) {
        List<String> lines = List.of(yaml.split("\n"));
        for (Endpoint e : routes) {
            int at = lines.indexOf("  " + e.template() + ":");
            assertTrue(at >= 0, "the OpenAPI document has no path " + e.template());
            boolean found = false;
            for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("    "); i++) {
                if (lines.get(i).equals("    " + e.method().toLowerCase(Locale.ROOT) + ":")) {
                    found = true;
                }
            }
            assertTrue(found, "the OpenAPI document has no " + e.method() + " under " + e.template());
        }
    }
}
