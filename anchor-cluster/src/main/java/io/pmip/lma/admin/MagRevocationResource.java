package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingShard;
import io.pmip.lma.BindingView;
import io.pmip.lma.MobilitySession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * DELETE /api/mags/{id}/bindings: revokes every binding a MAG serves with one global Binding
 * Revocation Indication (RFC 5846 section 6.1, G set), or with {@code ?mnIds=a,b} only those mobile
 * nodes, in one indication carrying an MN-ID option each (bulk). The MAG is told first; then the
 * sessions at that MAG end, whatever it answered.
 */
final class MagRevocationResource {
    private final Optional<BindingIndex> index;
    private final BindingShard shard;
    private final Revocation revocation;
    private final Duration askTimeout;

    MagRevocationResource(Optional<BindingIndex> index, BindingShard shard, Revocation revocation, Duration askTimeout) {
        this.index = index;
        this.shard = shard;
        this.revocation = revocation;
        this.askTimeout = askTimeout;
    }

    CompletionStage<HttpResponse> revoke(ApiRequest request) {
        String mag = Filters.mag(request.path("id"));
        Optional<List<String>> named = request.query("mnIds").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
        if (named.isPresent() && named.get().isEmpty()) {
            throw ApiException.badRequest("bad_mn_ids", "mnIds names no mobile node");
        }
        List<String> mobileNodes = named.orElseGet(() -> index.orElseThrow(() -> ApiException.unavailable(
                        "no_read_side", "finding a MAG's bindings needs the read side; name them with ?mnIds="))
                .mag(mag).map(BindingIndex.MagRow::mobileNodes).orElse(List.of()));
        if (mobileNodes.isEmpty()) {
            throw ApiException.notFound("unknown_mag", "no binding at MAG " + mag);
        }
        boolean global = named.isEmpty();
        return revocation.revokeAtMag(mag, mobileNodes, global).thenCompose(outcome -> endSessions(mag, mobileNodes)
                .thenApply(revoked -> Json.ok(Json.object(
                        "mag", mag,
                        "flavour", global ? Revocation.Flavour.MAG.label : Revocation.Flavour.BULK.label,
                        "revokedMobileNodes", revoked,
                        "magAcknowledged", outcome.outcome().equals("acknowledged"),
                        "revocation", outcome))));
    }

    /** Ends each named node's sessions at {@code mag}; the mobile nodes that had one. */
    private CompletionStage<List<String>> endSessions(String mag, List<String> mobileNodes) {
        List<CompletableFuture<List<String>>> each = new ArrayList<>();
        for (String mnId : mobileNodes) {
            each.add(shard.binding(mnId).<BindingView>ask(BindingEntity.Get::new, askTimeout)
                    .thenCompose(view -> {
                        List<CompletableFuture<BindingEntity.RevokeResult>> sessions = view.sessions().stream()
                                .filter(s -> s.servingMag().equals(mag)).map(MobilitySession::sessionKey)
                                .map(key -> shard.binding(mnId).<BindingEntity.RevokeResult>ask(replyTo ->
                                        new BindingEntity.Revoke(Optional.of(key), "administrative", replyTo),
                                        askTimeout).toCompletableFuture())
                                .toList();
                        return CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new))
                                .thenApply(done -> sessions.isEmpty() ? List.<String>of() : List.of(mnId));
                    }).toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().flatMap(f -> f.join().stream()).toList());
    }
}
