/**
 * The ordering module's services and tables. Placing an order runs one way down: the web layer maps the request,
 * {@link dev.atrium.ordering.internal.OrderPlacement} checks what can be checked without locks, {@link
 * dev.atrium.ordering.internal.OrderDesk} queues the order in a lane, and {@link
 * dev.atrium.ordering.internal.OrderBatchWriter} decides and writes its batch under the locks, through {@link
 * dev.atrium.ordering.internal.IdempotencyKeyRepository}, {@link dev.atrium.ordering.internal.StockCheck} and {@link
 * dev.atrium.ordering.internal.OrderRepository}. A refusal of parts ({@link dev.atrium.ordering.internal.PartsRefused})
 * names them by position and product; the web layer names the fields.
 */
@NullMarked
package dev.atrium.ordering.internal;

import org.jspecify.annotations.NullMarked;
