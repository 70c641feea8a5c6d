package org.newspipeline.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The one JSON form of the payloads: ISO-8601 instants, unknown fields ignored so that a newer
 * producer that only adds fields does not break older consumers.
 */
public final class ContractJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(StrictValues.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ContractJson() {
    }

    public static byte[] write(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a payload, failing with {@link InvalidPayloadException} (which says why) on anything
     * that is not a valid record of that type.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null) {
            throw new InvalidPayloadException(type.getSimpleName() + ": empty record value", null);
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException(type.getSimpleName() + ": " + describe(e), e);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause() : e;
            throw new InvalidPayloadException(type.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    /**
     * What is wrong, naming the field ({@code 'title': text contains a NUL character}), without
     * Jackson's class names and source excerpts.
     */
    public static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                ? e.getCause() : null;
        String message = cause != null ? cause.getMessage() : e.getOriginalMessage();
        if (cause == null && e instanceof MismatchedInputException m && m.getTargetType() != null
                && message != null && message.startsWith("Cannot ")) {
            // Jackson's own words name its types and creators: say what the value must be instead.
            message = "must be " + expected(m.getTargetType());
        }
        // Jackson names Java types and its own settings in backquotes: not for the sender's eyes.
        message = message == null ? "unreadable" : message.replaceAll("\\(?from `[^`]*`\\)?", "")
                .replaceAll("`[^`]*`", "the expected type").strip();
        return field.isEmpty() ? message : "'" + field + "': " + message;
    }

    private static String expected(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "an object";
    }

    /** The rules of {@link #read} (strings for text, storable text and years), for other mappers to add. */
    public static Module strictValues() {
        return StrictValues.module();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
