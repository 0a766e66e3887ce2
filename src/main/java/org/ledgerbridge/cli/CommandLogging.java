package org.ledgerbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Logging as logback.xml and application.properties set it, without parsing XML: logback runs this
 * when it starts (a service of META-INF/services), about a tenth of a second sooner than its XML
 * configurator. A command keeps it (its application is built without Spring Boot's start-up, see
 * {@link CommandLineApplication}); the server's Spring Boot replaces it with logback.xml as before.
 * Levels: application.properties' {@code logging.level.*}, then the JVM's {@code -Dlogging.level.*}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class CommandLogging extends ContextAwareBase implements Configurator {

    /** The pattern of logback.xml's appender. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        // standard error: standard output carries the reports scripts parse (CONTRACT.md)
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(stderr);
        levels().forEach((logger, level) -> context.getLogger(logger).setLevel(Level.toLevel(level, Level.WARN)));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Logger name (ROOT for the root) to level name. */
    static Map<String, String> levels() {
        Map<String, String> levels = new TreeMap<>();
        Properties application = new Properties();
        try (InputStream in = CommandLogging.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                application.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Properties source : new Properties[] {application, System.getProperties()}) {
            for (String key : source.stringPropertyNames()) {
                if (key.startsWith("logging.level.")) {
                    String logger = key.substring("logging.level.".length());
                    levels.put(logger.equalsIgnoreCase("root") ? org.slf4j.Logger.ROOT_LOGGER_NAME : logger, source.getProperty(key).trim());
                }
            }
        }
        return levels;
    }
}
