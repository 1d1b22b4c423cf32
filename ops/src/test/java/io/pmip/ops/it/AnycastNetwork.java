package io.pmip.ops.it;

import io.pmip.protocol.testsupport.LinuxTestSupport;
import io.pmip.protocol.testsupport.Netns;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An anycast LMA deployment in network namespaces: a router namespace; LMA namespaces 1..n, each
 * holding the same anycast LMA addresses on its loopback behind its own veth link to the router;
 * MAG namespaces 1..m on links of their own; and a link from the root namespace (the host, where
 * the test and Cassandra run) to the router. The router reaches the anycast addresses by an ECMP
 * route over every LMA, hashed on layer 4 (fib_multipath_hash_policy=1) so that MAG sockets on
 * different ports spread over the nodes.
 *
 * <p>Addresses: link k (LMA k: k, MAG j: 100 + j, host: 200) is 10.66.k.0/24 and fd00:66:k::/64,
 * router .1 / ::1, the other end .2 / ::2. Everything is removed by {@link #close()}: deleting a
 * namespace deletes its veth ends, and the host end of the host link with them.
 */
final class AnycastNetwork implements AutoCloseable {
    static final String ANYCAST_V4 = "10.66.255.1";
    static final String ANYCAST_V6 = "fd00:66:ff::1";
    private static final int HOST_LINK = 200;

    private final Netns router;
    private final List<Netns> lmas = new ArrayList<>();
    private final List<Netns> mags = new ArrayList<>();
    private final List<Integer> liveLmas = new ArrayList<>();

    private AnycastNetwork(Netns router) {
        this.router = router;
    }

    /** {@code lmaCount} LMA namespaces and {@code magCount} MAG namespaces, named ops6-*. */
    static AnycastNetwork create(int lmaCount, int magCount) throws IOException, InterruptedException {
        AnycastNetwork net = new AnycastNetwork(Netns.create("ops6-r"));
        try {
            net.router.sysctl("net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
                    "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
                    "net.ipv4.fib_multipath_hash_policy=1", "net.ipv6.fib_multipath_hash_policy=1");
            net.linkHost();
            for (int k = 1; k <= lmaCount; k++) {
                Netns lma = Netns.create("ops6-lma" + k);
                net.lmas.add(lma);
                net.link(lma, k);
                lma.ip("addr", "add", ANYCAST_V4 + "/32", "dev", "lo");
                lma.ip("addr", "add", ANYCAST_V6 + "/128", "dev", "lo");
                net.liveLmas.add(k);
            }
            for (int j = 1; j <= magCount; j++) {
                Netns mag = Netns.create("ops6-mag" + j);
                net.mags.add(mag);
                net.link(mag, 100 + j);
            }
            net.routeAnycast();
            return net;
        } catch (IOException | InterruptedException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** The host end is named after this process, so that concurrent runs on one host do not collide. */
    private void linkHost() throws IOException, InterruptedException {
        String hostEnd = "ops6-h" + ProcessHandle.current().pid() % 100_000;
        LinuxTestSupport.ip("link", "add", hostEnd, "type", "veth", "peer", "name", "host", "netns", router.name());
        LinuxTestSupport.ip("addr", "add", v4(HOST_LINK, 2) + "/24", "dev", hostEnd);
        LinuxTestSupport.ip("link", "set", hostEnd, "up");
        router.ip("addr", "add", v4(HOST_LINK, 1) + "/24", "dev", "host");
        router.ip("link", "set", "host", "up");
        // the LMA and MAG links are reached through the router
        LinuxTestSupport.ip("route", "add", "10.66.0.0/16", "via", v4(HOST_LINK, 1), "dev", hostEnd);
    }

    /** A veth from the router ("l{link}") to {@code ns} ("eth0"), addressed, up, default routes to the router. */
    private void link(Netns ns, int link) throws IOException, InterruptedException {
        String routerEnd = "l" + link;
        LinuxTestSupport.ip("link", "add", routerEnd, "netns", router.name(), "type", "veth", "peer", "name", "eth0",
                "netns", ns.name());
        router.ip("addr", "add", v4(link, 1) + "/24", "dev", routerEnd);
        router.ip("addr", "add", v6(link, 1) + "/64", "dev", routerEnd, "nodad");
        router.ip("link", "set", routerEnd, "up");
        ns.ip("addr", "add", v4(link, 2) + "/24", "dev", "eth0");
        ns.ip("addr", "add", v6(link, 2) + "/64", "dev", "eth0", "nodad");
        ns.ip("link", "set", "eth0", "up");
        ns.ip("route", "add", "default", "via", v4(link, 1));
        ns.ip("-6", "route", "add", "default", "via", v6(link, 1));
    }

    /** The ECMP routes to the anycast addresses over the live LMAs (replaced whole: ip cannot drop one nexthop). */
    private void routeAnycast() throws IOException, InterruptedException {
        List<String> v4 = new ArrayList<>(List.of("route", "replace", ANYCAST_V4 + "/32"));
        List<String> v6 = new ArrayList<>(List.of("-6", "route", "replace", ANYCAST_V6 + "/128"));
        for (int k : liveLmas) {
            v4.addAll(List.of("nexthop", "via", v4(k, 2), "dev", "l" + k));
            v6.addAll(List.of("nexthop", "via", v6(k, 2), "dev", "l" + k));
        }
        router.ip(v4.toArray(String[]::new));
        router.ip(v6.toArray(String[]::new));
    }

    /** Withdraws LMA {@code k} from the anycast routes, as a routing daemon does when its node fails. */
    void withdraw(int k) throws IOException, InterruptedException {
        liveLmas.remove(Integer.valueOf(k));
        routeAnycast();
    }

    /** The router's route to the IPv6 anycast address, as ip prints it. */
    String anycastRoute() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "-n", router.name(), "-6", "route", "show", ANYCAST_V6 + "/128")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        return out;
    }

    Netns lma(int k) {
        return lmas.get(k - 1);
    }

    Netns mag(int j) {
        return mags.get(j - 1);
    }

    /** The host's address on its link to the router: where Cassandra listens. */
    String hostAddress() {
        return v4(HOST_LINK, 2);
    }

    String lmaAddress(int k) {
        return v4(k, 2);
    }

    InetAddress magV4(int j) throws IOException {
        return InetAddress.getByName(v4(100 + j, 2));
    }

    InetAddress magV6(int j) throws IOException {
        return InetAddress.getByName(v6(100 + j, 2));
    }

    private static String v4(int link, int host) {
        return "10.66." + link + "." + host;
    }

    private static String v6(int link, int host) {
        return "fd00:66:" + link + "::" + host;
    }

    @Override
    public void close() {
        mags.forEach(Netns::close);
        lmas.forEach(Netns::close);
        router.close();
    }
}
