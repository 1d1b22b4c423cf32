package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingShard;
import io.pmip.lma.BindingView;
import io.pmip.lma.MobilitySession;
import io.pmip.lma.Replies;
import io.pmip.lma.history.BindingHistory;
import io.pmip.lma.history.HistoryJson;
import io.pmip.lma.history.Replay;
import io.pmip.lma.history.TimelineEntry;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.lma.index.BindingIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * /api/bindings: listings from every node's index ({@link BindingDirectory}), one binding from its entity,
 * its history from the journal, and revocation (the MAGs first, then the entity).
 */
final class BindingsResource {
    static final int DEFAULT_PAGE_SIZE = 100;

    private final BindingDirectory directory;
    private final Optional<BindingHistory> history;
    private final BindingShard shard;
    private final Revocation revocation;
    private final Duration askTimeout;
    private final int maxPageSize;

    BindingsResource(BindingDirectory directory, Optional<BindingHistory> history, BindingShard shard,
            Revocation revocation, Duration askTimeout, int maxPageSize) {
        this.directory = directory;
        this.history = history;
        this.shard = shard;
        this.revocation = revocation;
        this.askTimeout = askTimeout;
        this.maxPageSize = maxPageSize;
    }

    CompletionStage<HttpResponse> list(ApiRequest request) {
        BindingIndex.Filter filter = Filters.bindingFilter(request);
        int limit = request.intQuery("limit", Math.min(DEFAULT_PAGE_SIZE, maxPageSize), 1, maxPageSize);
        Optional<String> after = Filters.cursor(request);
        if (after.isPresent() && request.query("offset").isPresent()) {
            throw ApiException.badRequest("bad_parameter", "give either offset or cursor, not both");
        }
        int offset = request.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        return directory.list(filter, offset, after, limit, askTimeout).thenApply(page -> Json.ok(Json.object(
                "total", page.total(),
                "offset", page.offset(),
                "limit", limit,
                "nextCursor", page.nextAfter().map(Filters::encodeCursor).orElse(null),
                // cluster nodes that did not answer: their bindings are missing from this page and the total
                "unansweredNodes", page.unanswered(),
                "bindings", page.bindings())));
    }

    CompletionStage<HttpResponse> get(ApiRequest request) {
        String mnId = request.path("mnId");
        return view(mnId).thenApply(view -> {
            if (view.sessions().isEmpty()) {
                throw unknown(mnId);
            }
            return Json.ok(view);
        });
    }

    /**
     * The node's timeline as {@code pmip replay --mn ID --json} prints it, or with {@code at} its
     * binding state at that instant, rebuilt from its events (as {@code --at}).
     */
    CompletionStage<HttpResponse> events(ApiRequest request) {
        String mnId = request.path("mnId");
        Optional<Instant> at = request.query("at").map(BindingsResource::instant);
        BindingHistory journal = history.orElseThrow(() -> ApiException.unavailable("no_read_journal",
                "the configured journal has no read journal, so no event history (use journal=cassandra or "
                        + "journal=inmem)"));
        return journal.records(mnId).thenApply(records -> {
            if (records.isEmpty()) {
                throw ApiException.notFound("unknown_mobile_node", "the journal holds no event of mobile node '"
                        + mnId + "'");
            }
            return Json.ok(at.map(instant -> HistoryJson.stateTree(mnId, instant, Replay.stateAt(records, instant)))
                    .orElseGet(() -> HistoryJson.timelineTree(mnId, records.stream().map(TimelineEntry::of).toList())));
        });
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_parameter",
                    "at must be an ISO-8601 instant such as 2026-11-23T10:32:00Z, got '" + text + "'");
        }
    }

    /**
     * RFC 5846: the serving MAGs are told first (and given {@code revocation-timeout} to acknowledge),
     * then the entity ends every session, whatever the MAGs answered; the response says what each did.
     */
    CompletionStage<HttpResponse> revoke(ApiRequest request) {
        String mnId = request.path("mnId");
        return view(mnId).thenCompose(view -> {
            if (view.sessions().isEmpty()) {
                throw unknown(mnId);
            }
            return revocation.revoke(mnId, view.sessions()).thenCompose(outcomes -> shard.binding(mnId)
                    .<BindingEntity.RevokeResult>ask(replyTo -> new BindingEntity.Revoke(Optional.empty(),
                            "administrative", replyTo), askTimeout)
                    .thenApply(result -> Json.ok(Json.object(
                            "mnId", mnId,
                            "revokedSessions", result.sessions().stream().map(MobilitySession::sessionKey).toList(),
                            "magsAcknowledged", outcomes.stream().allMatch(o -> o.outcome().equals("acknowledged")),
                            "revocations", outcomes))));
        });
    }

    private CompletionStage<BindingView> view(String mnId) {
        return Replies.onReplyingThread(shard.binding(mnId).ask(BindingEntity.Get::new, askTimeout));
    }

    static ApiException unknown(String mnId) {
        return ApiException.notFound("unknown_mobile_node", "no binding for mobile node '" + mnId + "'");
    }
}
