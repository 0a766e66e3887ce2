package org.ledgerbridge.cli;

import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import org.ledgerbridge.storage.LedgerSchema;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A running ledger for one command: the database (embedded unless a URL is given) and the
 * Spring context over it. Closing it stops both, in that order.
 */
final class LedgerRuntime implements AutoCloseable {

    private final EmbeddedLedgerDatabase embedded;
    private final ConfigurableApplicationContext context;
    private final boolean borrowed;

    private LedgerRuntime(EmbeddedLedgerDatabase embedded, ConfigurableApplicationContext context) {
        this(embedded, context, false);
    }

    private LedgerRuntime(EmbeddedLedgerDatabase embedded, ConfigurableApplicationContext context, boolean borrowed) {
        this.embedded = embedded;
        this.context = context;
        this.borrowed = borrowed;
    }

    /** The running server's application, for a command passed to it: closing leaves it running. */
    static LedgerRuntime borrowing(ConfigurableApplicationContext application) {
        return new LedgerRuntime(null, application, true);
    }

    static LedgerRuntime start(GlobalOptions global, boolean web, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        boolean external = global.dbUrl != null && !global.dbUrl.isBlank();
        if (external) {
            properties.put("spring.datasource.url", global.dbUrl);
            if (global.dbUser != null) {
                properties.put("spring.datasource.username", global.dbUser);
            }
            if (global.dbPassword != null) {
                properties.put("spring.datasource.password", global.dbPassword);
            }
        }
        properties.put("ledgerbridge.as-of", global.businessDate().toString());
        if (!external) {
            properties.put("ledgerbridge.data-dir", global.dataDir.toAbsolutePath().toString()); // GL files go under its gl folder by default
        }
        properties.putAll(extra);
        return web ? startServer(global, external, properties) : startCommand(global, external, properties);
    }

    private static LedgerRuntime startServer(GlobalOptions global, boolean external, Map<String, Object> properties) {
        EmbeddedLedgerDatabase embedded = external ? null : startEmbedded(global);
        if (embedded != null) {
            properties.putAll(connection(embedded));
        }
        try {
            SpringApplication application = new SpringApplication(LedgerBridgeApplication.class);
            application.setWebApplicationType(WebApplicationType.SERVLET);
            application.setDefaultProperties(properties);
            application.setLogStartupInfo(false);
            return new LedgerRuntime(embedded, application.run());
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * A command's application: the embedded database starts (or is joined) on another thread while
     * the Spring application is built (or finishes the build it began while picocli read the
     * arguments), which connects to nothing until a command asks: its beans are lazy, so the
     * command's settings and the connection are added once it is built.
     */
    private static LedgerRuntime startCommand(GlobalOptions global, boolean external, Map<String, Object> properties) {
        CompletableFuture<EmbeddedLedgerDatabase> database = external ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startEmbedded(global), task -> new Thread(task, "embedded-database").start());
        ConfigurableApplicationContext context = null;
        try {
            context = CommandLineApplication.build();
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new MapPropertySource("command options", properties));
            EmbeddedLedgerDatabase embedded = awaited(database);
            if (embedded != null) {
                sources.addFirst(new MapPropertySource("embedded database", connection(embedded)));
            }
            LedgerSchema.bringUpToDate(context.getBean(DataSource.class));
            return new LedgerRuntime(embedded, context);
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            database.thenAccept(embedded -> {
                if (embedded != null) {
                    embedded.close();
                }
            }).exceptionally(failedToStart -> null).join();
            throw e;
        }
    }

    private static EmbeddedLedgerDatabase startEmbedded(GlobalOptions global) {
        return EmbeddedLedgerDatabase.start(global.dataDir, Duration.ofSeconds(global.lockWaitSeconds), global.command);
    }

    private static Map<String, Object> connection(EmbeddedLedgerDatabase embedded) {
        return Map.of("spring.datasource.url", embedded.jdbcUrl(), "spring.datasource.username", embedded.user(),
                "spring.datasource.password", embedded.password());
    }

    private static EmbeddedLedgerDatabase awaited(CompletableFuture<EmbeddedLedgerDatabase> database) {
        try {
            return database.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        if (borrowed) {
            return;
        }
        try {
            context.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
