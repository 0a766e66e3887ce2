package org.ledgerbridge.receivables;

import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.TaxCategory;
import org.ledgerbridge.ledger.TaxZone;

import java.util.Map;

/**
 * TAX_ZONE and TAX_CATEGORY of a migrated document or an opening balance (seed 002: "the system
 * calculates taxes based on the tax zone and tax category specified in the documents"): both or
 * neither, the zone one of the document's entity, the category a known one.
 */
final class TaxColumns {

    static final String TAX_ZONE = "TAX_ZONE";
    static final String TAX_CATEGORY = "TAX_CATEGORY";

    /** The zones by "ENTITY/ZONE" and the categories by name. */
    record Table(Map<String, TaxZone> zones, Map<String, TaxCategory> categories) {
    }

    record Choice(TaxZone zone, TaxCategory category) {
    }

    private TaxColumns() {
    }

    /** The row's zone and category; null when it names neither, or one is wrong (told to {@code errors}). */
    static Choice read(SourceRow row, String entity, Table table, RowErrors errors) {
        String zoneName = row.get(TAX_ZONE).strip();
        String categoryName = row.get(TAX_CATEGORY).strip();
        if (zoneName.isEmpty() && categoryName.isEmpty()) {
            return null;
        }
        if (zoneName.isEmpty() || categoryName.isEmpty()) {
            String missing = zoneName.isEmpty() ? TAX_ZONE : TAX_CATEGORY;
            errors.error(missing, DocumentRule.TAX_ZONE_AND_CATEGORY_TOGETHER, "a document's tax comes from its tax zone and its tax category: "
                    + "give both or neither");
            return null;
        }
        TaxZone zone = entity == null ? null : table.zones().get(entity + "/" + zoneName);
        if (entity != null && zone == null) {
            errors.error(TAX_ZONE, DocumentRule.UNKNOWN_TAX_ZONE, "no tax zone '" + zoneName + "' of " + entity + "; import the tax zones first");
        }
        TaxCategory category = table.categories().get(categoryName);
        if (category == null) {
            errors.error(TAX_CATEGORY, DocumentRule.UNKNOWN_TAX_CATEGORY, "no tax category '" + categoryName + "'; import the tax categories first");
        }
        return zone == null || category == null ? null : new Choice(zone, category);
    }
}
