package dev.atrium.shared.problem;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A request body over the limit of its endpoint. It is an {@link IOException} as well so that it can stop a body being
 * read part way through (a chunked upload has no length to check up front).
 */
public final class RequestBodyTooLarge extends ProblemException {

    private RequestBodyTooLarge(DataSize limit) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "Body too large",
                "The request body is larger than the " + describe(limit) + " this endpoint accepts");
        with("limit_bytes", limit.toBytes());
    }

    public static RequestBodyTooLarge over(DataSize limit) {
        return new RequestBodyTooLarge(limit);
    }

    /** The same failure, thrown from inside a stream that is being read. */
    public IOException asIOException() {
        return new IOException(getMessage(), this);
    }

    /** "1 MB", "3.5 MB", "512 KB": the limit as a person would say it. */
    private static String describe(DataSize limit) {
        long bytes = limit.toBytes();
        if (bytes >= 1024 * 1024) {
            return new java.math.BigDecimal(bytes)
                            .divide(java.math.BigDecimal.valueOf(1024 * 1024), 2, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}
