package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.Shop;
import dev.atrium.catalog.internal.ShopService.ShopDraft;
import org.jspecify.annotations.Nullable;

/** The admin panel's shop form, as typed. */
class ShopForm {

    private String name = "";
    private String description = "";
    private String address = "";
    private String site = "";

    static ShopForm of(Shop shop) {
        ShopForm form = new ShopForm();
        form.name = shop.name();
        form.description = shop.description();
        form.address = shop.address();
        form.site = shop.site();
        return form;
    }

    ShopDraft draft() {
        return new ShopDraft(name, description, address, site);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = text(name);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = text(description);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = text(address);
    }

    public String getSite() {
        return site;
    }

    public void setSite(@Nullable String site) {
        this.site = text(site);
    }
}
