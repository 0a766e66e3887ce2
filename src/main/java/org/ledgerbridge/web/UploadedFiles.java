package org.ledgerbridge.web;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Uploaded files kept on disk between the preview and the commit, under a random folder per
 * upload; the name is the uploaded file's own (what the import report and history show),
 * stripped of any path. Removed when the application stops.
 */
@Component
public class UploadedFiles {

    private final Path root;

    UploadedFiles() throws IOException {
        this.root = Files.createTempDirectory("ledgerbridge-uploads");
    }

    public Path save(MultipartFile upload) throws IOException {
        Path folder = Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
        Path file = folder.resolve(safeName(upload.getOriginalFilename()));
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The token of an upload, to find it again on the next request. */
    public static String token(Path upload) {
        return upload.getParent().getFileName().toString();
    }

    public java.util.Optional<Path> find(String token) {
        return folder(token).flatMap(folder -> {
            try (var files = Files.list(folder)) {
                return files.filter(Files::isRegularFile).findFirst();
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** A folder made by {@link #newFolder()}, by its name. */
    public java.util.Optional<Path> folder(String token) {
        try {
            UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        Path folder = root.resolve(token);
        return Files.isDirectory(folder) ? java.util.Optional.of(folder) : java.util.Optional.empty();
    }

    /** A new empty folder for output (converted files, an export). */
    public Path newFolder() throws IOException {
        return Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
    }

    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f]", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
    }

    @PreDestroy
    void removeAll() {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            // temporary files only; the operating system cleans its temp folder
        }
    }
}
