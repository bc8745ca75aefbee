package dev.atrium.shared.problem;

import dev.atrium.shared.web.RequestIdAttribute;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where failures become {@code application/problem+json}. Spring MVC's own failures (malformed JSON,
 * validation, unknown path, wrong method or media type) arrive through {@link ResponseEntityExceptionHandler}; the
 * modules' {@link ProblemException}s and the infrastructure's exceptions through the handlers below. Filters hand their
 * failures here too, through Spring's {@code HandlerExceptionResolver}. Every body names the request id; none carries a
 * stack trace or an internal class name.
 */
@RestControllerAdvice
public class ProblemTranslation extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemTranslation.class);

    private final ExceptionHandlerMethodResolver handlers =
            new ExceptionHandlerMethodResolver(ProblemTranslation.class);

    /**
     * The problem an exception stands for, chosen by the same handlers as for the API, for pages that show failures
     * in their own way (the admin panel). Every handler here takes the exception and the request.
     */
    public ProblemDetail problemFor(Exception ex, WebRequest request) {
        Method handler = handlers.resolveMethod(ex);
        ResponseEntity<?> answer;
        try {
            if (handler == null) {
                throw ex;
            }
            ReflectionUtils.makeAccessible(handler);
            answer = (ResponseEntity<?>) handler.invoke(this, ex, request);
        } catch (Exception unknown) {
            // No handler of ours, or Spring MVC's own handler did not know it either.
            answer = handleUnexpected(ex, request);
        }
        return answer != null && answer.getBody() instanceof ProblemDetail problem
                ? problem
                : ProblemDetail.forStatus(answer == null ? HttpStatus.INTERNAL_SERVER_ERROR : answer.getStatusCode());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(fieldErrors(ex.getBindingResult()), ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldError(snake(name == null ? "argument" : name), messageOf(error)));
            }
        });
        return invalid(errors, ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return invalid(List.of(new FieldError(name, mustBe(ex.getRequiredType()))), ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof RequestBodyTooLarge tooLarge) {
            return handleProblem(tooLarge, request);
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(path(mismatch), mustBe(mismatch.getTargetType()))), ex, request);
        }
        String detail;
        if (cause instanceof StreamConstraintsException) {
            detail = "The body exceeds a JSON limit (nesting depth, string length or number length)";
        } else if (cause instanceof StreamReadException malformed) {
            detail = "The body is not valid JSON" + where(malformed) + ": "
                    + firstSentence(malformed.getOriginalMessage());
        } else if (cause instanceof JacksonException jackson) {
            detail = "The body does not have the expected shape" + where(jackson);
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "The request needs a body";
        } else {
            detail = "The body could not be read";
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(URI.create("https://atrium.dev/problems/malformed-body"));
        body.setTitle("Malformed body");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart body that cannot be parsed (cut short, no closing boundary) is the client's mistake, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMalformedMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The multipart/form-data body could not be read: it is malformed or cut short");
        body.setType(URI.create("https://atrium.dev/problems/malformed-body"));
        body.setTitle("Malformed body");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        return handleExceptionInternal(ex, ex.getBody(), ex.getHeaders(), ex.getStatusCode(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        return handleProblem(Unauthorized.because("Authentication is required to access this resource"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        return handleProblem(ProblemException.forbidden("You are not allowed to do this"), request);
    }

    /**
     * Spring Security's firewall checks parameter and header names only when they are read, so its refusal can arrive
     * from anywhere: the client's mistake, as when it refuses a URL up front.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
        return handleProblem(
                ProblemException.badRequest(
                        "rejected-request",
                        "Rejected request",
                        "The parameters or headers of this request are not accepted"),
                request);
    }

    @ExceptionHandler({
        TransientDataAccessException.class,
        NonTransientDataAccessResourceException.class, // a connection that cannot be had, among others
        org.springframework.data.redis.RedisConnectionFailureException.class,
        org.springframework.data.redis.RedisSystemException.class
    })
    ResponseEntity<Object> handleUnavailable(Exception ex, WebRequest request) {
        log.warn("A data store is unavailable: " + ex.getMessage());
        return handleProblem(ServiceUnavailable.dataStore(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            // Data exceptions: a value PostgreSQL cannot store at all, such as a NUL character in a string.
            return handleProblem(
                    ProblemException.badRequest(
                            "unstorable-value",
                            "Invalid request",
                            "The request holds a value that cannot be stored, such as a NUL character"),
                    request);
        }
        // Modules check their rules before writing; this is the database refusing a race that slipped past them.
        log.info(
                "Refused by a database constraint: " + ex.getMostSpecificCause().getMessage());
        return handleProblem(
                ProblemException.conflict(
                        "conflict", "Conflict", "The request conflicts with the current state of the data; try again"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (ServiceUnavailable.isDataStoreOutage(ex)) {
            // A store's failure wrapped in some other exception (Bucket4j's, a template's, ...): still a 503.
            return handleUnavailable(ex, request);
        }
        log.error("Unexpected failure of " + describe(request), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the request id when reporting it.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex,
            @Nullable Object body,
            @Nullable HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        if (statusCode.is4xxClientError() && log.isDebugEnabled()) {
            log.debug("Refused " + describe(request) + " with " + statusCode.value() + ": " + ex.getMessage());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Every problem body, whichever handler made it, names its path and the request id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(http.getRequestURI()));
            }
            String requestId = RequestIdAttribute.of(http);
            if (requestId != null) {
                problem.setProperty("request_id", requestId);
            }
        }
        HttpHeaders answer = headers;
        if (body instanceof ProblemDetail) {
            // Fixed, not negotiated: a client that asked for text/csv still learns what went wrong. (The headers
            // handed in may be an exception's own, read-only.)
            answer = new HttpHeaders();
            answer.putAll(headers);
            answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, answer, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors, Exception ex, WebRequest request) {
        InvalidRequest problem = InvalidRequest.of(errors);
        return handleExceptionInternal(ex, problem.getBody(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            if (error instanceof org.springframework.validation.FieldError field) {
                String message =
                        field.isBindingFailure() ? mustBe(result.getFieldType(field.getField())) : messageOf(field);
                errors.add(new FieldError(snakePath(field.getField()), message));
            } else {
                errors.add(new FieldError(snake(error.getObjectName()), messageOf(error)));
            }
        }
        return errors;
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    static String mustBe(@Nullable Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class
                || type == Double.class
                || type == double.class
                || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == char[].class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString().toLowerCase(Locale.ROOT));
            }
            return "must be one of " + String.join(", ", names);
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or timestamp";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    /** The JSON path of a field, as the caller wrote it ({@code parts[0].quantity_in_order}). */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String where(JacksonException ex) {
        var location = ex.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstSentence(@Nullable String message) {
        if (message == null) {
            return "unexpected content";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Bean Validation names Java properties; callers know the JSON names ({@code parts[0].quantityInOrder}). */
    static String snakePath(String path) {
        StringBuilder out = new StringBuilder();
        StringBuilder segment = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == '.' || c == '[') {
                out.append(snake(segment.toString())).append(c);
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        out.append(snake(segment.toString()));
        return out.toString();
    }

    private static String snake(String name) {
        if (name.isEmpty() || name.endsWith("]")) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
        }
        return request.getDescription(false);
    }
}
