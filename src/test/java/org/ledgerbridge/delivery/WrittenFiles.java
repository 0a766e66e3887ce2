package org.ledgerbridge.delivery;

import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** GL files written into memory, by name in the order they were finished: for tests of the writers without a folder. */
public final class WrittenFiles implements GlFiles.Sink {

    private final Map<String, String> files = new LinkedHashMap<>();

    @Override
    public Writer open(String fileName) {
        return new StringWriter();
    }

    @Override
    public void close(String fileName, Writer writer) {
        files.put(fileName, writer.toString());
    }

    public Map<String, String> files() {
        return files;
    }
}
