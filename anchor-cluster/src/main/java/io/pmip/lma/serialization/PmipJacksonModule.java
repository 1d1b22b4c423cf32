package io.pmip.lma.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.pmip.protocol.Ipv6Prefix;
import java.io.IOException;

/**
 * Teaches Jackson the protocol types that cannot carry Jackson annotations (protocol/ stays free of
 * frameworks). Registered through {@code pekko.serialization.jackson.jackson-modules}; an
 * {@link Ipv6Prefix} is journaled as its text form so events stay readable in cqlsh dumps.
 */
public final class PmipJacksonModule extends SimpleModule {
    public PmipJacksonModule() {
        super("PmipJacksonModule");
        addSerializer(Ipv6Prefix.class, new PrefixSerializer());
        addDeserializer(Ipv6Prefix.class, new PrefixDeserializer());
    }

    private static final class PrefixSerializer extends StdSerializer<Ipv6Prefix> {
        PrefixSerializer() {
            super(Ipv6Prefix.class);
        }

        @Override
        public void serialize(Ipv6Prefix value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class PrefixDeserializer extends StdDeserializer<Ipv6Prefix> {
        PrefixDeserializer() {
            super(Ipv6Prefix.class);
        }

        @Override
        public Ipv6Prefix deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Ipv6Prefix.parse(text);
            } catch (IllegalArgumentException e) {
                return (Ipv6Prefix) ctxt.handleWeirdStringValue(Ipv6Prefix.class, text, e.getMessage());
            }
        }
    }
}
