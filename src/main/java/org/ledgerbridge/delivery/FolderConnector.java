package org.ledgerbridge.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder the GL imports files from, in one of the export formats: the chart is the one imported
 * for the target (kind gl-accounts); files appear whole (written hidden, then renamed) and are named
 * after the journals they hold, so a send repeated after a crash rewrites the same file. A folder
 * cannot be asked what the GL took from it.
 */
final class FolderConnector implements GlConnector {

    private final JdbcClient jdbc;

    FolderConnector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Check check(GlTarget target) {
        Set<String> chart = jdbc.sql("SELECT entity_code || '/' || account FROM gl_account WHERE target = ? AND active")
                .param(target.name()).query(String.class).set();
        return (id, journal) -> {
            if (chart.isEmpty()) {
                return List.of(new GlSending.Problem(id, 0, GlRule.NO_GL_CHART, "no chart of accounts was imported for target "
                        + target.name() + " (import the GL's chart of accounts for it: kind gl-accounts)"));
            }
            List<GlSending.Problem> problems = new ArrayList<>();
            for (int l = 0; l < journal.lines().size(); l++) {
                GlJournal.Line line = journal.lines().get(l);
                if (!chart.contains(journal.entity() + "/" + line.account())) {
                    problems.add(new GlSending.Problem(id, l + 1, GlRule.UNKNOWN_GL_ACCOUNT, "the GL has no active account "
                            + line.account() + " for " + journal.entity()));
                }
            }
            return problems;
        };
    }

    @Override
    public GlSending.Sending send(Map<Long, GlJournal> journals, GlTarget target, Deliveries deliveries, List<Long> alreadySent) {
        GlFormat format = GlFormats.named(target.format()).orElseThrow();
        Path folder = Path.of(target.path());
        String batchKey = "lb-" + journals.keySet().stream().mapToLong(Long::longValue).min().orElse(0) + "-"
                + Integer.toHexString(journals.keySet().hashCode());
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            GlFiles files = new GlFiles(format, new GlFiles.Sink() {
                @Override
                public Writer open(String fileName) throws IOException {
                    Path part = folder.resolve("." + fileName + ".part");
                    written.add(part);
                    return Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                }

                @Override
                public void close(String fileName, Writer writer) throws IOException {
                    writer.close();
                }
            }, (entity, part, capped) -> entity + "_" + batchKey + (part > 1 ? "_" + part : "") + "." + format.extension(), e -> List.of());
            for (GlJournal journal : journals.values().stream().sorted(Comparator.comparing(GlJournal::entity)).toList()) {
                var refusal = files.write(journal);
                if (refusal.isPresent()) {
                    for (Path part : written) {
                        Files.deleteIfExists(part);
                    }
                    return new GlSending.SendRefused(refusal.get().code(), refusal.get().message(), List.of());
                }
            }
            files.finish();
            for (Path part : written) {
                String name = part.getFileName().toString();
                Files.move(part, part.resolveSibling(name.substring(1, name.length() - ".part".length())),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            return new GlSending.SendFailed("cannot write into " + folder + ": " + e.getMessage(), List.of(), List.of());
        }
        deliveries.record(journals.keySet(), "SENT");
        return new GlSending.Sent(List.copyOf(journals.keySet()), alreadySent);
    }

    @Override
    public Map<Long, Boolean> has(List<Long> ids, GlTarget target) {
        Map<Long, Boolean> found = new LinkedHashMap<>();
        ids.forEach(id -> found.put(id, false));
        return found;
    }
}
