package org.ledgerbridge.cli;

import org.ledgerbridge.delivery.GlFormats;

import java.util.Iterator;

/** Every GL format the writers have, for the help of each --format option (picocli's completion candidates). */
final class GlFormatNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return GlFormats.names().iterator();
    }
}
