@NullMarked
package dev.atrium.shared.security;

import org.jspecify.annotations.NullMarked;
