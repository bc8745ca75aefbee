package dev.atrium.admin;

import java.util.function.LongSupplier;

/**
 * A number on the admin dashboard ("Users: 1,204"), declared as a bean by the module that can count it.
 *
 * @param label what the number counts
 * @param path where the number links to, e.g. {@code /admin/users}
 * @param order where it goes on the dashboard, lowest first
 * @param counter counts afresh each time the dashboard is shown
 */
public record DashboardCount(String label, String path, int order, LongSupplier counter) {

    public long count() {
        return counter.getAsLong();
    }
}
