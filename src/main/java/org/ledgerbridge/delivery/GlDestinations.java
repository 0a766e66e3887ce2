package org.ledgerbridge.delivery;

import org.ledgerbridge.ledger.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where GL targets may write and send, as the operator who runs LedgerBridge set it, not as an
 * ADMIN of the screens chooses: file and ledger targets write under one folder
 * ({@code LEDGERBRIDGE_GL_DIR}; by default the {@code gl} folder of the ledger's data dir; a
 * relative path is taken inside it), http targets send only to URLs that begin with one of
 * {@code LEDGERBRIDGE_GL_URLS} (comma-separated; none by default). Checked when a target is added
 * and again before each validation, send or reconciliation.
 */
@Component
public class GlDestinations {

    /** {@code code}: GL_DIR_NOT_SET, PATH_OUTSIDE_GL_DIR, GL_URL_NOT_ALLOWED. */
    public record Refusal(ErrorCode code, String message) {
    }

    private final Path folder;
    private final List<String> urls;

    public GlDestinations(@Value("${ledgerbridge.gl-dir:${LEDGERBRIDGE_GL_DIR:}}") String folder,
                          @Value("${ledgerbridge.data-dir:}") String dataDir,
                          @Value("${ledgerbridge.gl-urls:${LEDGERBRIDGE_GL_URLS:}}") String urls) {
        this.folder = !folder.isBlank() ? Path.of(folder).toAbsolutePath().normalize()
                : !dataDir.isBlank() ? Path.of(dataDir).toAbsolutePath().normalize().resolve("gl") : null;
        this.urls = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    /** The folder file and ledger targets write under, when the operator set one (or the ledger has a data dir). */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Where {@code path} is, taken inside the GL folder when relative. */
    public Path place(String path) {
        Path given = Path.of(path);
        return (given.isAbsolute() || folder == null ? given : folder.resolve(given)).toAbsolutePath().normalize();
    }

    /** Why a file or ledger target may not be at {@code path}; empty when it may. */
    public Optional<Refusal> refusalOfPath(String path) {
        if (folder == null) {
            return Optional.of(new Refusal(GlRule.GL_DIR_NOT_SET, "file and ledger targets write under the folder the operator sets in "
                    + "LEDGERBRIDGE_GL_DIR, and none is set"));
        }
        Path placed = place(path);
        if (!placed.startsWith(folder) || !real(placed).startsWith(real(folder))) {
            return Optional.of(new Refusal(GlRule.PATH_OUTSIDE_GL_DIR, placed + " is not inside " + folder
                    + ", the folder GL files are written under (LEDGERBRIDGE_GL_DIR)"));
        }
        return Optional.empty();
    }

    /** Why an http target may not send to {@code url}; empty when it may. */
    public Optional<Refusal> refusalOfUrl(String url) {
        if (url != null && urls.stream().anyMatch(url::startsWith)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(GlRule.GL_URL_NOT_ALLOWED, (url == null ? "no URL" : url) + " is not among the GL addresses the "
                + "operator allows (LEDGERBRIDGE_GL_URLS" + (urls.isEmpty() ? ", which is not set" : ": " + String.join(", ", urls)) + ")"));
    }

    public Optional<Refusal> refusalOf(GlTarget target) {
        return target.type() == GlTarget.Type.http ? refusalOfUrl(target.url()) : refusalOfPath(target.path());
    }

    /** The path with its symbolic links followed as far as it exists: a link inside the folder may not lead out of it. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
