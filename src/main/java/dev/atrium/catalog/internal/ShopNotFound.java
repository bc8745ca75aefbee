package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No shop has this id. */
public final class ShopNotFound extends ProblemException {

    private ShopNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "shop-not-found", "Shop not found", "Shop " + id + " does not exist");
        with("shop", id);
    }

    public static ShopNotFound byId(long id) {
        return new ShopNotFound(id);
    }
}
