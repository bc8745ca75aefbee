-- The statement Atrium runs for GET /api/products?page=N&limit=50 (ProductListing, default shop, no filters),
-- for pgbench: the raw-SQL baseline of the listing benchmark. The page's ids come from products alone; the count from
-- the size kept in catalogue_size.
\set page random(1, 20)
\set offset (:page - 1) * 50
WITH shop AS (SELECT id FROM shops ORDER BY (lower(name) = lower('')) DESC, id LIMIT 1), chosen AS (SELECT p.id FROM products p WHERE true ORDER BY p.id LIMIT 50 OFFSET :offset) SELECT p.id, p.name, p.description, coalesce(s.price, p.price) AS price, p.price AS list_price, coalesce(s.quantity, 0) AS quantity, s.shop_id IS NOT NULL AS sold, p.author, p.isbn, p.publisher, p.year, p.photo_key, (SELECT id FROM shop) AS shop_id, (SELECT products FROM catalogue_size) AS total FROM chosen JOIN products p ON p.id = chosen.id LEFT JOIN stock s ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop) ORDER BY p.id;
