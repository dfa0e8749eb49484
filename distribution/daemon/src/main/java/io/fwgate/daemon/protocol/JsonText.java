package io.fwgate.daemon.protocol;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text to and from plain values (ordered maps, lists, strings, Integer/Long/BigInteger or Double
 * numbers, booleans, null) with Jackson's streaming core only: a client answers in milliseconds and does
 * not pay for starting Jackson's object mapper. The output is the object mapper's, byte for byte, pretty
 * or compact. Thread-safe.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /**
     * @param json one JSON value
     * @return it as plain values
     * @throws IOException if the text is not one JSON value
     */
    public static Object parse(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON value");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return value;
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
        case START_OBJECT:
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                object.put(name, value(parser, parser.nextToken()));
            }
            return object;
        case START_ARRAY:
            List<Object> array = new ArrayList<>();
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                array.add(value(parser, next));
            }
            return array;
        case VALUE_STRING:
            return parser.getText();
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
            return parser.getNumberValue();
        case VALUE_TRUE:
            return Boolean.TRUE;
        case VALUE_FALSE:
            return Boolean.FALSE;
        case VALUE_NULL:
            return null;
        default:
            throw new IOException("unexpected " + token);
        }
    }

    /**
     * @param value plain values; anything else is written as Jackson's object mapper writes it
     * @param pretty indented for people (the mapper's default pretty printer), else on one line
     * @return the JSON text
     */
    public static String write(Object value, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            if (pretty) {
                out.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(out, value);
        } catch (IOException e) {
            // a StringWriter does not fail; a value the mapper cannot write is a programming error
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else {
            Mapper.write(out, value);
        }
    }

    /**
     * Loaded only when a value is not plain (a Java decoder's own type): in-process, never in a client. The
     * mapper's type appears in no signature of the enclosing class, so verifying that class loads nothing of
     * the mapper's.
     */
    private static final class Mapper {
        private static final ObjectMapper INSTANCE = new ObjectMapper();

        static void write(JsonGenerator out, Object value) throws IOException {
            out.setCodec(INSTANCE);
            out.writeObject(value);
        }
    }
}
