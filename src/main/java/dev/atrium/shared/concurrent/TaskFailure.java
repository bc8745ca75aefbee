package dev.atrium.shared.concurrent;

import java.util.concurrent.ExecutionException;

/**
 * A task that ran on a pool's thread failed: its own exception, for the thread that waited for it, so that a problem
 * thrown on the pool (a refused image, a busy server) reaches the caller unchanged, as if the task had run there.
 */
public final class TaskFailure {

    private TaskFailure() {}

    /** The task's runtime exception, to throw; an {@link Error} is thrown from here; anything else is wrapped. */
    public static RuntimeException cause(ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
