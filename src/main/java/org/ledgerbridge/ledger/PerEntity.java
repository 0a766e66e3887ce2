package org.ledgerbridge.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A query asked once per financial entity, in code order, its answers joined. On a Citus cluster
 * (docs/scaling.md) the ledger's tables are distributed by entity: a query that locks rows
 * ({@code FOR UPDATE}) or correlates its subqueries can be answered only where one entity's rows
 * are, so it names its entity. On one server it is the same query with one more condition, asked a
 * few times (a ledger has a handful of entities).
 */
public final class PerEntity {

    private PerEntity() {
    }

    /** @param only one entity's answer when not null; every entity's otherwise */
    public static <T> List<T> ask(Collection<String> entities, String only, Function<String, List<T>> query) {
        if (only != null) {
            return query.apply(only);
        }
        List<T> answers = new ArrayList<>();
        entities.stream().sorted().forEach(entity -> answers.addAll(query.apply(entity)));
        return answers;
    }
}
