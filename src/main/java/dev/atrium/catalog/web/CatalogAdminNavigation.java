package dev.atrium.catalog.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.catalog.internal.ProductRepository;
import dev.atrium.catalog.internal.ShopRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's entries in the admin panel's navigation and its numbers on the dashboard. */
@Configuration(proxyBeanMethods = false)
class CatalogAdminNavigation {

    @Bean
    AdminSection productsSection() {
        return new AdminSection("Products", "/admin/products", 30);
    }

    @Bean
    AdminSection shopsSection() {
        return new AdminSection("Shops", "/admin/shops", 31);
    }

    @Bean
    DashboardCount productCount(ProductRepository products) {
        return new DashboardCount("Products", "/admin/products", 30, products::count);
    }

    @Bean
    DashboardCount shopCount(ShopRepository shops) {
        return new DashboardCount("Shops", "/admin/shops", 31, () -> shops.count(null));
    }
}
