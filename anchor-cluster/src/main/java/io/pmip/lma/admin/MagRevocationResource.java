package io.pmip.lma.admin;

import io.pmip.lma.MagSessions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * DELETE /api/mags/{id}/bindings: revokes every binding a MAG serves with one global Binding
 * Revocation Indication (RFC 5846 section 6.1, G set), or with {@code ?mnIds=a,b} only those mobile
 * nodes, in one indication carrying an MN-ID option each (bulk). The MAG is told first; then the
 * sessions at that MAG end, whatever it answered.
 */
final class MagRevocationResource {
    /** The reason journaled in {@code BindingEvent.Revoked}. */
    private static final String REASON = "administrative";

    private final Optional<BindingIndex> index;
    private final MagSessions sessions;
    private final Revocation revocation;

    MagRevocationResource(Optional<BindingIndex> index, MagSessions sessions, Revocation revocation) {
        this.index = index;
        this.sessions = sessions;
        this.revocation = revocation;
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
        return revocation.revokeAtMag(mag, mobileNodes, global).thenCompose(outcome -> sessions.end(mag, mobileNodes, REASON, s -> true)
                .thenApply(ended -> Json.ok(Json.object(
                        "mag", mag,
                        "flavour", global ? Revocation.Flavour.MAG.label : Revocation.Flavour.BULK.label,
                        "revokedMobileNodes", ended.mobileNodes().stream().sorted().toList(),
                        "magAcknowledged", outcome.outcome().equals("acknowledged"),
                        "revocation", outcome))));
    }
}
