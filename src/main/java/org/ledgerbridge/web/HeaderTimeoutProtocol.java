package org.ledgerbridge.web;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tomcat's NIO connector with a header timeout: a request whose line and headers have not all
 * arrived this long after its first byte is dropped. Tomcat's own read timeout starts again with
 * each byte, so a client that sends a header byte every few seconds (slowloris) would otherwise
 * hold its connection for hours. Looked at once a second.
 */
public class HeaderTimeoutProtocol extends Http11NioProtocol {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HeaderTimeoutProtocol.class);

    private volatile long headerTimeoutNanos = TimeUnit.SECONDS.toNanos(20);
    private ScheduledExecutorService watchdog;

    public void setHeaderTimeoutMillis(long millis) {
        this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public void start() throws Exception {
        super.start();
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "http-header-timeout");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::dropSlowHeaders, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        super.stop();
    }

    /** While the headers come in, the processor waits outside its service stages (it left them, ENDED, to wait for bytes). */
    private static boolean stillReadingHeaders(int stage) {
        return stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED || stage == Constants.STAGE_NEW
                || stage == Constants.STAGE_KEEPALIVE;
    }

    private void dropSlowHeaders() {
        long now = System.nanoTime();
        for (SocketWrapperBase<?> connection : getEndpoint().getConnections()) {
            try {
                if (connection.getCurrentProcessor() instanceof AbstractProcessor processor) {
                    Request request = processor.getRequest();
                    long started = request.getStartTimeNanos(); // set at the request's first byte, -1 between requests
                    if (started != -1 && stillReadingHeaders(request.getRequestProcessor().getStage())
                            && now - started > headerTimeoutNanos) {
                        connection.close();
                    }
                }
            } catch (RuntimeException e) {
                // a connection closing as we look at it: the next look sees the others; the watchdog must keep running
                LOG.debug("header timeout: {}", e.toString());
            }
        }
    }
}
