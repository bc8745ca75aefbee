/**
 * The goods feed: the sign-in page at {@code /}, and {@code POST /api}, which signs the user in and, in the same
 * transaction, appends every record of {@code data/goods.json} to the {@code goods} table.
 */
@ApplicationModule(displayName = "Goods feed")
@NullMarked
package dev.atrium.goods;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
