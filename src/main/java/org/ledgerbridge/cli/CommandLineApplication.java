package org.ledgerbridge.cli;

import org.ledgerbridge.LedgerBridgeApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring application of a command other than `serve`: the services over the database and
 * its schema, without the web UI, REST API, security filters, actuator, metrics and validation
 * that the server adds. Their configuration alone was half of a small command's start-up.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = LedgerBridgeApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.ledgerbridge\\.(web|api|cli)\\..*"),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LedgerBridgeApplication.class)})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
class CommandLineApplication {
}
