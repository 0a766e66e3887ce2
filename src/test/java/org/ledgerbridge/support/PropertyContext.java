package org.ledgerbridge.support;

import org.ledgerbridge.LedgerBridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** A Spring context on a database of its own, for jqwik properties (which run outside Spring's JUnit extension). */
public final class PropertyContext {

    private PropertyContext() {
    }

    public static ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(LedgerBridgeApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "spring.datasource.url", TestDatabase.newDatabaseUrl(),
                "spring.datasource.username", TestDatabase.user(),
                "spring.datasource.password", TestDatabase.password()));
        return application.run();
    }
}
