package org.ledgerbridge.web;

import jakarta.annotation.PreDestroy;
import org.ledgerbridge.delivery.GlIntegration;
import org.ledgerbridge.delivery.GlSending;
import org.ledgerbridge.delivery.GlTarget;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * "Act on all the journals in the range" from the GL integration screen: validating or sending a
 * month of journals takes minutes, so it runs here, off the request thread, chunk by chunk on the
 * server, while the page shows a progress bar. What was sent is recorded per journal in the
 * ledger; a job is only the screen's state.
 */
@Component
class GlJobs {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GlJobs.class);

    enum Action { VALIDATE, SEND }

    static final class Job implements GlSending.Progress {
        final String id = UUID.randomUUID().toString();
        final Action action;
        final GlIntegration.Summary range;
        final GlTarget target;
        volatile long done;
        volatile boolean running = true;
        volatile String message;
        volatile String error;
        volatile List<GlSending.Problem> problems = List.of();

        Job(Action action, GlIntegration.Summary range, GlTarget target) {
            this.action = action;
            this.range = range;
            this.target = target;
        }

        @Override
        public void journals(long done, long total) {
            this.done = done;
        }

        public String getId() {
            return id;
        }

        public String getVerb() {
            return action == Action.SEND ? "Sending" : "Validating";
        }

        public GlIntegration.Summary getRange() {
            return range;
        }

        public GlTarget getTarget() {
            return target;
        }

        public boolean isRunning() {
            return running;
        }

        public long getDone() {
            return done;
        }

        public int getPercent() {
            return range.journals() == 0 ? 100 : (int) Math.min(100, done * 100 / range.journals());
        }

        public String getMessage() {
            return message;
        }

        public String getError() {
            return error;
        }

        public List<GlSending.Problem> getProblems() {
            return problems;
        }
    }

    private final GlSending sending;
    // one at a time: two sends of the same range would only find each other's journals sent
    private final ExecutorService worker = WebJobs.workers("web-gl", 1);
    private final Map<String, Job> jobs = WebJobs.recent(100);

    GlJobs(GlSending sending) {
        this.sending = sending;
    }

    Job start(Action action, GlIntegration.Summary range, GlTarget target, String actor) {
        Job job = new Job(action, range, target);
        jobs.put(job.id, job);
        worker.submit(() -> {
            try {
                if (action == Action.VALIDATE) {
                    List<GlSending.Problem> problems = sending.validateRange(range, target, actor, job);
                    job.problems = problems;
                    if (problems.isEmpty()) {
                        job.message = range.journals() + " journal(s) valid for " + target.name();
                    } else {
                        job.error = problems.size() + " problem(s) with " + target.name() + ": nothing sent";
                    }
                } else {
                    report(job, sending.sendRange(range, target, actor, job));
                }
            } catch (RuntimeException e) {
                LOG.warn("{} of {} journals failed", action, range.journals(), e);
                job.error = "the work stopped on an unexpected error; journals sent before it are recorded as sent, the rest still wait";
            } finally {
                job.done = job.error == null ? range.journals() : job.done;
                job.running = false;
            }
        });
        return job;
    }

    private static void report(Job job, GlSending.Sending result) {
        if (result instanceof GlSending.RangeSent sent) {
            job.message = sent.sent() + " journal(s) sent to " + job.target.name();
        } else if (result instanceof GlSending.SendRefused refused) {
            job.error = refused.code() + ": " + refused.message();
            job.problems = refused.problems();
        } else if (result instanceof GlSending.SendFailed failed) {
            job.error = "SEND_FAILED: " + failed.message() + "; sent " + failed.sent().size() + ", uncertain " + failed.uncertain().size();
        }
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
