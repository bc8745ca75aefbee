package dev.atrium.goods.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.goods.internal.GoodsTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The goods feed's place in the admin panel. */
@Configuration(proxyBeanMethods = false)
class GoodsAdminPages {

    @Bean
    AdminSection goodsSection() {
        return new AdminSection("Goods feed", "/admin/goods", 95);
    }

    @Bean
    DashboardCount goodsCount(GoodsTable goods) {
        return new DashboardCount() {
            @Override
            public String label() {
                return "Goods rows";
            }

            @Override
            public String path() {
                return "/admin/goods";
            }

            @Override
            public long count() {
                return goods.count();
            }

            @Override
            public int order() {
                return 95;
            }
        };
    }
}
