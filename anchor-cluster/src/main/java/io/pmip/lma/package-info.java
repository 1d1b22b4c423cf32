/** The clustered Local Mobility Anchor (RFC 5213): sharded binding entities, prefix pool, policy. */
package io.pmip.lma;
