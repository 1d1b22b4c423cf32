package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.required;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;

/**
 * Binding Error, MH Type 7 (RFC 6275 section 6.1.9): Status (8), Reserved (8), Home Address
 * (128) from MH offset 6, options from 24.
 */
public record BindingError(int statusCode, Inet6Address homeAddress, List<MobilityOption> options)
        implements MobilityMessage {
    public static final int MH_TYPE = 7;

    public BindingError {
        uint8("status", statusCode);
        required("homeAddress", homeAddress);
        options = List.copyOf(options);
    }

    public Optional<BindingErrorStatus> status() {
        return BindingErrorStatus.fromCode(statusCode);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
