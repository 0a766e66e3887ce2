package org.ledgerbridge.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Moments as people read them on the screens: in the viewer's own time zone, to the minute. The
 * browser tells its zone in the {@value #COOKIE} cookie (set by app.js); without it, the server's zone.
 */
@Component("times")
public class Times {

    static final String COOKIE = "tz";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String of(TemporalAccessor moment) {
        if (moment == null) {
            return "";
        }
        Instant instant = moment instanceof OffsetDateTime offset ? offset.toInstant()
                : moment instanceof ZonedDateTime zoned ? zoned.toInstant() : Instant.from(moment);
        return MINUTE.format(instant.atZone(viewerZone()));
    }

    /** The zone of the browser that asked, when it said a valid one. */
    static ZoneId viewerZone() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : attributes.getRequest().getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    try {
                        return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        return ZoneId.systemDefault();
    }
}
