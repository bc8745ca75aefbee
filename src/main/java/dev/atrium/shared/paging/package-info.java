@NullMarked
package dev.atrium.shared.paging;

import org.jspecify.annotations.NullMarked;
