package io.fwgate.tables;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a table: the table when it has no problems, and the problems otherwise.
 *
 * @param table the table, present only when {@code problems} is empty
 * @param problems everything wrong, in document order
 */
public record ParseResult(Optional<CommandTable> table, List<Problem> problems) {
    public ParseResult {
        problems = List.copyOf(problems);
    }
}
