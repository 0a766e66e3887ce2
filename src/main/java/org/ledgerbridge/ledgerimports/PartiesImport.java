package org.ledgerbridge.ledgerimports;

import org.ledgerbridge.imports.ImportRule;
import org.ledgerbridge.imports.Cells;
import org.ledgerbridge.imports.KeyRules;
import org.ledgerbridge.imports.ImportColumn;
import org.ledgerbridge.imports.ImportKind;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.RowErrors;
import org.ledgerbridge.imports.SourceRow;
import org.ledgerbridge.ledger.LedgerSetup;
import org.ledgerbridge.ledger.Party;
import org.ledgerbridge.ledger.PartyKind;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `import parties`: PARTY_ID, NAME, KIND (CUSTOMER, VENDOR), ENTITY. */
@Component
class PartiesImport implements ImportKind<Party> {

    static final String PARTY_ID = "PARTY_ID";
    static final String NAME = "NAME";
    static final String KIND = "KIND";
    static final String ENTITY = "ENTITY";

    private final LedgerSetup ledger;

    PartiesImport(LedgerSetup ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "parties";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.required(PARTY_ID), ImportColumn.required(NAME), ImportColumn.required(KIND),
                ImportColumn.required(ENTITY));
    }

    @Override
    public Session<Party> open(ImportOptions options, long importRunId) {
        Set<String> entities = ledger.entities().keySet();
        Set<String> existing = new HashSet<>();
        ledger.forEachParty(party -> existing.add(party.id()));
        Map<String, Long> seenInFile = new HashMap<>();
        LedgerSetup.Writer<Party> writer = ledger.partyWriter();
        return new Session<>() {
            @Override
            public Party validate(SourceRow row, RowErrors errors) {
                String id = KeyRules.code(row, PARTY_ID, 40, errors);
                String name = Cells.required(row, NAME, 200, errors);
                PartyKind kind = Cells.oneOf(row, KIND, PartyKind.class, true, errors);
                String entity = Cells.required(row, ENTITY, 20, errors);
                if (entity != null && !entities.contains(entity)) {
                    errors.error(ENTITY, ImportRule.UNKNOWN_ENTITY, "no financial entity '" + entity + "'; import the financial entities first");
                }
                if (id != null) {
                    KeyRules.uniqueInLedgerAndFile(id, "party " + id, existing.contains(id), seenInFile, row, PARTY_ID, errors);
                }
                return errors.currentRowHasErrors() ? null : new Party(id, name, kind, entity);
            }

            @Override
            public void write(Party party) {
                writer.add(party);
            }

            @Override
            public Map<String, Object> commit() {
                writer.close();
                return Map.of("partiesAdded", writer.count());
            }
        };
    }
}
