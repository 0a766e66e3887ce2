package org.ledgerbridge.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The web server drops a request whose headers trickle in for longer than {@code ledgerbridge.http.header-timeout} (20 s). */
@Component
@ConditionalOnWebApplication
class HttpServerLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Duration headerTimeout;

    HttpServerLimits(@Value("${ledgerbridge.http.header-timeout:20s}") Duration headerTimeout) {
        this.headerTimeout = headerTimeout;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(HeaderTimeoutProtocol.class.getName());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof HeaderTimeoutProtocol protocol) {
                protocol.setHeaderTimeoutMillis(headerTimeout.toMillis());
            }
        });
    }
}
