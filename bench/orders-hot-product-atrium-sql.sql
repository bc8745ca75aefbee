-- The statements Atrium's order transaction runs for one order (OrderBatchWriter with a batch of one), for pgbench:
-- lock the stock row, read the offers in force, lock and take the stock, allocate the id, insert order and line.
-- pgbench -D shop=<id> -D product=<id> -D user=<id>
BEGIN;
SELECT s.shop_id, s.product_id, p.name, coalesce(s.price, p.price) AS price, s.quantity FROM stock s JOIN products p ON p.id = s.product_id WHERE (s.shop_id, s.product_id) IN (SELECT * FROM unnest(ARRAY[:shop]::bigint[], ARRAY[:product]::bigint[])) ORDER BY s.shop_id, s.product_id FOR UPDATE OF s;
SELECT id, name, kind, product_id, buy_quantity, free_quantity, percent, valid_from, valid_to, active, created_at, updated_at FROM offers WHERE active AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now()) AND (product_id IS NULL OR product_id = ANY (ARRAY[:product]::bigint[])) ORDER BY id;
SELECT s.shop_id, s.product_id, p.name, coalesce(s.price, p.price) AS price, s.quantity FROM stock s JOIN products p ON p.id = s.product_id WHERE (s.shop_id, s.product_id) IN (SELECT * FROM unnest(ARRAY[:shop]::bigint[], ARRAY[:product]::bigint[])) ORDER BY s.shop_id, s.product_id FOR UPDATE OF s;
UPDATE stock s SET quantity = s.quantity - v.quantity, updated_at = now() FROM unnest(ARRAY[:shop]::bigint[], ARRAY[:product]::bigint[], ARRAY[1]::int[]) AS v(shop_id, product_id, quantity) WHERE s.shop_id = v.shop_id AND s.product_id = v.product_id;
SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, 1);
INSERT INTO orders (user_id, shop_id, shop_name, status, subtotal, discount, total, created_at, updated_at) VALUES (:user, :shop, 'Harbour Street Books', 'created', 9.99, 0, 9.99, now(), now());
INSERT INTO order_lines (order_id, position, product_id, product_name, quantity, unit_price, discount, line_total) VALUES (currval(pg_get_serial_sequence('orders', 'id')), 0, :product, 'Bench hot item', 1, 9.99, 0, 9.99);
COMMIT;
