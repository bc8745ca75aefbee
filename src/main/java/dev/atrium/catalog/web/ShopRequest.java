package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.ShopService.ShopDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A shop, as created; for a change, the fields sent are changed and the others kept. */
record ShopRequest(
        @Schema(description = "Unique, whatever its case; 1 to 200 characters", example = "Harbour Street Books")
        @Nullable String name,

        @Schema(description = "At most 5000 characters", example = "New and second-hand books by the harbour") @Nullable String description,

        @Schema(description = "At most 500 characters", example = "12 Harbour Street, Portsmouth") @Nullable String address,

        @Schema(description = "An http:// or https:// address", example = "https://harbour.example") @Nullable
        String site) {

    ShopDraft draft() {
        return new ShopDraft(name, description, address, site);
    }

    /** The fields sent (non-null) over the shop's current ones. */
    ShopDraft over(ShopDraft current) {
        return new ShopDraft(
                name != null ? name : current.name(),
                description != null ? description : current.description(),
                address != null ? address : current.address(),
                site != null ? site : current.site());
    }
}
