package io.pmip.mag;

/** Where a binding update list entry stands (RFC 5213 section 6.1). */
public enum BindingState {
    /** A registration PBU is outstanding and no binding has been acknowledged yet. */
    REGISTERING,
    /** The LMA accepted the binding; refreshes may be outstanding. */
    REGISTERED,
    /** A de-registration PBU (lifetime 0) is outstanding. */
    DEREGISTERING
}
