package io.pmip.lma.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pmip.lma.serialization.PmipJacksonModule;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** JSON bodies of the admin API: ISO-8601 instants, empty optionals as null, prefixes as text. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .registerModule(new PmipJacksonModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    static HttpResponse response(int status, Object body) {
        try {
            return HttpResponse.create().withStatus(StatusCodes.get(status))
                    .withEntity(ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response body: " + e.getMessage(), e);
        }
    }

    static HttpResponse ok(Object body) {
        return response(200, body);
    }

    static HttpResponse error(ApiException e) {
        java.util.LinkedHashMap<String, String> body = new java.util.LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.detail());
        return response(e.status(), body);
    }

    static HttpResponse error(int status, String error, String detail) {
        return error(new ApiException(status, error, detail));
    }

    static Map<String, Object> object(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
