package org.ledgerbridge.imports.internal;

import org.ledgerbridge.imports.MappingProfile;
import org.ledgerbridge.imports.SourceRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A data row seen through the header: cells by canonical column name, one object reused for every row. */
public final class HeaderedRow implements SourceRow {
    private final Map<String, Integer> positions;
    private final TabularRows source;
    private final MappingProfile mapping;
    private long number;
    private long returned;
    private List<String> fields;

    public HeaderedRow(Map<String, Integer> positions, TabularRows source, MappingProfile mapping) {
        this.positions = positions;
        this.source = source;
        this.mapping = mapping;
    }

    public void reset(long number, List<String> fields) {
        this.number = number;
        this.fields = fields;
        returned++;
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public boolean first() {
        return returned == 1;
    }

    @Override
    public String get(String column) {
        Integer position = positions.get(column);
        return position == null ? "" : fields.get(position).strip();
    }

    @Override
    public boolean has(String column) {
        return positions.containsKey(column);
    }

    @Override
    public Optional<LocalDate> typedDate(String column) {
        Integer position = positions.get(column);
        return position == null ? Optional.empty() : source.typedDate(position);
    }

    @Override
    public MappingProfile mapping() {
        return mapping;
    }

    /** Spreadsheets leave trailing cells out, or keep empty ones: align a sheet's row to the header. */
    public static List<String> fitToHeader(List<String> fields, int width) {
        if (fields.size() == width) {
            return fields;
        }
        List<String> fitted = new ArrayList<>(trimTrailingEmpty(fields));
        while (fitted.size() < width && !fitted.isEmpty()) {
            fitted.add("");
        }
        return fitted.isEmpty() ? List.of("") : fitted;
    }

    public static List<String> trimTrailingEmpty(List<String> fields) {
        if (fields == null) {
            return null;
        }
        int end = fields.size();
        while (end > 1 && fields.get(end - 1).isBlank()) {
            end--;
        }
        return end == fields.size() ? fields : fields.subList(0, end);
    }
}
