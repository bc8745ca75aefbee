@NullMarked
package dev.atrium.account.web;

import org.jspecify.annotations.NullMarked;
