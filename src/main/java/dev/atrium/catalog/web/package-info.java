@NullMarked
package dev.atrium.catalog.web;

import org.jspecify.annotations.NullMarked;
