package io.pmip.lma.admin;

import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches a request to its {@link Endpoint} after checking the bearer token, and turns every
 * failure into a JSON error: 401 without the right token, 404 for an unknown path, 405 for a known
 * path with another method, the handler's {@link ApiException} as is, 503 on a timeout, 500 else.
 */
final class Router {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final List<Endpoint> endpoints;
    private final byte[] token;
    private final boolean openHealth;
    private final boolean openMetrics;
    private final LmaMetrics metrics;

    Router(List<Endpoint> endpoints, String token, boolean openHealth, boolean openMetrics, LmaMetrics metrics) {
        this.endpoints = List.copyOf(endpoints);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.openHealth = openHealth;
        this.openMetrics = openMetrics;
        this.metrics = metrics;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        try {
            return dispatch(request).exceptionally(Router::failure);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    private CompletionStage<HttpResponse> dispatch(HttpRequest request) {
        List<String> path = decode(request.getUri().path());
        String method = request.method().value();
        List<String> allowed = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Optional<Map<String, String>> params = e.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (!e.method().equals(method)) {
                allowed.add(e.method());
                continue;
            }
            Optional<String> refusal = authorize(request, e.access());
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(unauthorized(refusal.get()));
            }
            return e.handler().handle(new ApiRequest(request, params.get(), request.getUri().query().toMap()));
        }
        // Unknown paths need the token too, so the API does not tell a stranger which paths exist.
        Optional<String> refusal = authorize(request, Endpoint.Access.TOKEN);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(unauthorized(refusal.get()));
        }
        if (!allowed.isEmpty()) {
            return CompletableFuture.completedFuture(Json.error(405, "method_not_allowed",
                    method + " is not allowed on " + request.getUri().path() + "; allowed: " + String.join(", ", allowed)));
        }
        return CompletableFuture.completedFuture(Json.error(404, "not_found",
                "no endpoint " + method + " " + request.getUri().path() + " (see /api/openapi.yaml)"));
    }

    /** Empty when allowed; else the reason (missing_token, malformed_authorization, wrong_token). */
    private Optional<String> authorize(HttpRequest request, Endpoint.Access access) {
        if ((access == Endpoint.Access.HEALTH && openHealth) || (access == Endpoint.Access.METRICS && openMetrics)) {
            return Optional.empty();
        }
        Optional<String> header = request.getHeader("Authorization").map(h -> h.value());
        if (header.isEmpty()) {
            return Optional.of("missing_token");
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("malformed_authorization");
        }
        byte[] presented = value.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        // Constant time: the comparison must not reveal how many leading bytes were right.
        return MessageDigest.isEqual(presented, token) ? Optional.empty() : Optional.of("wrong_token");
    }

    private HttpResponse unauthorized(String reason) {
        metrics.increment(MetricKey.of("admin_unauthorized", "reason", reason));
        String detail = switch (reason) {
            case "missing_token" -> "this endpoint needs an Authorization: Bearer <token> header";
            case "malformed_authorization" -> "the Authorization header is not of the form 'Bearer <token>'";
            default -> "the bearer token is not the one configured (pmip.admin.token / PMIP_ADMIN_TOKEN)";
        };
        return Json.error(401, "unauthorized", detail)
                .addHeader(WWWAuthenticate.create(HttpChallenge.createOAuth2("pmip-admin")));
    }

    private static HttpResponse failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api) {
            return Json.error(api);
        }
        if (cause instanceof TimeoutException) {
            return Json.error(503, "timeout", "the cluster did not answer in time: " + cause.getMessage());
        }
        log.warn("admin request failed", cause);
        return Json.error(500, "internal", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static List<String> decode(String rawPath) {
        return Endpoint.split(rawPath).stream()
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }
}
