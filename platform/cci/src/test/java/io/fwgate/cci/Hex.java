package io.fwgate.cci;

import java.util.HexFormat;

/** Test bytes written as hex, spaces allowed, so fixtures read like the spec's byte tables. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("|", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
