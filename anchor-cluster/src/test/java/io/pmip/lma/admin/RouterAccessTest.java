package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.lma.metrics.LmaMetrics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.api.Test;

/** Which endpoints the configuration opens: health and metrics each by its own switch, nothing else. */
class RouterAccessTest {
    private static final String TOKEN = "router-token";
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/health/alive", Endpoint.Access.HEALTH, RouterAccessTest::ok),
            new Endpoint("GET", "/metrics", Endpoint.Access.METRICS, RouterAccessTest::ok),
            new Endpoint("GET", "/api/cluster", Endpoint.Access.TOKEN, RouterAccessTest::ok));

    private static CompletableFuture<org.apache.pekko.http.javadsl.model.HttpResponse> ok(ApiRequest request) {
        return CompletableFuture.completedFuture(Json.ok(Json.object("ok", true)));
    }

    private static int status(Router router, String path, boolean withToken) throws Exception {
        HttpRequest request = HttpRequest.GET(path);
        if (withToken) {
            request = request.addHeader(RawHeader.create("Authorization", "Bearer " + TOKEN));
        }
        return router.handle(request).toCompletableFuture().get(5, TimeUnit.SECONDS).status().intValue();
    }

    @Test
    void openMetricsClosedHealth() throws Exception {
        Router router = new Router(ENDPOINTS, TOKEN, false, true, new LmaMetrics());
        assertEquals(200, status(router, "/metrics", false));
        assertEquals(401, status(router, "/health/alive", false));
        assertEquals(200, status(router, "/health/alive", true));
        assertEquals(401, status(router, "/api/cluster", false));
    }

    @Test
    void everythingClosed() throws Exception {
        Router router = new Router(ENDPOINTS, TOKEN, false, false, new LmaMetrics());
        assertEquals(401, status(router, "/metrics", false));
        assertEquals(200, status(router, "/metrics", true));
        assertEquals(401, status(router, "/health/alive", false));
    }
}
