package org.ledgerbridge.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files handed to the browser or an API client as attachments. */
public final class Downloads {

    private Downloads() {
    }

    public static void send(Path file, String contentType, HttpServletResponse response) throws IOException {
        response.setContentType(contentType);
        response.setContentLengthLong(Files.size(file));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + safeName(file.getFileName().toString()) + "\"");
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file, out);
        }
    }

    /** An import kind's template (CSV or XLSX); false when there is no such kind (nothing sent). */
    public static boolean sendTemplate(String kind, String format, HttpServletResponse response) throws IOException {
        org.ledgerbridge.imports.ImportTemplates.Format chosen = "xlsx".equalsIgnoreCase(format)
                ? org.ledgerbridge.imports.ImportTemplates.Format.XLSX : org.ledgerbridge.imports.ImportTemplates.Format.CSV;
        if (org.ledgerbridge.imports.ImportTemplates.columns(kind).isEmpty()) {
            return false;
        }
        response.setContentType(chosen.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + safeName(org.ledgerbridge.imports.ImportTemplates.fileName(kind, chosen)) + "\"");
        try (OutputStream out = response.getOutputStream()) {
            org.ledgerbridge.imports.ImportTemplates.write(kind, chosen, out);
        }
        return true;
    }

    static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The files of a folder (not its sub-folders) in one ZIP, sent as {@code name}. */
    public static void sendZipOf(Path folder, String name, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + safeName(name) + "\"");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream());
             var listing = Files.list(folder)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
