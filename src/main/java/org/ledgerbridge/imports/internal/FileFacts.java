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
 */
public record FileFacts(String sha256, boolean utf8, boolean utf8Bom, boolean xlsx, long bytes) {

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
        boolean zip = false;
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
                    first = false;
                }
                total += n;
                if (validUtf8 && !zip) {
                    pending.put(chunk, 0, n).flip();
                    while (true) {
                        sink.clear();
                        var result = utf8.decode(pending, sink, false);
                        if (result.isError()) {
                            validUtf8 = false;
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
        }
        return new FileFacts(HexFormat.of().formatHex(sha.digest()), validUtf8, bom, zip, total);
    }
}
