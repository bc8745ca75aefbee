-- The shop catalogue: products (books among them), shops, and the stock each shop holds of each product.
-- Seed 000's goods feed is another table of another module and never mixes with these.

-- Case-insensitive substring search (ILIKE '%...%') in names, descriptions and authors, served by trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The shop's own article number, optional; the demo data uses it to load idempotently.
    sku         text UNIQUE CHECK (length(sku) BETWEEN 1 AND 64),
    name        text           NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text           NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    -- The list price; a shop may sell for another price (stock.price). Exact decimals, never floats.
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    photo_key   text,
    attributes  jsonb          NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    -- Books (seed 002's "Product (Book)") are products with these four filled in.
    author      text CHECK (length(author) <= 200),
    isbn        text CHECK (isbn ~ '^([0-9]{9}[0-9X]|97[89][0-9]{10})$'),
    publisher   text CHECK (length(publisher) <= 200),
    year        smallint CHECK (year BETWEEN 1450 AND 2100),
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX products_isbn_key ON products (isbn);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
CREATE INDEX products_description_trgm_idx ON products USING gin (description gin_trgm_ops);
CREATE INDEX products_author_trgm_idx ON products USING gin (author gin_trgm_ops);

CREATE TABLE shops (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    address     text        NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    site        text        NOT NULL DEFAULT '' CHECK (length(site) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX shops_name_key ON shops (lower(name));

-- A shop's assortment: a row means the shop sells the product, at its own price when price is set.
-- The CHECK is the last line of defence against overselling: no order, however it races, takes stock below zero.
CREATE TABLE stock (
    shop_id    bigint         NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    product_id bigint         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity   integer        NOT NULL CHECK (quantity >= 0),
    price      numeric(12, 2) CHECK (price >= 0),
    updated_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, product_id)
);

CREATE INDEX stock_product_idx ON stock (product_id);

-- Every change of a stock level made by hand (API or admin panel), with who made it and why.
-- Orders and cancellations are recorded on the orders themselves.
CREATE TABLE stock_adjustments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         bigint         NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    product_id      bigint         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity_before integer,
    quantity_after  integer        NOT NULL CHECK (quantity_after >= 0),
    price_after     numeric(12, 2),
    reason          text           NOT NULL CHECK (length(reason) <= 500),
    adjusted_by     bigint,
    adjusted_by_email text,
    adjusted_at     timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX stock_adjustments_stock_idx ON stock_adjustments (shop_id, product_id, adjusted_at DESC);
