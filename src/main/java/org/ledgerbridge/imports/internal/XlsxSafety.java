package org.ledgerbridge.imports.internal;

import org.ledgerbridge.ledger.ErrorCode;

import org.ledgerbridge.imports.ImportRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an XLSX must not be, checked from its ZIP directory before any sheet is parsed: a zip bomb
 * (parts that inflate far beyond their size), entries whose names leave the workbook (`../`), or
 * XML parts that declare a DTD or entities (XXE). Declared sizes are trusted here; the sheet reader
 * streams, so a part that lies about its size still cannot fill the heap.
 */
public final class XlsxSafety {

    static final long LARGEST_PART = 1L << 30;          // 1 GiB of XML for one part
    static final long LARGEST_WORKBOOK = 2L << 30;      // 2 GiB in all
    static final long SUSPICIOUS_RATIO = 100;           // inflates 100 times ...
    static final long SUSPICIOUS_SIZE = 64L << 20;      // ... to more than 64 MiB
    static final int MOST_ENTRIES = 10_000;

    public record Problem(ErrorCode code, String message) {
    }

    private XlsxSafety() {
    }

    public static Optional<Problem> check(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MOST_ENTRIES) {
                return Optional.of(new Problem(ImportRule.ZIP_BOMB, "the workbook has " + zip.size() + " parts; an XLSX has a few dozen"));
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")
                        || name.contains(":")) {
                    return Optional.of(new Problem(ImportRule.UNSAFE_ZIP_ENTRY, "the workbook holds a part named '" + entry.getName()
                            + "', outside the workbook: it was made to attack, not to be read"));
                }
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                total += Math.max(0, size);
                if (size > LARGEST_PART || total > LARGEST_WORKBOOK
                        || size > SUSPICIOUS_SIZE && size / compressed > SUSPICIOUS_RATIO) {
                    return Optional.of(new Problem(ImportRule.ZIP_BOMB, "the part " + entry.getName() + " inflates from " + compressed
                            + " to " + size + " bytes: refused as a zip bomb"));
                }
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        String prolog = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                        if (prolog.contains("<!DOCTYPE") || prolog.contains("<!ENTITY")) {
                            return Optional.of(new Problem(ImportRule.MALFORMED_XLSX, "the part " + entry.getName()
                                    + " declares a DTD or entities, which no spreadsheet writes: refused (XXE)"));
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            return Optional.of(new Problem(ImportRule.MALFORMED_XLSX, "the file is not a readable XLSX workbook: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
