package org.ledgerbridge.storage;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL programs shipped inside the jar (zonky's binaries archive), unpacked once per
 * version into the user's cache ({@code $XDG_CACHE_HOME/ledgerbridge} or {@code ~/.cache/ledgerbridge}).
 * A start that finds them there reads nothing from the 15 MB archive.
 */
final class PostgresBinaries {

    private static final Pattern VERSION_IN_JAR = Pattern.compile("-(\\d+\\.\\d+\\.\\d+)\\.jar");

    private PostgresBinaries() {
    }

    /** The folder holding {@code pg_ctl}, {@code initdb} and {@code postgres}. */
    static Path bin() {
        Path home = cache().resolve("postgres-" + version());
        Path bin = home.resolve("bin");
        if (Files.isExecutable(bin.resolve("pg_ctl"))) {
            return bin;
        }
        try {
            Files.createDirectories(home.getParent());
            try (FileChannel channel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) { // one process unpacks, the others wait for it
                if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
                    Path partial = home.resolveSibling(home.getFileName() + ".part-" + ProcessHandle.current().pid());
                    org.springframework.util.FileSystemUtils.deleteRecursively(partial);
                    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), architecture())) {
                        unpack(archive, partial);
                    }
                    Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return bin;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack the embedded PostgreSQL into " + home + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    permissions(path, entry.getMode());
                }
            }
        }
    }

    private static void permissions(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            path.toFile().setExecutable((mode & 0100) != 0);
        }
    }

    /** The binaries' version, read from the name of the jar that carries them (e.g. 18.6.0). */
    private static String version() {
        URL archive = PostgresBinaries.class.getClassLoader()
                .getResource("postgres-" + os().toLowerCase() + "-" + architecture() + ".txz");
        if (archive == null) {
            throw new IllegalStateException("No embedded PostgreSQL for " + os() + " " + architecture()
                    + " in this jar: use an external PostgreSQL (--db-url)");
        }
        Matcher version = VERSION_IN_JAR.matcher(archive.toString());
        String found = null;
        while (version.find()) {
            found = version.group(1); // the innermost jar is the binaries' own
        }
        return found != null ? found : Integer.toHexString(archive.toString().hashCode());
    }

    private static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        if (Files.isDirectory(base) ? Files.isWritable(base) : base.getParent() != null && Files.isWritable(base.getParent())) {
            return base.resolve("ledgerbridge");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "ledgerbridge-" + System.getProperty("user.name", "user"));
    }

    private static String os() {
        String name = System.getProperty("os.name");
        return name.startsWith("Windows") ? "Windows" : name.startsWith("Mac") ? "Darwin" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
