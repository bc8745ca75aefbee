/** What modules that run work on pools of their own share: how a task's failure reaches the thread that waited. */
@NullMarked
package dev.atrium.shared.concurrent;

import org.jspecify.annotations.NullMarked;
