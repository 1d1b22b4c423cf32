package io.pmip.lma.admin;

import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/** A request matched to an {@link Endpoint}: its path parameters (decoded) and query parameters. */
public record ApiRequest(HttpRequest http, Map<String, String> pathParams, Map<String, String> query) {
    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
    }

    public String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /** An integer query parameter within [min, max]; 400 otherwise. */
    public int intQuery(String name, int defaultValue, int min, int max) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_parameter", name + " must be an integer, got '" + text.get() + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("bad_parameter",
                    name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
