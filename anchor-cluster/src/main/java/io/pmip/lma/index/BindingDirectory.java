package io.pmip.lma.index;

import io.pmip.lma.Replies;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.persistence.CborSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The bindings of the whole cluster, asked of every node's {@link BindingIndex}: each node runs a
 * directory actor (found through the receptionist) that answers from its own index, and a query
 * fans out to all members that are up and merges their answers. A member that does not answer in
 * time, or whose directory the receptionist does not list yet, is named in the answer, never
 * silently left out.
 */
public final class BindingDirectory {
    static final ServiceKey<Query> KEY = ServiceKey.create(Query.class, "binding-directory");

    /** What one node's directory answers. */
    public sealed interface Query extends CborSerializable {
    }

    record ListBindings(BindingIndex.Filter filter, Optional<String> after, int window,
            ActorRef<BindingIndex.Slice> replyTo) implements Query {
    }

    record ListMags(ActorRef<MagRows> replyTo) implements Query {
    }

    record MagRows(List<BindingIndex.MagRow> rows) implements CborSerializable {
        MagRows {
            rows = List.copyOf(rows);
        }
    }

    record MobileNodesAt(String mag, ActorRef<MobileNodes> replyTo) implements Query {
    }

    record GroupMembers(GroupKey group, ActorRef<MobileNodes> replyTo) implements Query {
    }

    record MobileNodes(List<String> mnIds) implements CborSerializable {
        MobileNodes {
            mnIds = List.copyOf(mnIds);
        }
    }

    record BulkGroups(String mag, ActorRef<GroupSizes> replyTo) implements Query {
    }

    record GroupSizes(Map<Long, Integer> members) implements CborSerializable {
        GroupSizes {
            members = Map.copyOf(members);
        }
    }

    /** The answers of the nodes that answered, and the addresses of those that did not. */
    public record Answers<T>(T value, List<String> unanswered) {
        public Answers {
            unanswered = List.copyOf(unanswered);
        }

        public boolean complete() {
            return unanswered.isEmpty();
        }
    }

    /** Thrown (as the failure of a stage) when a caller needs every node and one did not answer. */
    public static final class IncompleteException extends RuntimeException {
        public IncompleteException(String what, List<String> unanswered) {
            super(what + ": no answer from cluster node(s) " + unanswered);
        }
    }

    private final ActorSystem<?> system;
    private final ActorRef<Query> local;

    private BindingDirectory(ActorSystem<?> system, ActorRef<Query> local) {
        this.system = system;
        this.local = local;
    }

    /** Starts this node's directory actor, registered with the receptionist; once per actor system. */
    public static BindingDirectory start(ActorSystem<?> system) {
        BindingIndex index = HostedBindings.of(system);
        ActorRef<Query> local = system.systemActorOf(responder(index), "binding-directory", Props.empty());
        system.receptionist().tell(Receptionist.register(KEY, local));
        return new BindingDirectory(system, local);
    }

    private static Behavior<Query> responder(BindingIndex index) {
        return Behaviors.receiveMessage(query -> {
            if (query instanceof ListBindings q) {
                q.replyTo().tell(index.slice(q.filter(), q.after(), q.window()));
            } else if (query instanceof ListMags q) {
                q.replyTo().tell(new MagRows(index.mags()));
            } else if (query instanceof MobileNodesAt q) {
                q.replyTo().tell(new MobileNodes(index.mobileNodesAt(q.mag())));
            } else if (query instanceof GroupMembers q) {
                q.replyTo().tell(new MobileNodes(index.groupMembers(q.group())));
            } else if (query instanceof BulkGroups q) {
                q.replyTo().tell(new GroupSizes(index.bulkGroups(q.mag())));
            }
            return Behaviors.same();
        });
    }

    /** A page of the cluster's bindings sorted by MN-Identifier, from {@code offset} or after the cursor. */
    public CompletionStage<BindingIndex.Page> list(BindingIndex.Filter filter, int offset, Optional<String> after,
            int limit, Duration timeout) {
        int window = after.isPresent() ? limit : offset + limit;
        return this.<BindingIndex.Slice>fanOut(replyTo -> new ListBindings(filter, after, window, replyTo), timeout)
                .thenApply(a -> BindingIndex.page(a.value(), offset, after, limit, a.unanswered()));
    }

