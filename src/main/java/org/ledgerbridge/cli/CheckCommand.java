package org.ledgerbridge.cli;

import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.Violation;
import org.ledgerbridge.receivables.OpenItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check", description = "Verifies every ledger invariant; exit 0 when all hold, 3 when one is broken.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    LedgerBridgeCli cli;

    @Override
    public Integer call() {
        return cli.withLedger(ledger -> {
            List<Violation> violations = new ArrayList<>(ledger.bean(LedgerCheck.class).run());
            violations.addAll(ledger.bean(OpenItems.class).check());
            if (cli.global.json()) {
                cli.output.json(Map.of("ok", violations.isEmpty(), "violations", violations));
            } else if (violations.isEmpty()) {
                cli.output.out.println("ok: every ledger invariant holds");
            } else {
                violations.forEach(v -> cli.output.out.println(v.code() + "  " + v.subject() + "  " + v.message()));
            }
            return violations.isEmpty() ? LedgerBridgeCli.DONE : LedgerBridgeCli.REFUSED;
        });
    }
}
