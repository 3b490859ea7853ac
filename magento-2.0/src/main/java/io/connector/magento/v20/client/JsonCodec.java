package io.connector.magento.v20.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON both ways: a request's body written, an answer read into maps, lists, strings, numbers,
 * booleans and nulls. Nesting is bounded: Magento's answers nest a dozen levels at most, and a
 * hostile answer nested a million deep is refused by the parser before it costs a stack.
 */
final class JsonCodec {

    /** The same bound as the 1.x codec's structs and arrays. */
    static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build())
            // Text after the document (a PHP notice appended to it) makes the answer not JSON, not half-read.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonCodec() {
    }

    static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The value of a whole document; {@link IOException}s are Jackson's own (the input is in memory). */
    static Object read(byte[] document) throws IOException {
        return MAPPER.readValue(document, Object.class);
    }
}
