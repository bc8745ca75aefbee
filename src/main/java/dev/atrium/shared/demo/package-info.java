@NullMarked
package dev.atrium.shared.demo;

import org.jspecify.annotations.NullMarked;
