package io.pmip.lma.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * One route of the admin API: a method, a path template such as {@code /api/bindings/{mnId}} (the
 * form the OpenAPI document uses, so a test can check the document covers every route), who may
 * call it, and its handler.
 */
public record Endpoint(String method, String template, Access access, Handler handler) {

    /** Who may call an endpoint without the bearer token. */
    public enum Access {
        /** Always needs the token. */
        TOKEN,
        /** Open when pmip.admin.open-health is on. */
        HEALTH,
        /** Open when pmip.admin.open-metrics is on. */
        METRICS
    }

    @FunctionalInterface
    public interface Handler {
        /** May throw {@link ApiException} or complete exceptionally with one. */
        CompletionStage<HttpResponse> handle(ApiRequest request);
    }

    public Endpoint {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
    }

    List<String> segments() {
        return split(template);
    }

    /** The path parameters when {@code path} (decoded segments) fits the template. */
    Optional<Map<String, String>> match(List<String> path) {
        List<String> parts = segments();
        if (parts.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return Optional.empty();
                }
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
