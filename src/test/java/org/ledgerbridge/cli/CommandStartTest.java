package org.ledgerbridge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.OtherProcess;
import org.ledgerbridge.support.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command in its own process builds at start, and what it leaves out. */
class CommandStartTest {

    @Test
    void a_command_line_builds_only_the_command_it_names() {
        assertThat(LedgerBridgeCli.commandLine(new LedgerBridgeCli(), "--data-dir", "ledger", "--as-of=2026-11-21", "import", "payments", "x.csv")
                .getSubcommands()).containsOnlyKeys("import");
        assertThat(LedgerBridgeCli.commandLine(new LedgerBridgeCli(), "check").getSubcommands()).containsOnlyKeys("check");
    }

    @Test
    void help_a_word_that_names_no_command_or_an_unknown_option_first_builds_every_command() {
        int all = LedgerBridgeCli.commandLine(new LedgerBridgeCli()).getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        for (String[] args : new String[][]{{"help"}, {"help", "import"}, {"chekc"}, {"--bogus", "check"}, {"--help"}, {}}) {
            assertThat(LedgerBridgeCli.commandLine(new LedgerBridgeCli(), args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void the_command_word_is_never_a_global_option_or_its_value() {
        assertThat(CommandChannel.commandWord("--report", "json", "--data-dir", "check", "batch", "list")).contains("batch");
        assertThat(CommandChannel.commandWord("--lock-wait=5", "report", "trial-balance")).contains("report");
        assertThat(CommandChannel.commandWord("--data-dir", "d")).isEmpty();
    }

    @Test
    void a_command_in_its_own_process_uses_the_application_prepared_at_build_time(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        OtherProcess command = OtherProcess.ledgerbridgeIn(dir, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes),
                dir.resolve("out.log"), "--data-dir", dir.resolve("ledger").toString(), "import", "entities", Samples.file("entities.csv").toAbsolutePath().toString());

        assertThat(command.exitCode(Duration.ofSeconds(60))).as(command.output()).isZero();
        String loaded = Files.readString(classes);
        assertThat(loaded).as("the generated bean definitions, not a component scan")
                .contains("org.ledgerbridge.cli.CommandLineApplication__BeanDefinitions")
                .doesNotContain("org.springframework.context.annotation.ClassPathBeanDefinitionScanner ");
        assertThat(loaded).as("no Spring Boot start-up: config data, logging set up twice")
                .doesNotContain("org.springframework.boot.SpringApplicationRunListeners ")
                .doesNotContain("org.springframework.boot.context.config.ConfigDataEnvironment ");
        assertThat(loaded).as("logging without parsing logback.xml, and without the Log4j API")
                .contains("org.ledgerbridge.cli.CommandLogging ")
                .doesNotContain("ch.qos.logback.classic.joran.JoranConfigurator ")
                .doesNotContain("org.apache.logging.log4j.spi.Provider ");
    }

    @Test
    void picocli_is_compiled_with_our_classes_so_the_fast_start_archive_holds_it() throws Exception {
        try (java.io.DataInputStream classFile = new java.io.DataInputStream(
                picocli.CommandLine.class.getResourceAsStream("CommandLine.class"))) {
            classFile.readInt(); // magic
            classFile.readUnsignedShort(); // minor version
            assertThat(classFile.readUnsignedShort()).as("a Java 17 class file: class data sharing skips those before Java 6")
                    .isEqualTo(61);
        }
    }

    @Test
    void a_usage_error_exits_at_once_while_the_application_was_being_built(@TempDir Path dir) throws Exception {
        OtherProcess command = OtherProcess.ledgerbridgeIn(dir, Map.of(), dir.resolve("out.log"),
                "--data-dir", dir.resolve("ledger").toString(), "check", "--bogus");

        assertThat(command.exitCode(Duration.ofSeconds(60))).as(command.output()).isEqualTo(LedgerBridgeCli.USAGE);
        assertThat(command.output()).contains("Unknown option: '--bogus'");
        assertThat(dir.resolve("ledger")).as("no database started for a command that did not run").doesNotExist();
    }
}
