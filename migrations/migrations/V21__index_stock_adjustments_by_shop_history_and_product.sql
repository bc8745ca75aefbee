-- A shop's page lists its latest adjustments (WHERE shop_id = ? ORDER BY adjusted_at DESC, id DESC LIMIT n), which
-- the (shop_id, product_id, adjusted_at) index could not read in order: it sorted every adjustment of the shop. The
-- new index reads just the first n, and still serves deleting a shop. Deleting a product scanned the whole table for
-- its adjustments; product_id now has an index of its own. Nothing else looked adjustments up by shop and product.
CREATE INDEX stock_adjustments_shop_idx ON stock_adjustments (shop_id, adjusted_at DESC, id DESC);
CREATE INDEX stock_adjustments_product_idx ON stock_adjustments (product_id);
DROP INDEX stock_adjustments_stock_idx;
