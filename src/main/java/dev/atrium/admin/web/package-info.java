@NullMarked
package dev.atrium.admin.web;

import org.jspecify.annotations.NullMarked;
