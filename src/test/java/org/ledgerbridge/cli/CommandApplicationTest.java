package org.ledgerbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's application, built without Spring Boot's start-up: the same settings and logging as the server's. */
class CommandApplicationTest {

    @Test
    void a_command_reads_application_properties_and_its_own_options_come_first() {
        GlobalOptions global = new GlobalOptions();
        global.dbUrl = TestDatabase.newDatabaseUrl();
        global.dbUser = TestDatabase.user();
        global.dbPassword = TestDatabase.password();
        global.asOf = LocalDate.of(2026, 11, 21);

        try (LedgerRuntime ledger = LedgerRuntime.start(global, false, Map.of("spring.jdbc.template.fetch-size", 500))) {
            assertThat(ledger.bean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class, pool -> {
                assertThat(pool.getJdbcUrl()).isEqualTo(global.dbUrl);
                assertThat(pool.getMaximumPoolSize()).as("spring.datasource.hikari.maximum-pool-size").isEqualTo(8);
            });
            assertThat(ledger.bean(JdbcTemplate.class).getFetchSize()).as("the command's option over application.properties' 10000")
                    .isEqualTo(500);
            assertThat(ledger.context().getEnvironment().getProperty("ledgerbridge.as-of")).isEqualTo("2026-11-21");
        }
    }

    @Test
    void a_command_logs_as_logback_xml_says_without_reading_it() throws IOException {
        LoggerContext context = new LoggerContext();
        new CommandLogging().configure(context);

        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.ledgerbridge").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.springdoc.core.events").getLevel()).isEqualTo(Level.ERROR);
        String pattern = patternOfLogbackXml();
        assertThat(context.getLogger("ROOT").getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, stderr -> {
            assertThat(stderr.getTarget()).as("standard output carries the reports").isEqualTo("System.err");
            assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).isEqualTo(pattern);
        });
    }

    @Test
    void a_logging_level_given_to_the_jvm_wins_as_the_error_hint_says() {
        System.setProperty("logging.level.org.ledgerbridge", "DEBUG");
        try {
            LoggerContext context = new LoggerContext();
            new CommandLogging().configure(context);
            assertThat(context.getLogger("org.ledgerbridge").getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            System.clearProperty("logging.level.org.ledgerbridge");
        }
    }

    private static String patternOfLogbackXml() throws IOException {
        try (InputStream in = CommandApplicationTest.class.getResourceAsStream("/logback.xml")) {
            Matcher pattern = Pattern.compile("<pattern>(.*)</pattern>").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(pattern.find()).isTrue();
            return pattern.group(1);
        }
    }
}
