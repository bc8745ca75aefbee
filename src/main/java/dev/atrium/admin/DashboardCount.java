package dev.atrium.admin;

/**
 * A number on the admin dashboard ("Users: 1,204"), declared as a bean by the module that can count it.
 */
public interface DashboardCount {

    String label();

    /** Where the number links to, e.g. {@code /admin/users}. */
    String path();

    long count();

    /** Where it goes on the dashboard, lowest first. */
    default int order() {
        return 100;
    }
}
