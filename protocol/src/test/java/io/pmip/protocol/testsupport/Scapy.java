package io.pmip.protocol.testsupport;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Scapy as an independent builder of Mobility Headers. Runs Debian's {@code /usr/bin/python3}
 * (the pyenv {@code python3} on PATH has no scapy).
 *
 * <p>What scapy 2.5.0 (python3-scapy, Debian 12) offers for Mobility IPv6, all in
 * {@code scapy.layers.inet6}: messages MIP6MH_BU (flags field "PRMKLHA", so P exists), MIP6MH_BA,
 * MIP6MH_BE, MIP6MH_BRR, MIP6MH_HoTI, MIP6MH_CoTI, MIP6MH_HoT, MIP6MH_CoT and MIP6MH_Generic
 * (any MH type with raw message data, e.g. Heartbeat 13); options MIP6OptMNID (RFC 4283),
 * MIP6OptMobNetPrefix (RFC 3963, same layout as the RFC 5213 Home Network Prefix option, so it
 * serves as HNP with otype=22), MIP6OptAltCoA, MIP6OptBRAdvice, MIP6OptNonceIndices,
 * MIP6OptBindingAuthData, MIP6OptLLAddr, MIP6OptMsgAuth, MIP6OptReplayProtection, the RFC 4866
 * CGA/signature/keygen/care-of-test options, and MIP6OptUnknown. There is NO class for the
 * PMIPv6 options Handoff Indicator (23), Access Technology Type (24), Link-layer Identifier (25),
 * Link-local Address (26) or Timestamp (27): {@link #PRELUDE} builds them as MIP6OptUnknown
 * subclasses that carry the RFC 5213 alignment, so scapy's auto-padding places them correctly.
 * Scapy fills in the MH Header Len, the padding and the checksum (over the IPv6 pseudo-header).
 */
public final class Scapy {
    public static final String PYTHON = "/usr/bin/python3";

    /**
     * Imports plus helpers for PMIPv6 options (RFC 5213 section 8): {@code hnp(prefix, plen)}
     * (8n+4), {@code hi(value)} (2n), {@code att(value)} (2n), {@code timestamp(int64)} (8n+2),
     * {@code mnid(nai)}, and {@code mh_hex(src, dst, mh)} printing the src, dst and MH bytes.
     */
    public static final String PRELUDE = """
            import sys, logging, struct
            logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
            from scapy.layers.inet6 import *
            def pmip_opt(otype, data, x, y):
                cls = type("PmipOpt%d" % otype, (MIP6OptUnknown,), {"x": x, "y": y})
                return cls(otype=otype, odata=data)
            def hnp(prefix, plen):
                return MIP6OptMobNetPrefix(otype=22, plen=plen, prefix=prefix)
            def hi(value):
                return pmip_opt(23, bytes([0, value]), 2, 0)
            def att(value):
                return pmip_opt(24, bytes([0, value]), 2, 0)
            def timestamp(value):
                return pmip_opt(27, struct.pack(">Q", value), 8, 2)
            def mnid(nai):
                return MIP6OptMNID(subtype=1, id=nai.encode())
            def mh_hex(src, dst, mh):
                pkt = IPv6(src=src, dst=dst) / mh
                print(pkt.src)
                print(pkt.dst)
                print(bytes(pkt)[40:].hex())
            """;

    /**
     * A Mobility Header as scapy built it, with the IPv6 addresses its checksum was computed over.
     */
    public record ScapyMh(Inet6Address source, Inet6Address destination, byte[] mhBytes) {
        public ScapyMh {
            mhBytes = mhBytes.clone();
        }

        @Override
        public byte[] mhBytes() {
            return mhBytes.clone();
        }

        public String mhHex() {
            return HexFormat.of().formatHex(mhBytes);
        }
    }

    /** The inputs of {@link #proxyBindingUpdate}; lifetime is in units of 4 seconds (RFC 6275 6.1.7). */
    public record ProxyBindingUpdate(String source, String destination, int sequence, int lifetime, String nai,
            String homeNetworkPrefix, int prefixLength, int handoffIndicator, int accessTechnologyType,
            long timestamp) {

        /** A MAG 2001:db8::1 registering mn1@example.com with LMA 2001:db8::2. */
        public static ProxyBindingUpdate example() {
            return new ProxyBindingUpdate("2001:db8::1", "2001:db8::2", 7, 100, "mn1@example.com",
                    "2001:db8:1:2::", 64, 1, 4, 0x1122334455667788L);
        }
    }

    private Scapy() {
    }

    public static boolean available() {
        return ExternalProcess.works(List.of(PYTHON, "-c", "import scapy.layers.inet6"));
    }

    /**
     * Runs {@code script} (read from stdin) with {@code args} as {@code sys.argv[1:]}, so values
     * never need quoting into the script; returns stdout.
     */
    public static String run(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-"));
        command.addAll(List.of(args));
        ExternalProcess.Result result = ExternalProcess.run(command, script);
        if (result.exitCode() != 0) {
            throw new IOException("python exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    /**
     * Builds {@code IPv6(src, dst) / <mhExpression>} and returns the MH bytes. The expression is
     * Python using {@link #PRELUDE}'s names, e.g. {@code "MIP6MH_BU(seq=1, flags='AP', options=[mnid('a@b')])"}.
     */
    public static ScapyMh mobilityHeader(String source, String destination, String mhExpression) throws IOException {
        return parse(run(PRELUDE + "mh_hex(sys.argv[1], sys.argv[2], " + mhExpression + ")\n", source, destination));
    }

    /**
     * A Proxy Binding Update (RFC 5213 section 6.9.1.1: BU with A and P set) carrying, in this
     * order, the MN-Identifier, Home Network Prefix, Handoff Indicator, Access Technology Type and
     * Timestamp options.
     */
    public static ScapyMh proxyBindingUpdate(ProxyBindingUpdate pbu) throws IOException {
        String script = PRELUDE + """
                a = sys.argv
                bu = MIP6MH_BU(seq=int(a[3]), flags="AP", mhtime=int(a[4]), options=[
                    mnid(a[5]), hnp(a[6], int(a[7])), hi(int(a[8])), att(int(a[9])), timestamp(int(a[10]))])
                mh_hex(a[1], a[2], bu)
                """;
        return parse(run(script, pbu.source(), pbu.destination(), Integer.toString(pbu.sequence()),
                Integer.toString(pbu.lifetime()), pbu.nai(), pbu.homeNetworkPrefix(),
                Integer.toString(pbu.prefixLength()), Integer.toString(pbu.handoffIndicator()),
                Integer.toString(pbu.accessTechnologyType()), Long.toUnsignedString(pbu.timestamp())));
    }

    private static ScapyMh parse(String stdout) throws IOException {
        String[] lines = stdout.strip().split("\n");
        if (lines.length != 3) {
            throw new IOException("unexpected scapy output: " + stdout);
        }
        try {
            return new ScapyMh(ipv6(lines[0]), ipv6(lines[1]), HexFormat.of().parseHex(lines[2].strip()));
        } catch (IllegalArgumentException e) {
            throw new IOException("unexpected scapy output: " + stdout, e);
        }
    }

    private static Inet6Address ipv6(String literal) throws IOException {
        InetAddress a = InetAddress.getByName(literal.strip());
        if (a instanceof Inet6Address v6) {
            return v6;
        }
        throw new IOException("not an IPv6 address: " + literal);
    }
}
