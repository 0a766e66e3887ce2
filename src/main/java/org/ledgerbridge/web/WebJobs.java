package org.ledgerbridge.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the screens' background jobs (imports, GL sends) share: daemon worker threads and a bounded list of recent jobs. */
final class WebJobs {

    private WebJobs() {
    }

    static ExecutorService workers(String name, int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The latest {@code max} jobs by id; older ones are forgotten (what they did is in the ledger). */
    static <J> Map<String, J> recent(int max) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, J> eldest) {
                return size() > max;
            }
        });
    }
}
