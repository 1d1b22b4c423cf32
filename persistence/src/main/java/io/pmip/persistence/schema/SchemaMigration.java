package io.pmip.persistence.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the keyspaces and tables of the journal, the snapshot store and the projection offset
 * store. Every statement is {@code IF NOT EXISTS}, so applying it again is a no-op; it never
 * alters or drops anything (a changed table is a new, reviewed migration, not an edit here).
 */
public final class SchemaMigration {
    // DDL waits for schema agreement; on a busy 2-core box that can exceed the 2 s default.
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private final SchemaSettings settings;

    public SchemaMigration(SchemaSettings settings) {
        this.settings = settings;
    }

    /** The statements in the order they are applied, keyspaces first. */
    public List<String> statements() {
        List<String> all = new ArrayList<>();
        all.addAll(render("journal.cql", settings.journalKeyspace()));
        all.addAll(render("snapshot.cql", settings.snapshotKeyspace()));
        all.addAll(render("projection.cql", settings.projectionKeyspace()));
        return List.copyOf(all);
    }

    /** Applies every statement through {@code session}; returns how many ran. */
    public int apply(CqlSession session) {
        List<String> statements = statements();
        for (String cql : statements) {
            session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
        }
        return statements.size();
    }

    /** Opens a session on {@code contactPoints} in {@code localDatacenter}, applies, closes it. */
    public int apply(List<InetSocketAddress> contactPoints, String localDatacenter) {
        try (CqlSession session = openSession(contactPoints, localDatacenter)) {
            return apply(session);
        }
    }

    /** A plain driver session for administration, independent of any actor system. */
    public static CqlSession openSession(List<InetSocketAddress> contactPoints, String localDatacenter) {
        DriverConfigLoader loader = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, DDL_TIMEOUT)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                // An administrative session needs neither the schema nor the token map client-side;
                // fetching them again after every DDL statement would triple the migration time.
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                .build();
        return CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter(localDatacenter)
                .withConfigLoader(loader)
                .build();
    }

    /** Parses "host:port" (IPv6 literals in brackets) into a contact point. */
    public static InetSocketAddress contactPoint(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("contact point must be host:port: " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("contact point port is not a number: " + hostPort, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("contact point port out of range: " + hostPort);
        }
        return new InetSocketAddress(host, port);
    }

    private List<String> render(String resource, String keyspace) {
        String text = read(resource)
                .replace("${keyspace}", keyspace)
                .replace("${replication}", settings.replication());
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
