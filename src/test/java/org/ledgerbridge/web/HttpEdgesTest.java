package org.ledgerbridge.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.WebLedgerTest;
import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads that do not arrive whole: said so, nothing written, and a stalled one is not held open. */
@WebLedgerTest
@TestPropertySource(properties = {"server.tomcat.connection-timeout=2s", "ledgerbridge.http.header-timeout=3s"})
class HttpEdgesTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void a_preparer() {
        if (users.find("preparer").isEmpty()) {
            users.add("preparer", Role.PREPARER, PASSWORD, "setup");
        }
    }

    /** Headers announcing 100,000 bytes of a multipart upload, and the part's first lines. */
    private static byte[] startOfAnUpload() {
        String boundary = "----cut";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"entities.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nENTITY_CODE,NAME,CURRENCY\r\nE1,First,USD\r\n";
        String head = "POST /api/imports/entities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString(("preparer:" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n";
        return (head + part).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_upload_cut_off_mid_body_is_a_400_that_says_so_and_nothing_is_written() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(startOfAnUpload());
            out.flush();
            socket.shutdownOutput(); // the sender's side ends here
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"code\":\"UPLOAD_CUT_OFF\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single()).isZero();
    }

    @Test
    void an_upload_that_stalls_is_dropped_after_the_read_timeout() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(startOfAnUpload());
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes(); // the server answers or closes; the sender never sends the rest
            Duration held = Duration.ofNanos(System.nanoTime() - started);
            assertThat(held).as("held for the 2 s read timeout, not as long as the sender waits").isLessThan(Duration.ofSeconds(15));
            assertThat(new String(answer, StandardCharsets.UTF_8)).doesNotContain("\"status\":\"committed\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single()).isZero();
    }

    @Test
    void a_client_that_trickles_its_headers_is_dropped_after_the_header_timeout() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/entities HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            var closed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.getInputStream().read(); // -1 once the server closes the connection
                } catch (IOException e) {
                    return -1;
                }
            });
            // a byte every half second: each one well inside the 2 s read timeout, which so never ends the request
            for (int i = 0; i < 60 && !closed.isDone(); i++) {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(-1);
            Duration held = Duration.ofNanos(System.nanoTime() - started);
            assertThat(held).as("dropped after the 3 s header timeout, not after 30 s of trickling").isLessThan(Duration.ofSeconds(10));
        }
    }
}
