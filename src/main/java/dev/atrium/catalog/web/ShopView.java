package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.Shop;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

record ShopView(
        long id,
        @Schema(example = "Harbour Street Books") String name,
        String description,
        @Schema(example = "12 Harbour Street, Portsmouth") String address,
        @Schema(example = "https://harbour.example") String site,

        @Schema(description = "Whether this shop stands for requests that name no shop")
        boolean isDefault,

        Instant createdAt,
        Instant updatedAt) {

    static ShopView of(Shop shop, long defaultShopId) {
        return new ShopView(
                shop.id(),
                shop.name(),
                shop.description(),
                shop.address(),
                shop.site(),
                shop.id() == defaultShopId,
                shop.createdAt(),
                shop.updatedAt());
    }
}
