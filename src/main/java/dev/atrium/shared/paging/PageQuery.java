package dev.atrium.shared.paging;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list the caller wants: {@code page} counts from 1 (default 1), {@code limit} is the page size
 * (default 50; anything above 1000 is served as 1000).
 */
public record PageQuery(
        @Parameter(description = "Page number, counting from 1", example = "1") @Min(1) @Nullable Integer page,

        @Parameter(description = "Items per page (default 50, at most 1000)", example = "50") @Min(1) @Nullable Integer limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public int pageNumber() {
        return page == null ? 1 : page;
    }

    public int size() {
        return limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public long offset() {
        return (long) (pageNumber() - 1) * size();
    }
}
