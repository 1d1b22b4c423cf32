/**
 * The Mobile Access Gateway (RFC 5213 section 6): {@link io.pmip.mag.MagActor} (one per MAG,
 * holding its binding update list), {@link io.pmip.mag.MagNode} (the transport shared by the
 * MAGs of a process), their configuration, and the {@link io.pmip.mag.MagEvent}s they report.
 * No persistence: a MAG's state lives in its actor.
 */
package io.pmip.mag;
