-- The naive order transaction for pgbench: take one unit of the hot product if there is one, insert the order and its
-- line, commit. Each client is one buyer, as when every order takes its own transaction.
-- pgbench -D shop=<id> -D product=<id> -D user=<id>
BEGIN;
UPDATE stock SET quantity = quantity - 1, updated_at = now() WHERE shop_id = :shop AND product_id = :product AND quantity >= 1;
INSERT INTO orders (user_id, shop_id, shop_name, status, subtotal, discount, total, created_at, updated_at) VALUES (:user, :shop, 'Harbour Street Books', 'created', 9.99, 0, 9.99, now(), now());
INSERT INTO order_lines (order_id, position, product_id, product_name, quantity, unit_price, discount, line_total) VALUES (currval(pg_get_serial_sequence('orders', 'id')), 0, :product, 'Bench hot item', 1, 9.99, 0, 9.99);
COMMIT;
