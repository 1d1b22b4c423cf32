package io.pmip.lma.admin;

import io.pmip.lma.index.BindingIndex;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/** Parses the query and path parameters that name a MAG, a prefix or an access technology; 400 if bad. */
final class Filters {
    private Filters() {
    }

    /** A MAG is named by its Proxy-CoA (RFC 5213 section 5.3.1: the PBU's source address), in canonical form. */
    static String mag(String text) {
        // Literals only: InetAddress.getByName would resolve a host name through DNS.
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            throw ApiException.badRequest("bad_mag", "a MAG is named by its IP address, got '" + text + "'");
        }
        try {
            // The form the bindings and the signaling ingress name MAGs by (RFC 5952 for IPv6).
            return io.pmip.lma.Addresses.canonical(InetAddress.getByName(text));
        } catch (java.net.UnknownHostException | SecurityException e) {
            throw ApiException.badRequest("bad_mag", "a MAG is named by its IP address, got '" + text + "'");
        }
    }

    static Ipv6Prefix prefix(String text) {
        try {
            return Ipv6Prefix.parse(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("bad_prefix",
                    "prefix must be an IPv6 prefix such as 2001:db8::/64, got '" + text + "': " + e.getMessage());
        }
    }

    /** By name ({@code IEEE_802_11}, case-insensitive) or by RFC 5213 section 8.5 code ({@code 4}). */
    static AccessTechnologyType access(String text) {
        try {
            int code = Integer.parseInt(text);
            return AccessTechnologyType.fromCode(code).orElseThrow(() -> unknownAccess(text));
        } catch (NumberFormatException notANumber) {
            try {
                return AccessTechnologyType.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw unknownAccess(text);
            }
        }
    }

    private static ApiException unknownAccess(String text) {
        return ApiException.badRequest("bad_access_technology", "unknown access technology '" + text
                + "'; one of " + java.util.Arrays.toString(AccessTechnologyType.values()) + " or its code");
    }

    static BindingIndex.Filter bindingFilter(ApiRequest request) {
        return new BindingIndex.Filter(request.query("mag").map(Filters::mag),
                request.query("prefix").map(Filters::prefix), request.query("access").map(Filters::access));
    }

    static Optional<String> cursor(ApiRequest request) {
        return request.query("cursor").map(c -> {
            try {
                return new String(java.util.Base64.getUrlDecoder().decode(c), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bad_cursor", "cursor is not one this API returned: '" + c + "'");
            }
        });
    }

    static String encodeCursor(String mnId) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mnId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
