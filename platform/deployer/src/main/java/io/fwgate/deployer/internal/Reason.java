package io.fwgate.deployer.internal;

import java.util.Locale;

/** Why the deployer refused or unloaded a bundle; users see {@link #id()} as the {@code reason}. */
enum Reason {
    /** No entry of the bundle is signed. */
    UNSIGNED,
    /** Signed, but by no certificate the trust store holds or chains to. */
    UNTRUSTED_SIGNER,
    /** A certificate of the signer's chain has expired. */
    CERTIFICATE_EXPIRED,
    /** A certificate of the signer's chain is not valid yet. */
    CERTIFICATE_NOT_YET_VALID,
    /** The trust store's own validity window for the signer has ended. */
    TRUST_EXPIRED,
    /** The trust store's own validity window for the signer has not begun. */
    TRUST_NOT_YET_VALID,
    /** The trusted signer may not sign bundles of this symbolic name. */
    OUTSIDE_SIGNER_SCOPE,
    /** A certificate of the signer's chain is on the deny list. */
    REVOKED_CERTIFICATE,
    /** The file's SHA-256 is on the deny list. */
    REVOKED_BUNDLE,
    /** An entry or the manifest was changed, or a signed entry removed, after signing. */
    TAMPERED,
    /** Entries were added after signing: the manifest has no digest for them. */
    ENTRIES_ADDED,
    /** Entries have a digest in the manifest that no signature covers. */
    UNSIGNED_ENTRIES,
    /** A command needs a level or reach above what the signer (or dev mode) may declare. */
    LEVEL_ABOVE_CAP,
    /** A command table named in the manifest is missing or invalid. */
    BAD_TABLE,
    /** A vetted set exists and this exact bundle is not in it. */
    NOT_VETTED,
    /** Not a bundle: empty, not a zip, no manifest, or no valid bundle headers. */
    NOT_A_BUNDLE,
    /** The file is larger than the configured maximum. */
    TOO_LARGE,
    /** Too many entries, too many uncompressed bytes, or too high a compression ratio. */
    ZIP_BOMB,
    /** The trust store, vetted set, deny list or dev policy is invalid: nothing is trusted until fixed. */
    INVALID_CONFIGURATION,
    /** Verified, but the framework would not install or start it. */
    INSTALL_FAILED,
    /** The audit record could not be written, so the bundle was not installed. */
    AUDIT_FAILED,
    /** The file could not be read. */
    UNREADABLE;

    /** @return the kebab-case id shown by {@code fwgate plugins} and written to the audit log */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
