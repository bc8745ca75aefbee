-- The size of the whole catalogue and of each shop's assortment, kept exact by triggers, so that an unfiltered
-- product list answers its count from one row instead of counting every product on every page (a count(*) of a
-- million products reads a million index entries). The triggers run once per statement on its transition table, so a
-- bulk insert of 50,000 products updates the count once. A transaction that adds or removes products holds the count's
-- row until it commits: writers of the catalogue queue behind each other there, which the catalogue's rare,
-- administrators-only writes afford; orders change stock quantities, never its rows, and never touch these counts.

CREATE TABLE catalogue_size (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    products bigint  NOT NULL CHECK (products >= 0)
);

-- No foreign key to shops: a shop's row stays (at 0) when the shop is deleted, as its stock goes with it.
CREATE TABLE assortment_sizes (
    shop_id  bigint PRIMARY KEY,
    products bigint NOT NULL CHECK (products >= 0)
);

INSERT INTO catalogue_size (products) SELECT count(*) FROM products;
INSERT INTO assortment_sizes (shop_id, products) SELECT shop_id, count(*) FROM stock GROUP BY shop_id;

CREATE FUNCTION catalogue_size_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added bigint := (SELECT count(*) FROM changed_products);
BEGIN
    IF added > 0 THEN
        UPDATE catalogue_size SET products = products + added;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION catalogue_size_remove() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    removed bigint := (SELECT count(*) FROM changed_products);
BEGIN
    IF removed > 0 THEN
        UPDATE catalogue_size SET products = products - removed;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION catalogue_size_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_size SET products = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER products_counted_on_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION catalogue_size_add();
CREATE TRIGGER products_counted_on_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS changed_products FOR EACH STATEMENT EXECUTE FUNCTION catalogue_size_remove();
CREATE TRIGGER products_counted_on_truncate AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_size_empty();

CREATE FUNCTION assortment_sizes_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO assortment_sizes AS a (shop_id, products)
    SELECT shop_id, count(*) FROM changed_stock GROUP BY shop_id
    ON CONFLICT (shop_id) DO UPDATE SET products = a.products + excluded.products;
    RETURN NULL;
END $$;

CREATE FUNCTION assortment_sizes_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE assortment_sizes a SET products = a.products - r.products
    FROM (SELECT shop_id, count(*) AS products FROM changed_stock GROUP BY shop_id) r
    WHERE a.shop_id = r.shop_id;
    RETURN NULL;
END $$;

-- A stock row never moves to another shop (shop and product are its key), so an update leaves the sizes alone.
CREATE FUNCTION assortment_sizes_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM assortment_sizes;
    RETURN NULL;
END $$;

CREATE TRIGGER stock_counted_on_insert AFTER INSERT ON stock
    REFERENCING NEW TABLE AS changed_stock FOR EACH STATEMENT EXECUTE FUNCTION assortment_sizes_add();
CREATE TRIGGER stock_counted_on_delete AFTER DELETE ON stock
    REFERENCING OLD TABLE AS changed_stock FOR EACH STATEMENT EXECUTE FUNCTION assortment_sizes_remove();
CREATE TRIGGER stock_counted_on_truncate AFTER TRUNCATE ON stock
    FOR EACH STATEMENT EXECUTE FUNCTION assortment_sizes_empty();
