@NullMarked
package dev.atrium.organization.web;

import org.jspecify.annotations.NullMarked;
