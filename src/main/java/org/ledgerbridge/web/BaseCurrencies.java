package org.ledgerbridge.web;

import org.ledgerbridge.ledger.LedgerSetup;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;
import java.util.TreeMap;

/** Each entity's base currency, for the screens whose amounts are in it: shown beside them. */
@ControllerAdvice(assignableTypes = {ReportsController.class, GlController.class})
class BaseCurrencies {

    private final LedgerSetup setup;

    BaseCurrencies(LedgerSetup setup) {
        this.setup = setup;
    }

    @ModelAttribute("baseCurrencies")
    Map<String, String> baseCurrencies() {
        Map<String, String> currencies = new TreeMap<>();
        setup.entities().forEach((code, entity) -> currencies.put(code, entity.baseCurrency()));
        return currencies;
    }
}
