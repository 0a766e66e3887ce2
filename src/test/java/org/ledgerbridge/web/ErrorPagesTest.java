package org.ledgerbridge.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure no controller answered: a page in words for the browser, a problem under /api; never the failure's own text. */
class ErrorPagesTest {

    private static MockHttpServletRequest failed(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("connection refused at 10.0.0.7"));
        return request;
    }

    @Test
    void a_screen_that_failed_shows_a_page_that_says_so_without_the_stack_trace() {
        assertThat(new ErrorPages().error(failed("/batches"))).isInstanceOfSatisfying(ModelAndView.class, page -> {
            assertThat(page.getViewName()).isEqualTo("error");
            assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(page.getModel().get("title")).isEqualTo("Something went wrong");
            assertThat(page.getModel().toString()).doesNotContain("10.0.0.7").doesNotContain("IllegalStateException");
        });
    }

    @Test
    void an_api_call_that_failed_is_a_500_problem_with_its_code() {
        assertThat(new ErrorPages().error(failed("/api/batches"))).isInstanceOfSatisfying(ResponseEntity.class, answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
            assertThat(problem.getDetail()).doesNotContain("10.0.0.7");
        });
    }
}
