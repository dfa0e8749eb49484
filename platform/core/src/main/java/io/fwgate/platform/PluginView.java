package io.fwgate.platform;

import java.util.List;

/**
 * A plugin bundle as the platform sees it. Immutable.
 *
 * @param bundle the bundle's symbolic name
 * @param version its version
 * @param state {@code ACTIVE} when its tables are callable, {@code REFUSED} otherwise
 * @param reason why it was refused (a {@link RefusalReason}), or empty
 * @param detail the refusal's detail, naming the table and location; for an active plugin, what it does
 *        wrong now (a decoder that has not returned from an answer), else empty
 * @param tables the table resources it declares
 * @param commands how many commands it contributes
 */
public record PluginView(String bundle, String version, String state, String reason, String detail,
        List<String> tables, int commands) {
    public PluginView {
        tables = List.copyOf(tables);
    }
}
