package org.ledgerbridge.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over the raw bytes: the SHA-256 that identifies the file, and whether the
 * bytes are valid UTF-8 (otherwise the file is read as Windows-1252, what Excel writes on Windows).
 * Also what makes a file no text CSV at all: a UTF-16 byte-order mark, a NUL byte, or bytes that
 * are not UTF-8 in a file whose byte-order mark says it is.
 *
 * @param nulOffset          the offset of the first NUL byte, or -1
 * @param invalidUtf8Offset  the offset of the first byte that is not UTF-8 (about), or -1
 */
public record FileFacts(String sha256, boolean utf8, boolean utf8Bom, boolean utf16Bom, boolean xlsx, long bytes, long nulOffset,
                        long invalidUtf8Offset) {

    /** The 1-based line of the file that holds the byte at {@code offset}. */
    public static long lineAt(Path file, long offset) throws IOException {
        long line = 1;
        long position = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (position < offset && (n = in.read(chunk)) > 0) {
                for (int i = 0; i < n && position < offset; i++, position++) {
                    if (chunk[i] == '\n') {
                        line++;
                    }
                }
            }
        }
        return line;
    }

    public static FileFacts of(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        boolean bom = false;
        boolean utf16 = false;
        boolean zip = false;
        long nul = -1;
        long invalid = -1;
        long total = 0;
        byte[] chunk = new byte[1 << 16];
        ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
        CharBuffer sink = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.read(chunk)) > 0) {
                sha.update(chunk, 0, n);
                if (first) {
                    bom = n >= 3 && (chunk[0] & 0xff) == 0xEF && (chunk[1] & 0xff) == 0xBB && (chunk[2] & 0xff) == 0xBF;
                    zip = n >= 4 && chunk[0] == 'P' && chunk[1] == 'K' && chunk[2] == 3 && chunk[3] == 4;
                    utf16 = n >= 2 && ((chunk[0] & 0xff) == 0xFF && (chunk[1] & 0xff) == 0xFE
                            || (chunk[0] & 0xff) == 0xFE && (chunk[1] & 0xff) == 0xFF);
                    first = false;
                }
                if (nul < 0 && !zip) {
                    for (int i = 0; i < n; i++) {
                        if (chunk[i] == 0) {
                            nul = total + i;
                            break;
                        }
                    }
                }
                total += n;
                if (validUtf8 && !zip) {
                    pending.put(chunk, 0, n).flip();
                    while (true) {
                        sink.clear();
                        var result = utf8.decode(pending, sink, false);
                        if (result.isError()) {
                            validUtf8 = false;
                            invalid = total - pending.remaining();
                            break;
                        }
                        if (result.isUnderflow()) {
                            break;
                        }
                    }
                    pending.compact();
                }
            }
        }
        if (validUtf8 && !zip) {
            pending.flip();
            sink.clear();
            validUtf8 = !utf8.decode(pending, sink, true).isError() && !utf8.flush(sink).isError();
            if (!validUtf8) {
                invalid = total - pending.remaining();
            }
        }
        return new FileFacts(HexFormat.of().formatHex(sha.digest()), validUtf8, bom, utf16, zip, total, nul, invalid);
    }
}
