package io.pmip.protocol.codec;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.MobilityHeaderChecksum;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
import io.pmip.protocol.mh.UpdateNotificationAcknowledgement;
import io.pmip.protocol.mh.option.MobilityOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one Mobility Header. For any input it either returns a {@link DecodeResult} or throws
 * {@link MobilityHeaderDecodeException} naming the {@link DecodeRule} broken and the byte offset
 * (from the first byte of the Mobility Header); no other exception escapes.
 *
 * <p>Always errors: truncation, Header Len larger than the datagram or too small for the message
 * type, options past the end, bad option lengths or values, a wrong checksum (when verified, see
 * {@link DecodeContext}). Errors in strict mode, warnings in lenient mode: Payload Proto not 59,
 * bytes after the Mobility Header, non-zero Reserved fields or PadN content, misaligned options,
 * prefix host bits set.
 */
public final class MobilityHeaderDecoder {
    private static final int MIN_LENGTH = 8;

    private MobilityHeaderDecoder() {
    }

    public static DecodeResult decode(byte[] datagram, DecodeContext context) throws MobilityHeaderDecodeException {
        return decode(datagram, 0, datagram == null ? 0 : datagram.length, context);
    }

    /** Decodes the Mobility Header in {@code bytes[offset..offset+length)}. */
    public static DecodeResult decode(byte[] bytes, int offset, int length, DecodeContext context)
            throws MobilityHeaderDecodeException {
        if (bytes == null || context == null || offset < 0 || length < 0 || offset > bytes.length
                || length > bytes.length - offset) {
            throw new MobilityHeaderDecodeException(DecodeRule.TRUNCATED, 0,
                    "no bytes at offset " + offset + " length " + length);
        }
        if (length < MIN_LENGTH) {
            throw new MobilityHeaderDecodeException(DecodeRule.TRUNCATED, length,
                    "a Mobility Header has at least 8 octets, got " + length);
        }
        Checks checks = new Checks(context.mode());
        WireReader r = new WireReader(bytes, offset);
        int mhLength = (r.u8(1) + 1) * 8;
        if (mhLength > length) {
            throw new MobilityHeaderDecodeException(DecodeRule.BAD_HEADER_LENGTH, 1,
                    "Header Len " + r.u8(1) + " means " + mhLength + " octets but the datagram has " + length);
        }
        if (mhLength < length) {
            checks.violation(DecodeRule.BAD_HEADER_LENGTH, mhLength,
                    (length - mhLength) + " octets follow the " + mhLength + "-octet Mobility Header");
        }
        if (r.u8(0) != MobilityHeaderEncoder.PAYLOAD_PROTO_NONE) {
            checks.violation(DecodeRule.BAD_PAYLOAD_PROTO, 0, "Payload Proto is " + r.u8(0) + ", not 59");
        }
        checks.reservedZero(r.u8(3), 3, "MH Reserved");
        if (context.verifiesChecksum() && !MobilityHeaderChecksum.verify(context.source().getAddress(),
                context.destination().getAddress(), bytes, offset, mhLength)) {
            int expected = MobilityHeaderChecksum.compute(context.source().getAddress(),
                    context.destination().getAddress(), bytes, offset, mhLength);
            throw new MobilityHeaderDecodeException(DecodeRule.BAD_CHECKSUM, MobilityHeaderChecksum.CHECKSUM_OFFSET,
                    String.format("Checksum is 0x%04x, expected 0x%04x", r.u16(4), expected));
        }
        MobilityMessage message = message(r, r.u8(2), mhLength, checks);
        return new DecodeResult(message, checks.warnings());
    }

