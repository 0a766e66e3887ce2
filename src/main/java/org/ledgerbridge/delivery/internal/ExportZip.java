package org.ledgerbridge.delivery.internal;

import org.ledgerbridge.delivery.GlExport;
import org.ledgerbridge.delivery.GlFiles;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The ZIP of an export: each GL file an entry, then the manifest; its SHA-256 taken while it is written. */
public final class ExportZip implements AutoCloseable {

    private final MessageDigest sha = sha256();
    private final ZipOutputStream zip;

    public ExportZip(Path file) throws IOException {
        // deflate hands over 512 bytes at a time: buffered, the file and the digest see large writes
        this.zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha), 1 << 20));
        zip.setLevel(Deflater.BEST_SPEED); // the files are text: fast deflate still shrinks them five-fold
    }

    /** Where the GL files go: one entry each, written as UTF-8. */
    public GlFiles.Sink files() {
        return new GlFiles.Sink() {
            @Override
            public Writer open(String fileName) throws IOException {
                zip.putNextEntry(new ZipEntry(fileName));
                return new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the ZIP stays open for the next entry
                    }
                }, StandardCharsets.UTF_8), 1 << 16);
            }

            @Override
            public void close(String fileName, Writer writer) throws IOException {
                writer.flush();
                zip.closeEntry();
            }
        };
    }

    /** manifest.csv: per file its entity, journals, lines and totals, for the person who imports it into the GL. */
    public void manifest(List<GlExport.ManifestEntry> entries) throws IOException {
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        StringBuilder text = new StringBuilder("ENTITY,FILE,JOURNALS,LINES,DEBIT,CREDIT\r\n");
        for (GlExport.ManifestEntry entry : entries) {
            text.append(String.join(",", entry.entity(), entry.file(), String.valueOf(entry.journals()),
                    String.valueOf(entry.lines()), entry.debit().toPlainString(), entry.credit().toPlainString())).append("\r\n");
        }
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The SHA-256 of the bytes written, once closed. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** On disk, not only in the page cache: before the transaction that records the export commits. */
    public static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    public static String sha256Hex(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
