package org.ledgerbridge.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for the web UI and API: the date given with `serve --as-of`, else today in LEDGERBRIDGE_ZONE or the system zone. */
@Component
public class BusinessDate {

    private final String fixed;
    private final ZoneId zone;

    BusinessDate(@Value("${ledgerbridge.fixed-as-of:}") String fixed, @Value("${LEDGERBRIDGE_ZONE:}") String zone) {
        this.fixed = fixed;
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public LocalDate today() {
        return fixed.isBlank() ? LocalDate.now(zone) : LocalDate.parse(fixed);
    }
}
