@NullMarked
package dev.atrium.ordering.web;

import org.jspecify.annotations.NullMarked;
