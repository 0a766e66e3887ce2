package org.ledgerbridge.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * What an error no controller answered becomes (an address that does not exist, a page the role
 * may not open, a failure): under /api the one error shape of {@link Problems}; in the browser a
 * page in the app's layout that says it in words, never a stack trace or a "Whitelabel" page.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.error("{} failed", path, failure);
        }
        Problems.Words words = cutOff(request) ? CUT_OFF : Problems.words(status);
        if (path.startsWith("/api/") || path.equals("/api")) {
            org.springframework.http.ProblemDetail problem = Problems.of(status, words.code(), words.detail());
            try {
                problem.setInstance(java.net.URI.create(path)); // the address asked for, not this error page's
            } catch (IllegalArgumentException notAUri) {
                // left out: the detail says what went wrong
            }
            return Problems.answer(problem);
        }
        return new ModelAndView("error", Map.of("status", status.value(), "title", words.title(), "detail", words.detail()), status);
    }

    private static final Problems.Words CUT_OFF = new Problems.Words(WebProblem.UPLOAD_CUT_OFF, "Upload cut off",
            "The upload ended before the whole file arrived; nothing was read from it. Send it again.");

    /** The request's body ended before its announced length: the sender's connection broke or it gave up. */
    private static boolean cutOff(HttpServletRequest request) {
        for (Object failure : new Object[] {request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                request.getAttribute(org.springframework.web.servlet.DispatcherServlet.EXCEPTION_ATTRIBUTE)}) {
            for (Throwable cause = failure instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.io.EOFException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
