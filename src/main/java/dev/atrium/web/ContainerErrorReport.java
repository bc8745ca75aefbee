package dev.atrium.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what it refuses before any filter or servlet runs (a request line with characters
 * outside RFC 3986, a NUL or a broken escape in the path, a header section over its limit): a problem body with a
 * request id and the security headers, like every other refusal, instead of Tomcat's HTML page.
 */
final class ContainerErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() == 501 || response.getStatus() == 505) {
            // Tomcat's 501 (CONNECT, a transfer coding it does not know) and 505 (an HTTP version that does not exist)
            // refuse what the client sent, before Atrium ran: the client's mistake, not a failure here.
            response.setStatus(400);
        }
        if (response.getStatus() == 400 && tooLarge(throwable)) {
            // Tomcat says 400 for both; a request line it could not finish reading has left no URI behind.
            String uri = request.getRequestURI();
            response.setStatus(uri == null || uri.isEmpty() ? 414 : 431);
        }
        int status = response.getStatus();
        // As Tomcat's own report: only errors, only when nothing was written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String id = response.getHeader(RequestId.HEADER);
        if (id == null) {
            id = RequestId.forHeader(request.getHeader(RequestId.HEADER));
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestId.HEADER, id);
            SecurityHeaders.all().forEach(response::setHeader);
            response.setHeader("Cache-Control", "no-store");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status, id));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: there is nobody left to tell.
        }
    }

    private static boolean tooLarge(@Nullable Throwable throwable) {
        return throwable instanceof IllegalArgumentException
                && throwable.getMessage() != null
                && throwable.getMessage().contains("too large");
    }

    /** Only fixed text and the (plain) request id go into the body: nothing of the refused request is echoed. */
    static String body(int status, String requestId) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 414 -> "The request line is longer than this server accepts";
            case 431 -> "The request headers are larger than this server accepts";
            default ->
                status >= 500
                        ? "Something went wrong on our side. Quote the request id when reporting it."
                        : "The request could not be served: " + title.toLowerCase()
                                + ". Check the URL, its escapes and the headers.";
        };
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"request_id\":\"" + requestId + "\"}";
    }
}
