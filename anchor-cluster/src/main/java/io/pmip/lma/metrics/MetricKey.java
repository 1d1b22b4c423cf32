package io.pmip.lma.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One counter: a name and its labels as {@code key=value} pairs in a fixed order, e.g.
 * {@code sent{type=PBA,status=158}}.
 */
public record MetricKey(String name, List<String> labels) {

    public MetricKey {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }

    /** {@code labels} alternate key and value: {@code of("sent", "type", "PBA", "status", "0")}. */
    public static MetricKey of(String name, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in key/value pairs: " + List.of(keyValues));
        }
        String[] labels = new String[keyValues.length / 2];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = keyValues[2 * i] + "=" + keyValues[2 * i + 1];
        }
        return new MetricKey(name, List.of(labels));
    }

    @Override
    public String toString() {
        return labels.isEmpty() ? name : name + "{" + String.join(",", labels) + "}";
    }
}
