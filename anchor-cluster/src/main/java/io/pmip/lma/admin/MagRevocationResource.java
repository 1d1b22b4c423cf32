package io.pmip.lma.admin;

import io.pmip.lma.MagSessions;
import io.pmip.lma.MobilitySession;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * DELETE /api/mags/{id}/bindings: revokes every binding a MAG serves with one global Binding
 * Revocation Indication (RFC 5846 section 6.1, G set), or with {@code ?mnIds=a,b} only those mobile
 * nodes, in one indication carrying an MN-ID option each (bulk), or with {@code ?group=N} the
 * bindings of one of its RFC 6602 bulk binding update groups, in one indication carrying the Mobile
 * Node Group Identifier. The MAG is told first; then the sessions at that MAG end, whatever it answered.
 */
final class MagRevocationResource {
    /** The reason journaled in {@code BindingEvent.Revoked}. */
    private static final String REASON = "administrative";

    private final BindingDirectory directory;
    private final MagSessions sessions;
    private final Revocation revocation;
    private final Duration timeout;

    MagRevocationResource(BindingDirectory directory, MagSessions sessions, Revocation revocation, Duration timeout) {
        this.directory = directory;
        this.sessions = sessions;
        this.revocation = revocation;
        this.timeout = timeout;
    }

    CompletionStage<HttpResponse> revoke(ApiRequest request) {
        String mag = Filters.mag(request.path("id"));
        if (request.query("group").isPresent()) {
            if (request.query("mnIds").isPresent()) {
                throw ApiException.badRequest("bad_parameter", "group and mnIds exclude each other");
            }
            return revokeGroup(mag, group(request.query("group").get()));
        }
        Optional<List<String>> named = request.query("mnIds").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
        if (named.isPresent() && named.get().isEmpty()) {
            throw ApiException.badRequest("bad_mn_ids", "mnIds names no mobile node");
        }
        boolean global = named.isEmpty();
        CompletionStage<List<String>> found = named.<CompletionStage<List<String>>>map(
                CompletableFuture::completedFuture).orElseGet(() -> directory.mobileNodesAt(mag, timeout)
                        .thenApply(a -> complete(a, "the bindings of MAG " + mag)));
        return found.thenCompose(mobileNodes -> {
            if (mobileNodes.isEmpty()) {
                throw ApiException.notFound("unknown_mag", "no binding at MAG " + mag);
            }
            return tellThenEnd(Json.object("mag", mag,
                            "flavour", global ? Revocation.Flavour.MAG.label : Revocation.Flavour.BULK.label),
                    revocation.revokeAtMag(mag, mobileNodes, global), mag, mobileNodes, s -> true);
        });
    }

    /** The group's members from every node's index; only their sessions in that group end here. */
    private CompletionStage<HttpResponse> revokeGroup(String mag, long group) {
        return directory.groupMembers(new GroupKey(mag, group), timeout).thenCompose(answers -> {
            List<String> members = complete(answers, "the bindings of bulk group " + group + " of MAG " + mag);
            if (members.isEmpty()) {
                throw ApiException.notFound("unknown_group", "no binding of MAG " + mag + " is in bulk group " + group);
            }
            OptionalLong inGroup = OptionalLong.of(group);
            return tellThenEnd(Json.object("mag", mag, "flavour", Revocation.Flavour.GROUP.label, "groupId", group),
                    revocation.revokeGroup(mag, group), mag, members, s -> s.bulkGroupId().equals(inGroup));
        });
    }

    /**
     * A revocation must not tell a MAG "all your bindings" and then end only some: without every
     * node's answer it is refused (503), and the operator retries or names the mobile nodes.
     */
    private static List<String> complete(BindingDirectory.Answers<List<String>> answers, String what) {
        if (!answers.complete()) {
            throw ApiException.unavailable("nodes_unanswered", "cannot find " + what + ": no answer from cluster "
                    + "node(s) " + answers.unanswered() + "; retry, or name the mobile nodes with ?mnIds=");
        }
        return answers.value();
    }

    /**
     * The MAG is told first ({@code told}); then its sessions of {@code mobileNodes} that {@code which}
     * selects end, whatever it answered. The answer is {@code revoked} with what ended and what the MAG said.
     */
    private CompletionStage<HttpResponse> tellThenEnd(Map<String, Object> revoked,
            CompletionStage<Revocation.Outcome> told, String mag, List<String> mobileNodes,
            Predicate<MobilitySession> which) {
        return told.thenCompose(outcome -> sessions.end(mag, mobileNodes, REASON, which).thenApply(ended -> {
            Map<String, Object> body = new LinkedHashMap<>(revoked);
            body.put("revokedMobileNodes", ended.mobileNodes().stream().sorted().toList());
            body.put("magAcknowledged", outcome.outcome().equals("acknowledged"));
            body.put("revocation", outcome);
            return Json.ok(body);
        }));
    }

    /** A Mobile Node Group Identifier: 32 bits, not 1 (ALL-SESSIONS, RFC 6602: that is the global revocation). */
    private static long group(String text) {
        long group;
        try {
            group = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_group", "group must be a Mobile Node Group Identifier, got '" + text + "'");
        }
        if (group < 0 || group > 0xFFFF_FFFFL) {
            throw ApiException.badRequest("bad_group", "group must fit 32 bits, got " + group);
        }
        if (group == MobileNodeGroupIdentifier.ALL_SESSIONS) {
            throw ApiException.badRequest("bad_group",
                    "group 1 is ALL-SESSIONS; revoke all of the MAG's bindings without ?group");
        }
        return group;
    }
}
