package org.logonrights.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/**
 * The one Jackson configuration of logonrights, shared by the snapshot reader and writer and by the
 * JSON and SARIF reports, so every JSON document the tool writes looks the same: two-space indent,
 * LF line ends on every OS, a final newline, and {@code null} fields written out unless a type says
 * otherwise. Reading is tolerant (unknown fields, trailing commas) but bounded.
 */
public final class JsonMapping {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer snapshots may add fields
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET) // the caller owns the writer
            .build();

    static {
        // A hostile document must not exhaust the stack or the heap before validation starts.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(4_000_000).build());
    }

    /** "\n" whatever the platform, so that output is byte-identical everywhere. */
    private static final DefaultIndenter LF = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter PRETTY =
            MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(LF).withArrayIndenter(LF));

    private JsonMapping() {
    }

    /** The shared mapper; thread-safe once configured, as here. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes a value as pretty JSON followed by a newline; the writer is left open. */
    public static void writePretty(Object value, Writer out) throws IOException {
        PRETTY.writeValue(out, value);
        out.write("\n");
    }
}
