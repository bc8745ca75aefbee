package dev.atrium.goods.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.goods.internal.GoodService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The goods feed's place in the admin panel. */
@Configuration(proxyBeanMethods = false)
class GoodsAdminNavigation {

    @Bean
    AdminSection goodsSection() {
        return new AdminSection("Goods feed", "/admin/goods", 95);
    }

    @Bean
    DashboardCount goodsCount(GoodService goods) {
        return new DashboardCount("Goods rows", "/admin/goods", 95, goods::count);
    }
}
