package dev.atrium.account.web;

import dev.atrium.account.internal.SignInHistory;
import dev.atrium.account.internal.UserAccounts;
import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the account pages sit in the admin panel's navigation, and what they count on its dashboard. */
@Configuration(proxyBeanMethods = false)
class AccountAdminPages {

    @Bean
    AdminSection usersSection() {
        return new AdminSection("Users", "/admin/users", 10);
    }

    @Bean
    AdminSection signInsSection() {
        return new AdminSection("Sign-ins", "/admin/sessions", 90);
    }

    @Bean
    DashboardCount usersCount(UserAccounts accounts) {
        return count("Users", "/admin/users", 10, accounts::countActive);
    }

    @Bean
    DashboardCount signInsTodayCount(SignInHistory history) {
        return count("Sign-ins today", "/admin/sessions", 80, history::today);
    }

    @Bean
    DashboardCount openSessionsCount(SignInHistory history) {
        return count("Open sessions", "/admin/sessions", 81, history::open);
    }

    private static DashboardCount count(String label, String path, int order, java.util.function.LongSupplier count) {
        return new DashboardCount() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public long count() {
                return count.getAsLong();
            }

            @Override
            public int order() {
                return order;
            }
        };
    }
}
