package io.pmip.lma.admin;

import io.pmip.lma.history.BindingHistory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * /health/alive: the process answers. /health/ready: this node is an Up cluster member and the
 * journal answers a read (a query for a persistence id that has no events); 503 with the reason
 * otherwise. Without a read journal (Pekko's in-memory journal) the journal is in this JVM and
 * counts as reachable.
 */
final class HealthResource {
    private static final String PROBE_ID = "pmip-admin-health-probe";

    private final ActorSystem<?> system;
    private final Optional<BindingHistory> journal;
    private final Duration timeout;

    HealthResource(ActorSystem<?> system, Optional<BindingHistory> journal, Duration timeout) {
        this.system = system;
        this.journal = journal;
        this.timeout = timeout;
    }

    CompletionStage<HttpResponse> alive(ApiRequest request) {
        return CompletableFuture.completedFuture(Json.ok(Json.object("status", "alive")));
    }

    CompletionStage<HttpResponse> ready(ApiRequest request) {
        MemberStatus status = Cluster.get(system).selfMember().status();
        boolean up = status == MemberStatus.up();
        CompletableFuture<Optional<String>> journalProblem = journal
                .map(j -> j.records(PROBE_ID).toCompletableFuture()
                        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .handle((events, failure) -> Optional.ofNullable(failure)
                                .map(f -> "journal not reachable: " + f)))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        return journalProblem.thenApply(problem -> {
            boolean ready = up && problem.isEmpty();
            return Json.response(ready ? 200 : 503, Json.object(
                    "status", ready ? "ready" : "not_ready",
                    "member", status.toString(),
                    "journal", problem.orElse("reachable")));
        });
    }
}
