package io.pmip.protocol.mh;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;

/** Binding Refresh Request, MH Type 0 (RFC 6275 section 6.1.2): a 16-bit Reserved field, then options. */
public record BindingRefreshRequest(List<MobilityOption> options) implements MobilityMessage {
    public static final int MH_TYPE = 0;

    public BindingRefreshRequest {
        options = List.copyOf(options);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
