package io.pmip.lma.history;

/** What must hold across the whole binding journal. */
public enum Invariant {
    /**
     * A home network prefix belongs to one mobile node at a time (RFC 5213 section 5.2: the LMA
     * assigns a mobile node its own prefixes), from its Registered event until the session ends.
     */
    PREFIX_HELD_BY_TWO_MOBILE_NODES,
    /**
     * One mobility session per attached interface: the MN link-layer identifier with the access
     * technology names the interface (RFC 5213 section 5.4.1.2), so two live sessions of one node
     * never share both.
     */
    TWO_SESSIONS_ON_ONE_INTERFACE,
    /**
     * No lifetime extension for a session that is gone: after de-registration and deletion (RFC
     * 5213 section 5.3.5), expiry or revocation, only a new registration may bring the node back.
     * A refresh inside MinDelayBeforeBCEDelete from the serving MAG is allowed: the entry still exists.
     */
    REFRESH_AFTER_DEREGISTRATION
}
