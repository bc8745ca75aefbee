package dev.atrium.ar.web;

import dev.atrium.admin.AdminSection;
import dev.atrium.admin.DashboardCount;
import dev.atrium.ar.internal.AppTokenService;
import dev.atrium.ar.internal.ImageTargetService;
import dev.atrium.ar.internal.ProjectService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The AR module's entries in the admin panel's navigation and its numbers on the dashboard. */
@Configuration(proxyBeanMethods = false)
class ArAdminNavigation {

    @Bean
    AdminSection projectsSection() {
        return new AdminSection("AR projects", ProjectAdminController.PATH, 80);
    }

    @Bean
    AdminSection appTokensSection() {
        return new AdminSection("App tokens", AppTokenAdminController.PATH, 90);
    }

    @Bean
    DashboardCount projectCount(ProjectService projects) {
        return new DashboardCount("AR projects", ProjectAdminController.PATH, 80, projects::countLive);
    }

    @Bean
    DashboardCount imageTargetCount(ImageTargetService targets) {
        return new DashboardCount("Image targets", ProjectAdminController.PATH, 81, targets::countLive);
    }

    @Bean
    DashboardCount appTokenCount(AppTokenService tokens) {
        return new DashboardCount("Live app tokens", AppTokenAdminController.PATH, 82, tokens::countLive);
    }
}
