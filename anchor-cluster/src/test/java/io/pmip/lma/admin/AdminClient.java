package io.pmip.lma.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A test's client of one LMA node's admin API over real HTTP, presenting the bearer token. */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(50);

    /** One answer; {@link #json} fails the test when the body is not JSON. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final Duration patience;

    /** {@code patience}: each request's timeout, and how long the await methods poll. */
    AdminClient(InetSocketAddress admin, String token, Duration patience) {
        this.base = "http://127.0.0.1:" + admin.getPort();
        this.token = token;
        this.patience = patience;
    }

    Reply call(String method, String path, Optional<String> authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(patience)
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(a -> b.header("Authorization", a));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r);
    }

    Reply get(String path) throws Exception {
        return call("GET", path, Optional.of("Bearer " + token));
    }

    /** The peer state machines and the entities lag what the test did: poll until the answer matches. */
    Reply await(String path, Predicate<Reply> condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Reply r = get(path);
        while (!condition.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never matched within " + patience + ", last: " + r.status() + " "
                        + r.body());
            }
            Thread.sleep(POLL.toMillis());
            r = get(path);
        }
        return r;
    }

    PrometheusParser.Exposition scrape() throws Exception {
        Reply r = get("/metrics");
        if (r.status() != 200) {
            throw new AssertionError("/metrics answered " + r.status() + ": " + r.body());
        }
        return PrometheusParser.parse(r.body());
    }

    PrometheusParser.Exposition awaitScrape(Predicate<PrometheusParser.Exposition> condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        PrometheusParser.Exposition e = scrape();
        while (!condition.test(e)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never matched within " + patience);
            }
            Thread.sleep(POLL.toMillis());
            e = scrape();
        }
        return e;
    }

    /** A path segment: mobile node identifiers carry '@' and the like. */
    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
