@NullMarked
package dev.atrium.shared.web;

import org.jspecify.annotations.NullMarked;
