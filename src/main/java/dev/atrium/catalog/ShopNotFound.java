package dev.atrium.catalog;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No shop has this id; or, for a request naming no shop, there is no shop at all to stand in as the default. */
public final class ShopNotFound extends ProblemException {

    private ShopNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "shop-not-found", "Shop not found", detail);
    }

    public static ShopNotFound byId(long id) {
        return (ShopNotFound) new ShopNotFound("Shop " + id + " does not exist").with("shop", id);
    }

    public static ShopNotFound noDefault() {
        return new ShopNotFound("There is no shop yet, so no default shop: create one first");
    }
}
