package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.ModuleTestUsers;
import dev.atrium.catalog.internal.ProductDraft;
import dev.atrium.catalog.internal.ProductNotFound;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.ShopService.ShopDraft;
import dev.atrium.catalog.internal.ShopStock;
import dev.atrium.catalog.internal.StockService;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's own rules, with the module and what it depends on and nothing else: stock never goes below zero,
 * whether it is set by hand or taken by another module, only administrators change the catalogue, and a deleted product
 * is gone from every shop.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "storage")
@ActiveProfiles("test")
class CatalogModuleTests {

    @Autowired
    ShopService shops;

    @Autowired
    ProductService products;

    @Autowired
    StockService stock;

    @Autowired
    CatalogApi catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void a_products_stock_in_each_shop_is_what_was_set_and_never_below_zero() {
        CurrentUser administrator = ModuleTestUsers.administrator(jdbc);
        long harbour = shop(administrator, "Harbour");
        long station = shop(administrator, "Station");
        long product = product(administrator, "Lantern");

        stock.set(administrator, harbour, product, 3, null, "Delivery");
        stock.set(administrator, station, product, 7, null, "Delivery");
        assertThatThrownBy(() -> stock.set(administrator, harbour, product, -1, null, "Miscounted"))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        refusal -> assertThat(refusal.getBody().getProperties())
                                .extractingByKey("errors")
                                .asInstanceOf(InstanceOfAssertFactories.LIST)
                                .containsExactly(new FieldError("quantity", "must not be negative")));

        assertThat(levels(product)).containsEntry(harbour, 3).containsEntry(station, 7);
    }

    @Test
    void taking_more_than_a_shop_has_is_refused_and_takes_nothing() {
        CurrentUser administrator = ModuleTestUsers.administrator(jdbc);
        long shop = shop(administrator, "Quay");
        long plenty = product(administrator, "Candle");
        long scarce = product(administrator, "Wick");
        stock.set(administrator, shop, plenty, 10, null, "Delivery");
        stock.set(administrator, shop, scarce, 2, null, "Delivery");

        assertThatThrownBy(() -> take(new StockLine(shop, plenty, 4), new StockLine(shop, scarce, 3)))
                .isInstanceOfSatisfying(
                        NotEnoughStock.class,
                        refusal -> assertThat(refusal.shortages())
                                .singleElement()
                                .satisfies(shortage -> {
                                    assertThat(shortage.productId()).isEqualTo(scarce);
                                    assertThat(shortage.requested()).isEqualTo(3);
                                    assertThat(shortage.available()).isEqualTo(2);
                                }));
        assertThat(levels(plenty)).containsEntry(shop, 10);
        assertThat(levels(scarce)).containsEntry(shop, 2);

        take(new StockLine(shop, scarce, 2));
        assertThat(levels(scarce)).containsEntry(shop, 0);
        assertThatThrownBy(() -> take(new StockLine(shop, scarce, 1))).isInstanceOf(NotEnoughStock.class);
        assertThat(levels(scarce)).containsEntry(shop, 0);
    }

    /** The last guard, for a writer that skips the services: the table itself refuses a negative quantity. */
    @Test
    void the_database_refuses_stock_below_zero() {
        CatalogFixtures fixtures = new CatalogFixtures(jdbc);
        long shop = fixtures.shop("Floor");
        long product = fixtures.product("Floored " + CatalogFixtures.token(), "5.00");
        fixtures.stock(shop, product, 2);

        assertThatThrownBy(
                        () -> jdbc.sql("UPDATE stock SET quantity = quantity - 3 WHERE shop_id = ? AND product_id = ?")
                                .params(shop, product)
                                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("stock_quantity_check");
        assertThat(fixtures.quantity(shop, product)).isEqualTo(2);
    }

    @Test
    void only_administrators_change_shops_products_and_stock() {
        CurrentUser administrator = ModuleTestUsers.administrator(jdbc);
        CurrentUser user = ModuleTestUsers.user(jdbc);
        long shop = shop(administrator, "Guarded");
        long product = product(administrator, "Guarded");
        stock.set(administrator, shop, product, 5, null, "Delivery");

        assertForbidden(() -> shops.create(user, new ShopDraft("Taken over " + UUID.randomUUID(), "", "", "")));
        assertForbidden(() -> shops.update(user, shop, current -> new ShopDraft("Renamed", "", "", "")));
        assertForbidden(() -> products.create(user, draft("Slipped in")));
        assertForbidden(() -> products.update(user, product, current -> draft("Renamed")));
        assertForbidden(() -> products.delete(user, product));
        assertForbidden(() -> stock.set(user, shop, product, 500, null, "Free for all"));

        assertThat(shops.get(shop).name()).startsWith("Guarded");
        assertThat(products.get(product).name()).startsWith("Guarded");
        assertThat(levels(product)).containsEntry(shop, 5);
    }

    @Test
    void a_deleted_product_is_gone_with_its_stock_in_every_shop(AssertablePublishedEvents events) {
        CurrentUser administrator = ModuleTestUsers.administrator(jdbc);
        long shop = shop(administrator, "Closing");
        long product = product(administrator, "Doomed");
        stock.set(administrator, shop, product, 5, null, "Delivery");

        products.delete(administrator, product);

        assertThat(products.find(product)).isEmpty();
        assertThat(stock.availability(product)).isEmpty();
        assertThat(catalog.inShop(shop, List.of(product))).isEmpty();
        assertThat(events).contains(ProductDeleted.class).matching(ProductDeleted::productId, product);
        assertThatThrownBy(() -> products.delete(administrator, product)).isInstanceOf(ProductNotFound.class);
        assertThatThrownBy(() -> stock.set(administrator, shop, product, 1, null, "Restock"))
                .isInstanceOf(ProductNotFound.class);
    }

    private long shop(CurrentUser administrator, String name) {
        return shops.create(administrator, new ShopDraft(name + " " + UUID.randomUUID(), "", "", ""))
                .id();
    }

    private long product(CurrentUser administrator, String name) {
        return products.create(administrator, draft(name + " " + UUID.randomUUID()))
                .id();
    }

    private static ProductDraft draft(String name) {
        return new ProductDraft(null, name, "", new BigDecimal("4.00"), null, null, null, null, null);
    }

    /** How many of the product each shop selling it has, by shop id. */
    private Map<Long, Integer> levels(long product) {
        return stock.availability(product).stream()
                .filter(ShopStock::sold)
                .collect(Collectors.toMap(ShopStock::shopId, ShopStock::quantity));
    }

    /** Takes stock as another module does: in a transaction of its own, which a refusal rolls back. */
    private void take(StockLine... lines) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> catalog.takeStock(List.of(lines)));
    }

    private static void assertForbidden(Runnable change) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
    }
}
