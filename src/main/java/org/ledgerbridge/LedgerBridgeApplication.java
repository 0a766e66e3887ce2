package org.ledgerbridge;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring application: web UI, REST API and the services under them. The process entry point
 * is {@code org.ledgerbridge.cli.Main}: every run, `serve` included, starts as a command.
 */
@SpringBootApplication
public class LedgerBridgeApplication {
}
