package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.CommandTable;
import io.fwgate.tables.EffectMapping;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.Problem;
import io.fwgate.tables.TableParser;

/**
 * Reads a bundle's command tables straight from the jar, as data (no class of the bundle is loaded), and
 * checks every command's need against the cap of whoever vouches for the bundle. The need is what the
 * gate will require from the table alone: the declared level raised by the declared effects.
 */
final class TableCaps {
    private TableCaps() {
    }

    /**
     * @param jar the staged jar
     * @param headers its bundle headers
     * @param cap the most its commands may need
     * @param maxTableBytes the largest table resource read
     * @return how many commands the tables declare
     * @throws Refusal {@link Reason#BAD_TABLE} or {@link Reason#LEVEL_ABOVE_CAP}
     * @throws IOException if the jar cannot be read
     */
    static int check(JarFile jar, BundleHeaders headers, Cap cap, int maxTableBytes) throws Refusal, IOException {
        int commands = 0;
        for (String resource : headers.tables()) {
            CommandTable table = parse(jar, headers.symbolicName(), resource, maxTableBytes);
            for (CommandSpec spec : table.commands()) {
                Level level = spec.declaredLevel().max(EffectMapping.levelOf(spec.effects()));
                Reach reach = EffectMapping.reachOf(spec.effects());
                if (!cap.allows(level, reach)) {
                    throw new Refusal(Reason.LEVEL_ABOVE_CAP, resource + ": command '" + spec.name() + "' needs "
                            + level.id() + "/" + reach.id() + ", above the cap of " + cap + " for this bundle's signer");
                }
            }
            commands += table.commands().size();
        }
        return commands;
    }

    private static CommandTable parse(JarFile jar, String symbolicName, String resource, int maxTableBytes)
            throws Refusal, IOException {
        ZipEntry entry = jar.getEntry(resource.startsWith("/") ? resource.substring(1) : resource);
        if (entry == null || entry.isDirectory()) {
            throw new Refusal(Reason.BAD_TABLE, "the manifest names the table " + resource + ", which is not in the jar");
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readNBytes(maxTableBytes + 1);
        }
        if (bytes.length > maxTableBytes) {
            throw new Refusal(Reason.BAD_TABLE, resource + " is larger than " + maxTableBytes + " bytes");
        }
        ParseResult result = TableParser.parse(symbolicName + "!/" + resource, bytes);
        if (!result.problems().isEmpty()) {
            Problem first = result.problems().get(0);
            String more = result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more)" : "";
            throw new Refusal(Reason.BAD_TABLE, resource + first.location() + ": " + first.message() + more);
        }
        return result.table().orElseThrow();
    }
}
