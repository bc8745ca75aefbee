@NullMarked
package dev.atrium.goods.internal;

import org.jspecify.annotations.NullMarked;
