@NullMarked
package dev.atrium.ar.web;

import org.jspecify.annotations.NullMarked;
