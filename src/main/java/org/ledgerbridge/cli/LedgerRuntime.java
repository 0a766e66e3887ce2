package org.ledgerbridge.cli;

import org.ledgerbridge.LedgerBridgeApplication;
import org.ledgerbridge.storage.EmbeddedLedgerDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
        EmbeddedLedgerDatabase embedded = null;
        Map<String, Object> properties = new HashMap<>();
        if (global.dbUrl != null && !global.dbUrl.isBlank()) {
            properties.put("spring.datasource.url", global.dbUrl);
            if (global.dbUser != null) {
                properties.put("spring.datasource.username", global.dbUser);
            }
            if (global.dbPassword != null) {
                properties.put("spring.datasource.password", global.dbPassword);
            }
        } else {
            embedded = EmbeddedLedgerDatabase.start(global.dataDir, Duration.ofSeconds(global.lockWaitSeconds), global.command);
            properties.put("spring.datasource.url", embedded.jdbcUrl());
            properties.put("spring.datasource.username", embedded.user());
            properties.put("spring.datasource.password", embedded.password());
        }
        properties.put("ledgerbridge.as-of", global.businessDate().toString());
        if (!web) {
            // a command uses a few services: build those it asks for, not the whole application (about 1 s of start-up)
            properties.put("spring.main.lazy-initialization", true);
        }
        properties.putAll(extra);
        try {
            SpringApplication application = new SpringApplication(web ? LedgerBridgeApplication.class : CommandLineApplication.class);
            application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
            application.setDefaultProperties(properties);
            application.setLogStartupInfo(false);
            application.setRegisterShutdownHook(web);
            return new LedgerRuntime(embedded, application.run());
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
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
