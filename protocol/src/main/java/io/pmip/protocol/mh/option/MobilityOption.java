package io.pmip.protocol.mh.option;

/**
 * One mobility option (RFC 6275 section 6.2): Type, Length, data. Padding options (Pad1 = 0,
 * PadN = 1) are not modelled; the encoder inserts them for alignment and the decoder drops them.
 */
public sealed interface MobilityOption
        permits BindingRefreshAdvice, AlternateCareOfAddress, MobileNodeIdentifier, HomeNetworkPrefixOption,
        HandoffIndicatorOption, AccessTechnologyTypeOption, MobileNodeLinkLayerIdentifier, LinkLocalAddress,
        Timestamp, RestartCounter, Ipv4CareOfAddress, GreKey, Ipv4HomeAddressRequest, Ipv4HomeAddressReply,
        Ipv4DefaultRouterAddress, Ipv4DhcpSupportMode, FlowSummary, FlowIdentification, RedirectCapability,
        Redirect, LoadInformation, AlternateIpv4CareOfAddress, MobileNodeGroupIdentifier, MagIpv6Address,
        UnknownOption {

    /** The option Type value (IANA "Mobility Options" registry). */
    int type();

    /** True when the codec parses this option type into a dedicated record. */
    static boolean isModelled(int type) {
        return switch (type) {
            case 2, 3, 8, 22, 23, 24, 25, 26, 27, 28, 32, 33, 36, 37, 38, 39, 44, 45, 46, 47, 48, 49, 50, 51 -> true;
            default -> false;
        };
    }
}
