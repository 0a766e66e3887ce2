package org.ledgerbridge.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Users never saw the design documents: no help text, screen or README line names them ("seed 002"). */
class WordingForUsersTest {

    private static final Pattern DESIGN_DOCUMENT = Pattern.compile("(?i)seed \\d{3}");

    @Test
    void no_command_help_names_a_design_document() {
        List<String> helps = new ArrayList<>();
        collect(LedgerBridgeCli.commandLine(new LedgerBridgeCli()), helps);

        assertThat(helps).hasSizeGreaterThan(20).noneMatch(help -> DESIGN_DOCUMENT.matcher(help).find());
    }

    @Test
    void no_screen_and_no_readme_line_names_a_design_document() throws IOException {
        List<Path> files;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            files = new ArrayList<>(templates.filter(Files::isRegularFile).toList());
        }
        files.add(Path.of("README.md"));
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(DESIGN_DOCUMENT);
        }
    }

    /** A refusal reaches the screens and the API too: it says what to do in words, never which command to run. */
    @Test
    void no_message_outside_the_command_line_tells_the_user_to_run_a_command() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern command = Pattern.compile("`(ledgerbridge|import|batch|documents|gl|migration-mode|export|user|setting)\\b|(?<![\\w-])--[a-z]");
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> all = Files.walk(Path.of("src/main/java/org/ledgerbridge"))) {
            sources = all.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/cli/")
                    && !f.toString().contains("/storage/")).toList();
        }
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                String code = line.strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*") || code.startsWith("@")) {
                    continue; // comments and annotations (help texts of the API document) are not messages
                }
                var strings = literal.matcher(code);
                while (strings.find()) {
                    if (command.matcher(strings.group()).find()) {
                        found.add(source.getFileName() + ": " + strings.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void every_format_option_lists_every_format_the_writers_have() {
        CommandLine cli = LedgerBridgeCli.commandLine(new LedgerBridgeCli());
        for (String[] command : List.of(new String[]{"export", "gl"}, new String[]{"convert", "imis"}, new String[]{"gl", "target", "add"})) {
            CommandLine sub = cli;
            for (String name : command) {
                sub = sub.getSubcommands().get(name);
            }
            assertThat(sub.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ")).as(String.join(" ", command))
                    .contains(String.join(", ", org.ledgerbridge.delivery.GlFormats.names()));
        }
    }

    private static void collect(CommandLine command, List<String> helps) {
        helps.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        command.getSubcommands().values().forEach(sub -> collect(sub, helps));
    }
}
