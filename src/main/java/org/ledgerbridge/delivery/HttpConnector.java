package org.ledgerbridge.delivery;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GL over HTTP: {@code POST /validate} asks it about a journal, {@code POST /journals} with an
 * {@code Idempotency-Key} books one, {@code GET /journals/lb-<id>} says whether it has one. A
 * timeout or a server error leaves the journal UNCERTAIN: the GL may have booked it.
 */
final class HttpConnector implements GlConnector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    HttpConnector(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Check check(GlTarget target) {
        return (id, journal) -> {
            try {
                HttpResponse<String> response = http.send(post(target.url() + "/validate", id, journal).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return List.of();
                }
                return List.of(new GlSending.Problem(id, 0, GlRule.REFUSED_BY_GL, "the GL answered " + response.statusCode() + ": "
                        + response.body()));
            } catch (IOException e) {
                return List.of(new GlSending.Problem(id, 0, GlRule.GL_UNREACHABLE, "the GL did not answer: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of(new GlSending.Problem(id, 0, GlRule.GL_UNREACHABLE, "interrupted"));
            }
        };
    }

    @Override
    public GlSending.Sending send(Map<Long, GlJournal> journals, GlTarget target, Deliveries deliveries, List<Long> alreadySent) {
        List<Long> sent = new ArrayList<>();
        for (Map.Entry<Long, GlJournal> entry : journals.entrySet()) {
            long id = entry.getKey();
            try {
                HttpResponse<String> response = http.send(post(target.url() + "/journals", id, entry.getValue())
                        .header("Idempotency-Key", "lb-" + id).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    deliveries.record(List.of(id), "SENT");
                    sent.add(id);
                    continue;
                }
                if (response.statusCode() / 100 == 4) {
                    return new GlSending.SendFailed("the GL refused journal " + id + ": " + response.statusCode() + " " + response.body(),
                            sent, List.of());
                }
                deliveries.record(List.of(id), "UNCERTAIN");
                return new GlSending.SendFailed("the GL failed on journal " + id + " (" + response.statusCode() + ")", sent, List.of(id));
            } catch (IOException e) {
                // a timeout does not say whether the GL booked it: ask before sending again
                deliveries.record(List.of(id), "UNCERTAIN");
                return new GlSending.SendFailed("no answer from the GL for journal " + id + ": " + e.getMessage(), sent, List.of(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                deliveries.record(List.of(id), "UNCERTAIN");
                return new GlSending.SendFailed("interrupted", sent, List.of(id));
            }
        }
        return new GlSending.Sent(sent, alreadySent);
    }

    @Override
    public Map<Long, Boolean> has(List<Long> ids, GlTarget target) {
        Map<Long, Boolean> found = new LinkedHashMap<>();
        for (long id : ids) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target.url() + "/journals/lb-" + id))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 404) {
                    found.put(id, response.statusCode() == 200);
                }
            } catch (IOException e) {
                // not answered: absent, the journal stays UNCERTAIN
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
        return found;
    }

    private HttpRequest.Builder post(String url, long id, GlJournal journal) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload(id, journal))));
    }

    private static Map<String, Object> payload(long id, GlJournal journal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("idempotencyKey", "lb-" + id);
        json.put("entity", journal.entity());
        json.put("date", journal.date().toString());
        json.put("reference", journal.reference());
        json.put("description", journal.description());
        json.put("currency", journal.currency());
        json.put("lines", journal.lines().stream().map(l -> Map.of("account", l.account(), "debit", l.debit().toPlainString(),
                "credit", l.credit().toPlainString())).toList());
        return json;
    }
}
