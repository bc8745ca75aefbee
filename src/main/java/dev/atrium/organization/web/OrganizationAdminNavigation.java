package dev.atrium.organization.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.organization.internal.OrganizationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the organization pages sit in the admin panel's navigation, and their count on its dashboard. */
@Configuration(proxyBeanMethods = false)
class OrganizationAdminNavigation {

    @Bean
    AdminSection organizationsSection() {
        return new AdminSection("Organizations", "/admin/organizations", 20);
    }

    @Bean
    DashboardCount organizationsCount(OrganizationService organizations) {
        return new DashboardCount("Organizations", "/admin/organizations", 20, organizations::count);
    }
}
