package dev.atrium.catalog.internal;

import dev.atrium.catalog.ShopSummary;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and deleting shops (administrators only), and finding the default shop. */
@Service
public class ShopService {

    private final ShopRepository shops;
    private final String defaultShopName;

    private final CataloguePages pages;

    ShopService(
            ShopRepository shops,
            @Value("${atrium.catalog.default-shop:}") String defaultShopName,
            CataloguePages pages) {
        this.shops = shops;
        this.pages = pages;
        this.defaultShopName = defaultShopName;
    }

    /** A shop's fields as given, not yet checked. */
    public record ShopDraft(
            @Nullable String name,
            @Nullable String description,
            @Nullable String address,
            @Nullable String site) {

        public static ShopDraft of(Shop shop) {
            return new ShopDraft(shop.name(), shop.description(), shop.address(), shop.site());
        }
    }

    public Shop get(long id) {
        return shops.findById(id).orElseThrow(() -> ShopNotFound.byId(id));
    }

    public Optional<Shop> find(long id) {
        return shops.findById(id);
    }

    public boolean exists(long id) {
        return shops.exists(id);
    }

    /** Shops whose name, address or description contains the text (any case), by id. */
    public List<Shop> search(@Nullable String q, PageQuery page) {
        return shops.search(q, page);
    }

    /** How many shops {@link #search} finds for the text, over all its pages. */
    public long count(@Nullable String q) {
        return shops.count(q);
    }

    /** The shop's id and name, as an order needs them. */
    public Optional<ShopSummary> summary(long id) {
        return shops.summaryOf(id);
    }

    /** The default shop's id and name, as an order needs them. */
    public Optional<ShopSummary> defaultSummary() {
        return shops.defaultSummary(defaultShopName);
    }

    /** The shop standing for every request that names none, if there is any shop at all. */
    public Optional<Shop> defaultShop() {
        return shops.defaultShop(defaultShopName);
    }

    @Transactional
    public Shop create(CurrentUser actor, ShopDraft draft) {
        Admins.require(actor);
        ShopFields fields = check(draft);
        refuseTakenName(fields.name(), 0);
        pages.changed();
        return shops.insert(fields.name(), fields.description(), fields.address(), fields.site());
    }

    @Transactional
    public Shop update(CurrentUser actor, long id, Function<Shop, ShopDraft> change) {
        Admins.require(actor);
        Shop current = get(id);
        ShopFields fields = check(change.apply(current));
        refuseTakenName(fields.name(), id);
        pages.changed();
        return shops.update(id, fields.name(), fields.description(), fields.address(), fields.site())
                .orElseThrow(() -> ShopNotFound.byId(id));
    }

    /** Deletes a shop and its stock. Past orders keep the shop's id and name. */
    @Transactional
    public void delete(CurrentUser actor, long id) {
        Admins.require(actor);
        if (!shops.removeById(id)) {
            throw ShopNotFound.byId(id);
        }
        pages.changed();
    }

    private void refuseTakenName(String name, long id) {
        if (shops.nameTaken(name, id)) {
            throw ProblemException.conflict(
                            "shop-name-taken", "Shop name taken", "Another shop is already called " + name)
                    .with("field", "name");
        }
    }

    private static ShopFields check(ShopDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String description = strip(draft.description());
        if (description.length() > 5000) {
            errors.add(new FieldError("description", "must be at most 5000 characters"));
        }
        String address = strip(draft.address());
        if (address.length() > 500) {
            errors.add(new FieldError("address", "must be at most 500 characters"));
        }
        String site = strip(draft.site());
        if (!site.isEmpty() && !isWebAddress(site)) {
            errors.add(new FieldError("site", "must be an http:// or https:// address"));
        } else if (site.length() > 500) {
            errors.add(new FieldError("site", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new ShopFields(name, description, address, site);
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean isWebAddress(String site) {
        try {
            URI uri = URI.create(site);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
