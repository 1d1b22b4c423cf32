package io.pmip.lma.policy;

import io.pmip.protocol.mh.AccessTechnologyType;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mobile node's policy profile (RFC 5213 section 6.2, as far as the LMA uses it).
 *
 * @param match                    exact MN-Identifier, or a pattern where {@code *} matches any run of
 *                                 characters ("*@ims.example", "*")
 * @param proxyRegistrationEnabled whether network-based mobility is enabled for the node
 * @param servedHere               whether this LMA is the node's LMA
 * @param prefixes                 static prefixes or a pool
 * @param accessTechnologies       the access technologies it may attach over; empty means any
 */
public record MobileNodeProfile(
        String match,
        boolean proxyRegistrationEnabled,
        boolean servedHere,
        PrefixAssignment prefixes,
        Set<AccessTechnologyType> accessTechnologies) {

    public MobileNodeProfile {
        accessTechnologies = Set.copyOf(accessTechnologies);
    }

    public boolean isPattern() {
        return match.contains("*");
    }

    /** MN-Identifiers (NAIs) compare case-insensitively here, as realms do (RFC 7542 section 2.4). */
    public boolean matches(String mnId) {
        if (!isPattern()) {
            return match.equalsIgnoreCase(mnId);
        }
        String regex = java.util.Arrays.stream(match.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(mnId).matches();
    }

    public boolean allows(AccessTechnologyType att) {
        return accessTechnologies.isEmpty() || accessTechnologies.contains(att);
    }
}
