package io.pmip.lma.admin;

import io.pmip.lma.MobilitySession;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Tells the serving MAGs that the LMA revokes a mobile node's binding: one Binding Revocation
 * Indication per MAG (RFC 5846 section 8.1: trigger "Administrative Reason", P set for a proxy
 * binding, the MN-ID and the Home Network Prefixes of the sessions at that MAG), and what came of it.
 */
final class Revocation {
    /** What a MAG answered: acknowledged (with the BRA's status), timeout, or not sent. */
    record Outcome(String mag, String outcome, Integer status, String statusName, String detail) {
    }

    private final SignalingIngress ingress;
    private final LmaMetrics metrics;
    private final Duration timeout;

    Revocation(SignalingIngress ingress, LmaMetrics metrics, Duration timeout) {
        this.ingress = ingress;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** Sends the indications to every serving MAG at once; completes when each answered or timed out. */
    CompletionStage<List<Outcome>> revoke(String mnId, List<MobilitySession> sessions) {
        Map<String, List<MobilitySession>> byMag = new LinkedHashMap<>();
        sessions.forEach(s -> byMag.computeIfAbsent(s.servingMag(), k -> new ArrayList<>()).add(s));
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        byMag.forEach((mag, atMag) -> outcomes.add(revokeAt(mnId, mag, atMag).toCompletableFuture()));
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    private CompletionStage<Outcome> revokeAt(String mnId, String mag, List<MobilitySession> sessions) {
        List<MobilityOption> options = new ArrayList<>();
        options.add(MobileNodeIdentifier.nai(mnId));
        sessions.stream().flatMap(s -> s.homeNetworkPrefixes().stream()).distinct()
                .forEach(p -> options.add(new HomeNetworkPrefixOption(p)));
        return send(mag, Flavour.MN, false, options);
    }

    /**
     * What one indication revokes (RFC 5846): one mobile node, several at once, all of a MAG's, or
     * one of the MAG's bulk binding update groups (RFC 6602).
     */
    enum Flavour {
        MN("mn"), BULK("bulk"), MAG("mag"), GROUP("group");

        final String label;

        Flavour(String label) {
            this.label = label;
        }
    }

    /**
     * One indication to {@code mag} for several of its mobile nodes: every binding of the MAG
     * (RFC 5846 section 6.1, G set, no MN-ID) or the named ones (one MN-ID option each).
     */
    CompletionStage<Outcome> revokeAtMag(String mag, List<String> mnIds, boolean global) {
        List<MobilityOption> options = global ? List.of()
                : mnIds.stream().<MobilityOption>map(MobileNodeIdentifier::nai).toList();
        return send(mag, global ? Flavour.MAG : Flavour.BULK, global, options);
    }

    /**
     * One indication to {@code mag} for every binding of its bulk group {@code group}: RFC 6602
     * defines revocation with group scope; the group is named by a Mobile Node Group Identifier
     * option, with G clear (decision: G asks for every binding of the MAG, RFC 5846 section 6.1).
     */
    CompletionStage<Outcome> revokeGroup(String mag, long group) {
        return send(mag, Flavour.GROUP, false, List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(group)));
    }

    private CompletionStage<Outcome> send(String mag, Flavour flavour, boolean global, List<MobilityOption> options) {
        metrics.increment(MetricKey.of("revocation_sent"));
        metrics.increment(MetricKey.of("revocation", "flavour", flavour.label));
        return ingress.revoke(mag, sequence -> BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON,
                        sequence, true, global, options), timeout)
                .handle((bra, failure) -> failure == null ? acknowledged(mag, bra) : failed(mag, failure));
    }

    private Outcome acknowledged(String mag, BindingRevocationAcknowledgement bra) {
        String name = bra.status().map(RevocationStatus::name).orElse("UNKNOWN_" + bra.statusCode());
        metrics.increment(MetricKey.of("revocation_ack", "status", Integer.toString(bra.statusCode())));
        return new Outcome(mag, "acknowledged", bra.statusCode(), name, "the MAG answered with a BRA");
    }

    private Outcome failed(String mag, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            metrics.increment(MetricKey.of("revocation_timeout"));
            return new Outcome(mag, "timeout", null, null,
                    "no Binding Revocation Acknowledgement within " + timeout + "; the binding was removed anyway");
        }
        metrics.increment(MetricKey.of("revocation_not_sent"));
        return new Outcome(mag, "not_sent", null, null, cause.getMessage() + "; the binding was removed anyway");
    }
}
