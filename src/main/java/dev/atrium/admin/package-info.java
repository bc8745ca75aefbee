/**
 * The admin panel's shell: sign-in page, layout, navigation and dashboard. Each module owns its own admin pages and
 * announces them with an {@link dev.atrium.admin.AdminSection} bean; the dashboard shows every module's
 * {@link dev.atrium.admin.DashboardCount}s. Every module's lists are {@link dev.atrium.admin.AdminList}s, and what else
 * its pages share (times, return paths, htmx requests) is in {@link dev.atrium.admin.AdminPanel}.
 */
@ApplicationModule(displayName = "Admin panel")
@NullMarked
package dev.atrium.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
