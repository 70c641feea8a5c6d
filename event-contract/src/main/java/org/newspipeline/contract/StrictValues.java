package org.newspipeline.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * What every payload read must hold: text fields are JSON strings (a number or {@code true} is not
 * a title) of storable text, and instants lie in the storable years.
 */
final class StrictValues {

    private StrictValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("strict-values")
                .addDeserializer(String.class, new Text())
                .addDeserializer(Boolean.class, new Flag(Boolean.class))
                .addDeserializer(boolean.class, new Flag(boolean.class))
                .addDeserializer(Instant.class, new StorableInstant());
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, String.class, "must be a string, not " + kind(p.currentToken()));
            }
            String text = p.getText();
            var problem = PayloadText.problem(text);
            if (problem.isPresent()) {
                throw new InvalidFormatException(p, "text " + problem.get(), text, String.class);
            }
            return text;
        }
    }

    /** A flag is {@code true} or {@code false}: not {@code "yes"}, not 1. */
    private static final class Flag extends StdScalarDeserializer<Boolean> {
        Flag(Class<?> type) {
            super(type);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw MismatchedInputException.from(p, Boolean.class, "must be true or false, not "
                        + kind(p.currentToken()));
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctx) {
            return handledType() == boolean.class ? Boolean.FALSE : null;
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            default -> String.valueOf(token);
        };
    }

    private static final class StorableInstant extends StdScalarDeserializer<Instant> {
        StorableInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            Instant instant = InstantDeserializer.INSTANT.deserialize(p, ctx);
            if (instant != null && !ArticleDates.isStorable(instant)) {
                throw new InvalidFormatException(p, "date " + instant + " is outside the years 1 to 9999", instant,
                        Instant.class);
            }
            return instant;
        }
    }
}