    /** Every MAG any node knows, merged. */
    public CompletionStage<Answers<List<BindingIndex.MagRow>>> mags(Duration timeout) {
        return this.<MagRows>fanOut(ListMags::new, timeout).thenApply(a -> new Answers<>(
                BindingIndex.mergeMags(a.value().stream().map(MagRows::rows).toList()), a.unanswered()));
    }

    /** The mobile nodes with a session at {@code mag}, over the whole cluster, sorted. */
    public CompletionStage<Answers<List<String>>> mobileNodesAt(String mag, Duration timeout) {
        return this.<MobileNodes>fanOut(replyTo -> new MobileNodesAt(mag, replyTo), timeout).thenApply(this::joined);
    }

    /**
     * As {@link #mobileNodesAt(String, Duration)}, failing with {@link IncompleteException} unless every
     * node answered: for cleanups that must not miss a binding.
     */
    public CompletionStage<List<String>> allMobileNodesAt(String mag, Duration timeout) {
        return mobileNodesAt(mag, timeout).thenApply(a -> {
            if (!a.complete()) {
                throw new IncompleteException("the bindings of MAG " + mag, a.unanswered());
            }
            return a.value();
        });
    }

    /** The mobile nodes with a session in {@code group}, over the whole cluster, sorted. */
    public CompletionStage<Answers<List<String>>> groupMembers(GroupKey group, Duration timeout) {
        return this.<MobileNodes>fanOut(replyTo -> new GroupMembers(group, replyTo), timeout).thenApply(this::joined);
    }

    /** The bulk groups of {@code mag} with their member sessions, over the whole cluster. */
    public CompletionStage<Answers<SortedMap<Long, Integer>>> bulkGroups(String mag, Duration timeout) {
        return this.<GroupSizes>fanOut(replyTo -> new BulkGroups(mag, replyTo), timeout).thenApply(a -> {
            SortedMap<Long, Integer> sizes = new TreeMap<>();
            a.value().forEach(g -> g.members().forEach((id, n) -> sizes.merge(id, n, Integer::sum)));
            return new Answers<>(sizes, a.unanswered());
        });
    }

    private Answers<List<String>> joined(Answers<List<MobileNodes>> a) {
        return new Answers<>(a.value().stream().flatMap(m -> m.mnIds().stream()).distinct().sorted().toList(),
                a.unanswered());
    }

    /**
     * Asks the directory of every member that is up (or leaving: it still hosts shards), this node's
     * own always; collects what answers within {@code timeout}.
     */
    private <R> CompletionStage<Answers<List<R>>> fanOut(Function<ActorRef<R>, Query> query, Duration timeout) {
        CompletableFuture<Receptionist.Listing> listing = Replies.onReplyingThread(AskPattern.ask(
                system.receptionist(), (ActorRef<Receptionist.Listing> replyTo) -> Receptionist.find(KEY, replyTo),
                timeout, system.scheduler()));
        return listing.thenCompose(l -> {
            Address self = Cluster.get(system).selfMember().address();
            Map<Address, ActorRef<Query>> byNode = new TreeMap<>(Address.addressOrdering());
            byNode.put(self, local);
            l.getServiceInstances(KEY).stream().filter(ref -> !ref.path().address().hasLocalScope())
                    .forEach(ref -> byNode.put(ref.path().address(), ref));
            List<String> unlisted = StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
                    .filter(m -> m.status() == MemberStatus.up() || m.status() == MemberStatus.leaving()
                            || m.status() == MemberStatus.weaklyUp())
                    .map(m -> m.address())
                    .filter(a -> !byNode.containsKey(a))
                    .map(Address::toString)
                    .collect(Collectors.toList());
            List<Map.Entry<Address, CompletableFuture<R>>> asks = byNode.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), Replies.onReplyingThread(AskPattern.ask(e.getValue(), query::apply,
                            timeout, system.scheduler()))))
                    .toList();
            return CompletableFuture.allOf(asks.stream().map(e -> e.getValue().handle((r, f) -> null))
                            .toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<R> answers = new ArrayList<>();
                        List<String> unanswered = new ArrayList<>(unlisted);
                        for (Map.Entry<Address, CompletableFuture<R>> e : asks) {
                            if (e.getValue().isCompletedExceptionally()) {
                                unanswered.add(e.getKey().toString());
                            } else {
                                answers.add(e.getValue().join());
                            }
                        }
                        return new Answers<>(answers, unanswered);
                    });
        });
    }
}
