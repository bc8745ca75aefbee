package dev.atrium.catalog;

import dev.atrium.shared.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** No shop has this id; or, for a request naming no shop, there is no shop at all to stand in as the default. */
public final class ShopNotFound extends ProblemException {

    private ShopNotFound(@Nullable Long id, String detail) {
        super(HttpStatus.NOT_FOUND, "shop-not-found", "Shop not found", detail);
        if (id != null) {
            with("shop", id);
        }
    }

    public static ShopNotFound byId(long id) {
        return new ShopNotFound(id, "Shop " + id + " does not exist");
    }

    public static ShopNotFound noDefault() {
        return new ShopNotFound(null, "There is no shop yet, so no default shop: create one first");
    }
}
