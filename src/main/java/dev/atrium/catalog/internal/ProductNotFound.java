package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No product has this id (it never existed, or it was deleted). */
public final class ProductNotFound extends ProblemException {

    private ProductNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", "Product " + id + " does not exist");
        with("product", id);
    }

    public static ProductNotFound byId(long id) {
        return new ProductNotFound(id);
    }
}
