package io.fwgate.kit;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The line each member and element of a JSON document starts on, by JSON pointer, so that a finding
 * located by pointer can also say where to look in an editor. Read in one streaming pass; a document
 * that is not JSON keeps the lines read before the error and the error's own line. Immutable.
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Integer> lines;
    private final int errorLine;

    private JsonLines(Map<String, Integer> lines, int errorLine) {
        this.lines = Map.copyOf(lines);
        this.errorLine = errorLine;
    }

    /**
     * @param json a document's bytes
     * @return the lines of its members and elements
     */
    static JsonLines of(byte[] json) {
        Map<String, Integer> lines = new HashMap<>();
        if (json == null) {
            return new JsonLines(lines, 0);
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                // a container's own context starts with it; its pointer is that of its place in the parent
                boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                JsonStreamContext place = opens && context.getParent() != null ? context.getParent() : context;
                lines.putIfAbsent(place.pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            return new JsonLines(lines, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (IOException e) {
            return new JsonLines(lines, 0);
        }
        return new JsonLines(lines, 0);
    }

    /**
     * @param pointer a JSON pointer, possibly naming a member the document lacks
     * @return the line of the pointer's member, else of its nearest ancestor present, else 0; for the
     *         document itself, the line of a syntax error if there is one
     */
    int lineOf(String pointer) {
        if (pointer.isEmpty() && errorLine > 0) {
            return errorLine;
        }
        for (String at = pointer;; at = at.substring(0, at.lastIndexOf('/'))) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 0;
            }
        }
    }
}
