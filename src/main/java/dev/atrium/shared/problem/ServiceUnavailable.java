package dev.atrium.shared.problem;

import org.springframework.http.HttpStatus;

/** A store Atrium depends on (PostgreSQL or Redis) does not answer; the request changed nothing and may be retried. */
public final class ServiceUnavailable extends ProblemException {

    private ServiceUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
        getHeaders().set("Retry-After", "5");
    }

    public static ServiceUnavailable dataStore() {
        return new ServiceUnavailable("A data store is not answering right now; try again in a few seconds");
    }

    public static ServiceUnavailable busy(String detail) {
        return new ServiceUnavailable(detail);
    }
}
