-- Indexes that keep the product lists' cost independent of the catalogue's size (see ProductListing).
-- Built in the migration's transaction, so writes to products and stock wait for them: about ten seconds at a million
-- products. Reads go on.
--
-- ordering=name and ordering=-name sort by (name, id) and (name DESC, id): without an index, their first page sorted
-- every product (0.9 s at a million). One index per direction, since the ties go by id ascending both ways and a
-- b-tree read backwards reverses every column. Both cover the page's ids, so a deep page skips its offset as index
-- entries (index-only once the table is vacuumed), as ordering=id does on the primary key.
CREATE INDEX products_name_id_idx ON products (name, id);
CREATE INDEX products_name_desc_id_idx ON products (name DESC, id);

-- A price filter is on the price the shop sells at, coalesce(stock.price, products.price), which no index of one
-- table holds. ProductListing splits it into the products without a price of the shop's own (by list price, here) and
-- the shop's own prices (below), so that counting the matches reads index entries instead of walking the catalogue.
CREATE INDEX products_price_id_idx ON products (price, id);

-- Only rows with a price of their own: the others are priced by their product. Orders change stock quantities and
-- never a price, so this index does not cost the order path its HOT updates.
CREATE INDEX stock_shop_price_idx ON stock (shop_id, price, product_id) WHERE price IS NOT NULL;