    private static MobilityMessage message(WireReader r, int type, int end, Checks checks)
            throws MobilityHeaderDecodeException {
        switch (type) {
            case BindingRefreshRequest.MH_TYPE -> {
                checks.reservedZero(r.u16(6), 6, "Binding Refresh Request Reserved");
                return new BindingRefreshRequest(options(r, 8, end, checks));
            }
            case ProxyBindingUpdate.MH_TYPE -> {
                fixedPart(type, 12, end);
                return ProxyBindingUpdate.fromFlags(r.u16(6), r.u16(8), r.u16(10), options(r, 12, end, checks));
            }
            case ProxyBindingAcknowledgement.MH_TYPE -> {
                fixedPart(type, 12, end);
                return ProxyBindingAcknowledgement.fromFlags(r.u8(6), r.u8(7), r.u16(8), r.u16(10),
                        options(r, 12, end, checks));
            }
            case BindingError.MH_TYPE -> {
                fixedPart(type, 24, end);
                checks.reservedZero(r.u8(7), 7, "Binding Error Reserved");
                return new BindingError(r.u8(6), r.ipv6(8), options(r, 24, end, checks));
            }
            case Heartbeat.MH_TYPE -> {
                fixedPart(type, 12, end);
                int flags = r.u16(6);
                return new Heartbeat(flags & Heartbeat.OTHER_FLAGS_MASK, (flags & Heartbeat.FLAG_U) != 0,
                        (flags & Heartbeat.FLAG_R) != 0, r.u32(8), options(r, 12, end, checks));
            }
            case BindingRevocationIndication.MH_TYPE -> {
                // RFC 5846 8.1: only B.R. Types 1 and 2 are defined; any other is kept whole,
                // whatever its length, as UnknownMessage.isModelled promises
                Bytes body = r.bytes(6, end - 6);
                if (!UnknownMessage.isModelled(type, body)) {
                    return new UnknownMessage(type, body);
                }
                fixedPart(type, 12, end);
                return revocation(r, end, checks);
            }
            case LocalizedRoutingInitiation.MH_TYPE -> {
                fixedPart(type, 12, end);
                checks.reservedZero(r.u16(8), 8, "Localized Routing Initiation Reserved");
                return new LocalizedRoutingInitiation(r.u16(6), r.u16(10), options(r, 12, end, checks));
            }
            case LocalizedRoutingAcknowledgement.MH_TYPE -> {
                fixedPart(type, 12, end);
                int flags = r.u8(8);
                return new LocalizedRoutingAcknowledgement(r.u16(6), (flags & LocalizedRoutingAcknowledgement.FLAG_U) != 0,
                        flags & 0x7f, r.u8(9), r.u16(10), options(r, 12, end, checks));
            }
            case UpdateNotification.MH_TYPE -> {
                fixedPart(type, 10, end);
                int flags = r.u8(8);
                return new UpdateNotification(r.u16(6), (flags & UpdateNotification.FLAG_A) != 0,
                        (flags & UpdateNotification.FLAG_D) != 0, flags & 0x3f, r.u8(9), options(r, 10, end, checks));
            }
            case UpdateNotificationAcknowledgement.MH_TYPE -> {
                fixedPart(type, 10, end);
                checks.reservedZero(r.u8(9), 9, "Update Notification Acknowledgement Reserved");
                return new UpdateNotificationAcknowledgement(r.u16(6), r.u8(8), options(r, 10, end, checks));
            }
            default -> {
                return new UnknownMessage(type, r.bytes(6, end - 6));
            }
        }
    }

    private static MobilityMessage revocation(WireReader r, int end, Checks checks)
            throws MobilityHeaderDecodeException {
        int brType = r.u8(6);
        int flags = r.u16(10);
        boolean p = (flags & BindingRevocationIndication.FLAG_P) != 0;
        boolean v = (flags & BindingRevocationIndication.FLAG_V) != 0;
        boolean g = (flags & BindingRevocationIndication.FLAG_G) != 0;
        int other = flags & BindingRevocationIndication.OTHER_FLAGS_MASK;
        if (brType == BindingRevocationIndication.BR_TYPE) {
            return new BindingRevocationIndication(r.u8(7), r.u16(8), p, v, g, other, options(r, 12, end, checks));
        }
        // the caller sent B.R. Types other than 1 and 2 to UnknownMessage already
        return new BindingRevocationAcknowledgement(r.u8(7), r.u16(8), p, v, g, other, options(r, 12, end, checks));
    }

    private static void fixedPart(int type, int needed, int end) throws MobilityHeaderDecodeException {
        if (end < needed) {
            // RFC 6275 9.2: Header Len smaller than the message type needs is a parameter problem.
            throw new MobilityHeaderDecodeException(DecodeRule.BAD_HEADER_LENGTH, 1,
                    "MH Type " + type + " needs at least " + needed + " octets, Header Len gives " + end);
        }
    }

    /** Parses options from {@code start} to {@code end} (RFC 6275 6.2), dropping Pad1/PadN. */
    private static List<MobilityOption> options(WireReader r, int start, int end, Checks checks)
            throws MobilityHeaderDecodeException {
        List<MobilityOption> options = new ArrayList<>();
        int at = start;
        while (at < end) {
            int type = r.u8(at);
            if (type == 0) { // Pad1, RFC 6275 6.2.2
                at++;
                continue;
            }
            if (at + 1 >= end) {
                throw new MobilityHeaderDecodeException(DecodeRule.OPTION_PAST_END, at,
                        "option type " + type + " has no Length byte before the end at " + end);
            }
            int len = r.u8(at + 1);
            if (at + 2 + len > end) {
                throw new MobilityHeaderDecodeException(DecodeRule.OPTION_PAST_END, at + 1,
                        "option type " + type + " Length " + len + " runs to " + (at + 2 + len)
                                + ", past the end at " + end);
            }
            if (type == 1) { // PadN, RFC 6275 6.2.3
                padN(r.bytes(at + 2, len), at + 2, checks);
            } else {
                OptionAlignment alignment = OptionAlignment.forType(type);
                if (!alignment.isAlignedAt(at)) {
                    checks.violation(DecodeRule.MISALIGNED_OPTION, at, "option type " + type + " at offset " + at
                            + " breaks its " + alignment + " alignment (RFC 6275 6.2)");
                }
                options.add(OptionCodec.decode(type, r, at, len, checks));
            }
            at += 2 + len;
        }
        return options;
    }

    private static void padN(Bytes content, int at, Checks checks) throws MobilityHeaderDecodeException {
        for (int i = 0; i < content.length(); i++) {
            if (content.get(i) != 0) {
                checks.violation(DecodeRule.RESERVED_VALUE, at + i, "PadN content is not zero");
                return;
            }
        }
    }
}
