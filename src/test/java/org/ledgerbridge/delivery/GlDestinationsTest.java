package org.ledgerbridge.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** GL targets write and send only where the operator allows, whatever an ADMIN types. */
class GlDestinationsTest {

    @TempDir
    Path dir;

    private static String code(java.util.Optional<GlDestinations.Refusal> refusal) {
        return refusal.map(p -> p.code().name()).orElse("allowed");
    }

    @Test
    void a_target_path_is_inside_the_gl_folder_a_relative_one_is_taken_inside_it_and_dot_dot_or_a_link_does_not_lead_out() throws Exception {
        Path gl = Files.createDirectories(dir.resolve("gl"));
        Files.createSymbolicLink(gl.resolve("escape"), dir);
        GlDestinations destinations = new GlDestinations(gl.toString(), "", "");

        assertThat(code(destinations.refusalOfPath("books.journal"))).isEqualTo("allowed");
        assertThat(destinations.place("books.journal")).isEqualTo(gl.resolve("books.journal"));
        assertThat(code(destinations.refusalOfPath(gl.resolve("sage/out").toString()))).isEqualTo("allowed");
        assertThat(code(destinations.refusalOfPath("/etc/cron.d/x"))).isEqualTo("PATH_OUTSIDE_GL_DIR");
        assertThat(code(destinations.refusalOfPath("../outside.journal"))).isEqualTo("PATH_OUTSIDE_GL_DIR");
        assertThat(code(destinations.refusalOfPath("escape/books.journal"))).isEqualTo("PATH_OUTSIDE_GL_DIR");
    }

    @Test
    void without_a_gl_folder_the_data_dirs_gl_folder_is_it_and_without_either_no_file_target_is_allowed() {
        assertThat(new GlDestinations("", dir.toString(), "").folder()).contains(dir.resolve("gl"));
        assertThat(code(new GlDestinations("", "", "").refusalOfPath(dir.resolve("x").toString()))).isEqualTo("GL_DIR_NOT_SET");
    }

    @Test
    void an_http_target_sends_only_to_an_address_the_operator_lists() {
        GlDestinations destinations = new GlDestinations("", "", "https://sage.example.org/api/, http://localhost:8081");

        assertThat(code(destinations.refusalOfUrl("https://sage.example.org/api/gl"))).isEqualTo("allowed");
        assertThat(code(destinations.refusalOfUrl("http://localhost:8081/x"))).isEqualTo("allowed");
        assertThat(code(destinations.refusalOfUrl("http://169.254.169.254/latest/meta-data"))).isEqualTo("GL_URL_NOT_ALLOWED");
        assertThat(code(new GlDestinations("", "", "").refusalOfUrl("https://sage.example.org/api/gl"))).isEqualTo("GL_URL_NOT_ALLOWED");
    }
}
