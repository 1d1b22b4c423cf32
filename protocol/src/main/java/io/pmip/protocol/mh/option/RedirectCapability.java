package io.pmip.protocol.mh.option;

/** Redirect-Capability option (RFC 6463 section 6.1): Reserved (16) only; a MAG says it understands redirection. No alignment requirement. */
public record RedirectCapability() implements MobilityOption {
    public static final int TYPE = 46;

    @Override
    public int type() {
        return TYPE;
    }
}
