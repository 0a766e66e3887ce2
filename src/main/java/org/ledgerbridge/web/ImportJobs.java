package org.ledgerbridge.web;

import jakarta.annotation.PreDestroy;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.ProgressListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Imports started from the browser run here, off the request thread, so that the page can show
 * a progress bar: first a dry run (the preview), then, when the user commits, the import itself.
 * The import run record in the database is the lasting history; a job is only the screen's state.
 */
@Component
class ImportJobs {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportJobs.class);

    enum Phase { VALIDATING, VALIDATED, COMMITTING, FINISHED, FAILED }

    static final class Job implements ProgressListener {
        final String id = UUID.randomUUID().toString();
        final String kind;
        final Path file;
        final ImportOptions options;
        final List<List<String>> firstRows;
        volatile Phase phase = Phase.VALIDATING;
        volatile long rows;
        volatile long bytesRead;
        volatile long totalBytes;
        volatile ImportReport preview;
        volatile ImportReport result;
        volatile String failure;

        Job(String kind, Path file, ImportOptions options, List<List<String>> firstRows) {
            this.kind = kind;
            this.file = file;
            this.options = options.withProgress(this);
            this.firstRows = firstRows;
        }

        @Override
        public void progress(long rows, long bytesRead, long totalBytes) {
            this.rows = rows;
            this.bytesRead = bytesRead;
            this.totalBytes = totalBytes;
        }

        @Override
        public void done(long rows) {
            this.rows = rows;
            this.bytesRead = totalBytes;
        }

        public String getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getFileName() {
            return file.getFileName().toString();
        }

        public Phase getPhase() {
            return phase;
        }

        public boolean isRunning() {
            return phase == Phase.VALIDATING || phase == Phase.COMMITTING;
        }

        public long getRows() {
            return rows;
        }

        /** 0-100 by bytes read; XLSX files do not tell their size in rows, so they stay at 0 until done. */
        public int getPercent() {
            return totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
        }

        public ImportReport getPreview() {
            return preview;
        }

        public ImportReport getResult() {
            return result;
        }

        public String getFailure() {
            return failure;
        }

        public List<List<String>> getFirstRows() {
            return firstRows;
        }

        /** The report on screen: the import's once committed, else the dry run's. */
        public ImportReport getReport() {
            return result != null ? result : preview;
        }

        public boolean isCommittable() {
            return phase == Phase.VALIDATED && preview != null && preview.status() == ImportStatus.VALID;
        }
    }

    private final ImportService imports;
    private final ExecutorService workers = WebJobs.workers("web-import", 2);
    private final Map<String, Job> jobs = WebJobs.recent(200);

    ImportJobs(ImportService imports) {
        this.imports = imports;
    }

    Job preview(String kind, Path file, ImportOptions options, List<List<String>> firstRows) {
        Job job = new Job(kind, file, options.dryRun(true), firstRows);
        jobs.put(job.id, job);
        workers.submit(() -> {
            try {
                job.preview = imports.run(kind, file, job.options);
                job.phase = Phase.VALIDATED;
            } catch (RuntimeException e) {
                fail(job, e);
            }
        });
        return job;
    }

    /** Starts the import of a previewed file; false when it is not (or no longer) committable. */
    synchronized boolean commit(Job job) {
        if (!job.isCommittable()) {
            return false;
        }
        job.phase = Phase.COMMITTING;
        job.bytesRead = 0;
        job.rows = 0;
        workers.submit(() -> {
            try {
                job.result = imports.run(job.kind, job.file, job.options.dryRun(false));
                job.phase = Phase.FINISHED;
            } catch (RuntimeException e) {
                fail(job, e);
            }
        });
        return true;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private static void fail(Job job, RuntimeException e) {
        LOG.warn("import of {} failed", job.file.getFileName(), e);
        job.failure = e.getMessage() != null ? e.getMessage() : e.toString();
        job.phase = Phase.FAILED;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
