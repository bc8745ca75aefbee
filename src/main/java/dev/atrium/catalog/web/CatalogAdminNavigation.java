package dev.atrium.catalog.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.ShopService;
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
    DashboardCount productCount(ProductService products) {
        return new DashboardCount("Products", "/admin/products", 30, products::count);
    }

    @Bean
    DashboardCount shopCount(ShopService shops) {
        return new DashboardCount("Shops", "/admin/shops", 31, () -> shops.count(null));
    }
}
