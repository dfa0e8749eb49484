package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSigner;
import java.security.cert.CertPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Finds who signed which entries of a jar, with the JDK's own jar verifier
 * (what jarsigner -verify uses): reading an entry to its end checks its digest against the signed
 * manifest. Felix ignores signatures, so this is the only check there is. Run only after {@link ZipScan},
 * which bounds what the JDK reads into memory.
 */
final class SignatureCheck {
    /** The most an empty entry takes compressed: nothing stored, or the 2 bytes of an empty deflate stream. */
    private static final long EMPTY_DEFLATED = 2;
    private static final int BUFFER = 64 * 1024;

    private SignatureCheck() {
    }

    /**
     * @param jar the staged jar, opened with verification on
     * @return every signer's certificate path, with the first entry it did not sign (empty if it signed
     *         all); signers who signed every entry come first. Never empty.
     * @throws Refusal {@link Reason#UNSIGNED}, {@link Reason#TAMPERED}, {@link Reason#ENTRIES_ADDED} or
     *         {@link Reason#UNSIGNED_ENTRIES}
     * @throws IOException if the jar cannot be read
     */
    static Map<CertPath, Optional<String>> signers(JarFile jar) throws Refusal, IOException {
        Manifest manifest = jar.getManifest();
        Set<String> signed;
        try {
            signed = signedNames(jar);
        } catch (SecurityException e) {
            throw new Refusal(Reason.TAMPERED, "the signature files do not match the manifest (" + e.getMessage() + ")");
        }
        if (signed == null) {
            throw new Refusal(Reason.UNSIGNED, "the bundle is not signed (no META-INF/*.SF signature file)");
        }
        List<String> names = new ArrayList<>();
        List<Set<CertPath>> signersOf = new ArrayList<>();
        Set<String> present = new HashSet<>();
        byte[] buffer = new byte[BUFFER];
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            present.add(entry.getName());
            if (entry.isDirectory()) {
                emptyDirectory(jar, entry);
                continue;
            }
            if (isSignatureFile(entry.getName())) {
                continue;
            }
            readToEnd(jar, entry, buffer);
            CodeSigner[] signers = entry.getCodeSigners();
            if (signers == null) {
                throw unsigned(entry.getName(), manifest, signed);
            }
            names.add(entry.getName());
            signersOf.add(Arrays.stream(signers).map(CodeSigner::getSignerCertPath).collect(Collectors.toSet()));
        }
        List<String> missing = new ArrayList<>(signed);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new Refusal(Reason.TAMPERED, "the signed entry " + missing.get(0) + " was removed after signing");
        }
        if (names.isEmpty()) {
            throw new Refusal(Reason.UNSIGNED, "the bundle has signature files but no signed entry");
        }
        return coverage(names, signersOf);
    }

    private static Map<CertPath, Optional<String>> coverage(List<String> names, List<Set<CertPath>> signersOf) {
        Map<CertPath, Optional<String>> complete = new LinkedHashMap<>();
        Map<CertPath, Optional<String>> partial = new LinkedHashMap<>();
        Set<CertPath> all = new LinkedHashSet<>();
        signersOf.forEach(all::addAll);
        for (CertPath signer : all) {
            int gap = 0;
            while (gap < names.size() && signersOf.get(gap).contains(signer)) {
                gap++;
            }
            if (gap == names.size()) {
                complete.put(signer, Optional.empty());
            } else {
                partial.put(signer, Optional.of(names.get(gap)));
            }
        }
        complete.putAll(partial);
        return complete;
    }

    /**
     * No signature ever covers a name ending in '/': such an entry may be there, but may carry nothing.
     * The sizes are checked as well as the bytes read: the verifying stream stops at the entry's size,
     * while a plain zip reader (the framework's) reads a stored entry to its compressed size, so a stored
     * directory entry of size 0 could still carry data past what this stream shows.
     */
    private static void emptyDirectory(JarFile jar, JarEntry entry) throws Refusal, IOException {
        if (entry.getSize() != 0 || entry.getCompressedSize() > EMPTY_DEFLATED) {
            throw new Refusal(Reason.UNSIGNED_ENTRIES, "the entry " + entry.getName()
                    + " is named as a directory but carries data, which no signature covers");
        }
        try (InputStream in = jar.getInputStream(entry)) {
            if (in.read() >= 0) {
                throw new Refusal(Reason.UNSIGNED_ENTRIES, "the entry " + entry.getName()
                        + " is named as a directory but carries data, which no signature covers");
            }
        }
    }

    private static void readToEnd(JarFile jar, JarEntry entry, byte[] buffer) throws Refusal, IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            while (in.read(buffer) >= 0) {
                // the verifier compares the digest when the stream reaches its end
            }
        } catch (SecurityException e) {
            throw new Refusal(Reason.TAMPERED, "changed after signing: " + entry.getName() + " does not match the "
                    + "signature (" + e.getMessage() + ")");
        }
    }

    private static Refusal unsigned(String name, Manifest manifest, Set<String> signed) {
        if (manifest == null || manifest.getAttributes(name) == null) {
            return new Refusal(Reason.ENTRIES_ADDED, "the entry " + name
                    + " was added after signing (the signed manifest has no digest for it)");
        }
        if (signed.contains(name)) {
            return new Refusal(Reason.TAMPERED, "the manifest's digest for " + name
                    + " was changed after signing (or its signature uses a disabled algorithm)");
        }
        return new Refusal(Reason.UNSIGNED_ENTRIES, "the entry " + name
                + " has a digest in the manifest but no signature covers it");
    }

    /** @return the entry names the signature files cover, or null if the jar has no signature file */
    private static Set<String> signedNames(JarFile jar) throws IOException {
        Set<String> names = null;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            String upper = entry.getName().toUpperCase(Locale.ROOT);
            if (isSignatureFile(entry.getName()) && upper.endsWith(".SF")) {
                names = names == null ? new HashSet<>() : names;
                try (InputStream in = jar.getInputStream(entry)) {
                    names.addAll(new Manifest(in).getEntries().keySet());
                }
            }
        }
        return names;
    }

    /** The names the JDK's verifier treats as the signature itself, never as signed content. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA")
                || file.endsWith(".EC") || file.startsWith("SIG-");
    }
}
