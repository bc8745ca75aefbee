package dev.atrium.ordering.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.ordering.internal.OfferService;
import dev.atrium.ordering.internal.OrderService;
import dev.atrium.ordering.internal.OrderStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ordering's entries in the admin panel's navigation and its numbers on the dashboard. */
@Configuration(proxyBeanMethods = false)
class OrderingAdminNavigation {

    @Bean
    AdminSection offersSection() {
        return new AdminSection("Offers", "/admin/offers", 40);
    }

    @Bean
    AdminSection ordersSection() {
        return new AdminSection("Orders", "/admin/orders", 41);
    }

    @Bean
    DashboardCount ordersToday(OrderService orders, Clock clock) {
        return new DashboardCount(
                "Orders today (UTC)",
                "/admin/orders",
                40,
                () -> orders.countPlacedSince(
                        LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    @Bean
    DashboardCount ordersToShip(OrderService orders) {
        return new DashboardCount(
                "Paid orders to ship", "/admin/orders?status=paid", 41, () -> orders.countWithStatus(OrderStatus.PAID));
    }

    @Bean
    DashboardCount offersInForce(OfferService offers, Clock clock) {
        return new DashboardCount("Offers in force", "/admin/offers", 42, () -> offers.count(clock.instant(), null));
    }
}
