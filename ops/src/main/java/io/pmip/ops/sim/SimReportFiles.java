package io.pmip.ops.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code sim-report.json} (schema {@link SimReport#SCHEMA}) and {@code sim-report.html} into a directory. */
final class SimReportFiles {
    static final String JSON = "sim-report.json";
    static final String HTML = "sim-report.html";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SimReportFiles() {
    }

    static void write(SimReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), report);
        Files.writeString(dir.resolve(HTML), SimReportHtml.render(report));
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
