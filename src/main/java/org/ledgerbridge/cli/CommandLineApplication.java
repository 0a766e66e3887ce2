package org.ledgerbridge.cli;

import org.ledgerbridge.LedgerBridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.util.ClassUtils;

import java.util.Map;

/**
 * The Spring application of a command other than `serve`: the services over the database and
 * its schema, without the web UI, REST API, security filters, actuator, metrics and validation
 * that the server adds. Their configuration alone was half of a small command's start-up. The
 * schema is brought up to date by {@link org.ledgerbridge.storage.LedgerSchema} once the database is up.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = LedgerBridgeApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.ledgerbridge\\.(web|api|cli)\\..*"),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LedgerBridgeApplication.class)})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class})
public class CommandLineApplication {

    /**
     * A command shows no translated messages. Without a bean of this name Spring makes one whose
     * class lists every locale of the JVM when it loads (about a twentieth of a second).
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.context.MessageSource messageSource() {
        return new NoMessages();
    }

    static final class NoMessages implements org.springframework.context.MessageSource {
        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, java.util.Locale locale) {
            return defaultMessage;
        }

        @Override
        public String getMessage(String code, Object[] args, java.util.Locale locale) {
            throw new org.springframework.context.NoSuchMessageException(code, locale);
        }

        @Override
        public String getMessage(org.springframework.context.MessageSourceResolvable resolvable, java.util.Locale locale) {
            if (resolvable.getDefaultMessage() != null) {
                return resolvable.getDefaultMessage();
            }
            String[] codes = resolvable.getCodes();
            throw new org.springframework.context.NoSuchMessageException(codes != null && codes.length > 0 ? codes[0] : "", locale);
        }
    }

    /** Builds the application without starting it: the build's ahead-of-time processing runs this (see pom.xml). */
    public static void main(String[] args) {
        application(Map.of("spring.datasource.url", "jdbc:postgresql://localhost/ahead-of-time")).run(args);
    }

    /** Set by {@link Main}: this process is a command's own, so its Spring application may be the one prepared at build time. */
    static volatile boolean ownProcess;

    /**
     * In a command's own process, the application's bean definitions come from the code the build
     * generated (about half of its start-up otherwise: configuration classes, component scan and
     * conditions). Not in tests, where other applications share the JVM and Spring's switch is global.
     */
    static void useBuildTimePreparation() {
        if (ownProcess && ClassUtils.isPresent(CommandLineApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty("spring.aot.enabled", "true");
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
    }

    static SpringApplication application(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(CommandLineApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setMainApplicationClass(CommandLineApplication.class); // names the generated code, whoever calls it
        application.setDefaultProperties(properties);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        return application;
    }
}
