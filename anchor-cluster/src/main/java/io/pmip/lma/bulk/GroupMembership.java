package io.pmip.lma.bulk;

import io.pmip.lma.MobilitySession;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The binding side of bulk groups, for one binding entity: tells a group when one of the binding's
 * sessions joins or leaves it, so the group knows its members without journaling them (see
 * {@link BulkGroupEntity}). Only changes are told; a recovered binding tells every group again.
 */
public final class GroupMembership {
    /** How long a binding waits for its group's lease before it asks again. */
    public static final Duration LEASE_ASK_TIMEOUT = Duration.ofSeconds(3);

    private final String mnId;
    private final Optional<GroupDirectory> directory;
    private final Map<String, GroupKey> told = new HashMap<>();

    public GroupMembership(String mnId, Optional<GroupDirectory> directory) {
        this.mnId = mnId;
        this.directory = directory;
    }

    /** The group that decides the session's expiry with its lease, if groups are reachable here. */
    public Optional<GroupKey> leaseHolder(MobilitySession session) {
        return directory.isPresent() ? GroupKey.of(session) : Optional.empty();
    }

    public Optional<GroupDirectory> directory() {
        return directory;
    }

    /** The session {@code sessionKey} is now {@code session} (empty: ended); tells the groups it left and joined. */
    public void update(String sessionKey, Optional<MobilitySession> session) {
        if (directory.isEmpty()) {
            return;
        }
        Optional<GroupKey> now = session.flatMap(GroupKey::of);
        Optional<GroupKey> before = Optional.ofNullable(told.get(sessionKey));
        if (now.equals(before)) {
            return;
        }
        before.ifPresent(g -> directory.get().group(g).tell(new BulkGroupEntity.MemberLeft(mnId, sessionKey)));
        now.ifPresentOrElse(g -> {
            told.put(sessionKey, g);
            directory.get().group(g).tell(new BulkGroupEntity.MemberJoined(mnId, sessionKey));
        }, () -> told.remove(sessionKey));
    }
}
