package dev.atrium.account.web;

import dev.atrium.account.internal.SignInRecordService;
import dev.atrium.account.internal.UserService;
import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the account pages sit in the admin panel's navigation, and what they count on its dashboard. */
@Configuration(proxyBeanMethods = false)
class AccountAdminNavigation {

    @Bean
    AdminSection usersSection() {
        return new AdminSection("Users", "/admin/users", 10);
    }

    @Bean
    AdminSection signInsSection() {
        return new AdminSection("Sign-ins", "/admin/sessions", 90);
    }

    @Bean
    DashboardCount usersCount(UserService accounts) {
        return new DashboardCount("Users", "/admin/users", 10, accounts::countActive);
    }

    @Bean
    DashboardCount signInsTodayCount(SignInRecordService history) {
        return new DashboardCount("Sign-ins today", "/admin/sessions", 80, history::today);
    }

    @Bean
    DashboardCount openSessionsCount(SignInRecordService history) {
        return new DashboardCount("Open sessions", "/admin/sessions", 81, history::open);
    }
}
