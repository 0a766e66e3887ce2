package org.ledgerbridge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk through each other's public services only, never through internals. */
class ModuleBoundariesTest {

    @Test
    void no_package_reaches_into_another_packages_internals_and_there_are_no_cycles() {
        ApplicationModules.of(LedgerBridgeApplication.class).verify();
    }
}
