package org.ledgerbridge.delivery;

import org.ledgerbridge.delivery.formats.LedgerJournal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Ledger (hledger) journal file as the GL: its {@code account} directives are the chart, journals
 * are appended with their key as a comment, so a crash between the append and the record is found,
 * not repeated, on the next send.
 */
final class LedgerFileConnector implements GlConnector {

    private static final Pattern KEY_IN_FILE = Pattern.compile("; lb-key: lb-(\\d+)");

    @Override
    public Check check(GlTarget target) {
        Set<String> chart = chartOf(Path.of(target.path()));
        return (id, journal) -> {
            List<GlSending.Problem> problems = new ArrayList<>();
            for (int l = 0; l < journal.lines().size(); l++) {
                GlJournal.Line line = journal.lines().get(l);
                String name = LedgerJournal.name(line.kind(), line.account());
                if (!chart.contains(name)) {
                    problems.add(new GlSending.Problem(id, l + 1, GlRule.UNKNOWN_GL_ACCOUNT, "the GL has no active account " + name));
                }
            }
            return problems;
        };
    }

    @Override
    public GlSending.Sending send(Map<Long, GlJournal> journals, GlTarget target, Deliveries deliveries, List<Long> alreadySent) {
        Path file = Path.of(target.path());
        try {
            Set<Long> inFile = keysIn(file); // appended by a send that crashed before recording it
            StringWriter text = new StringWriter();
            LedgerJournal ledger = new LedgerJournal();
            for (Map.Entry<Long, GlJournal> entry : journals.entrySet()) {
                if (!inFile.contains(entry.getKey())) {
                    text.write("; lb-key: lb-" + entry.getKey() + "\n");
                    ledger.journal(text, entry.getValue(), 0);
                }
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".part");
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return new GlSending.SendFailed("cannot append to " + file + ": " + e.getMessage(), List.of(), List.of());
        }
        deliveries.record(journals.keySet(), "SENT");
        return new GlSending.Sent(List.copyOf(journals.keySet()), alreadySent);
    }

    @Override
    public Map<Long, Boolean> has(List<Long> ids, GlTarget target) {
        Set<Long> inFile = keysIn(Path.of(target.path()));
        Map<Long, Boolean> found = new LinkedHashMap<>();
        ids.forEach(id -> found.put(id, inFile.contains(id)));
        return found;
    }

    /** The `account` directives of a Ledger journal: the GL's chart. */
    private static Set<String> chartOf(Path file) {
        Set<String> accounts = new HashSet<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("account ")) {
                        accounts.add(line.substring("account ".length()).split("\\s{2,}|\\s*;")[0].strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accounts;
    }

    private static Set<Long> keysIn(Path file) {
        Set<Long> keys = new HashSet<>();
        try {
            if (Files.exists(file)) {
                Matcher matcher = KEY_IN_FILE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(Long.parseLong(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
