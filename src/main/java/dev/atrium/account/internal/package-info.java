@NullMarked
package dev.atrium.account.internal;

import org.jspecify.annotations.NullMarked;
