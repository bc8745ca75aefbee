@NullMarked
package dev.atrium.goods.web;

import org.jspecify.annotations.NullMarked;
