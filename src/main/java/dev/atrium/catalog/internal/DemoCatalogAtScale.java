package dev.atrium.catalog.internal;

import dev.atrium.shared.demo.DemoData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated products on top of the demo catalogue, for measuring the catalogue at scale: {@code seed --products N}
 * makes the catalogue N products, the 1000 of {@link DemoCatalog} and N - 1000 generated ones (SKUs
 * {@code SCALE-0000001} on), books and goods made of the same words, stocked in the three demo shops by the same
 * rules. Without {@code --products} nothing is generated, so the default {@code seed} and embedded mode keep the demo
 * catalogue exactly as it is.
 *
 * <p>Generated in PostgreSQL, one {@code INSERT ... SELECT FROM generate_series} per batch for products and one for
 * their stock, each batch in a transaction of its own; a batch whose SKUs are all there already is skipped, so running
 * again adds only what is missing (and finishes a run that was stopped). The words are chosen by hashing the product's
 * number (independently for each word, so that every surname and title word occurs among the books), so every run
 * makes the same catalogue.
 */
@Component
@Order(21)
class DemoCatalogAtScale implements DemoData {

    static final int BATCH = 50_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final long products;

    DemoCatalogAtScale(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            @Value("${atrium.demo-data.products:0}") long products) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.products = products;
    }

    @Override
    public String load() {
        long generated = Math.max(0, products - (DemoCatalog.BOOKS + DemoCatalog.GOODS));
        if (generated == 0) {
            return "no generated products asked for (seed --products N makes the catalogue N products)";
        }
        long added = 0;
        for (long first = 1; first <= generated; first += BATCH) {
            long last = Math.min(generated, first + BATCH - 1);
            long lo = first;
            Long batch = transactions.execute(status -> addBatch(lo, last));
            added += batch == null ? 0 : batch;
        }
        if (added > 0) {
            // Fresh statistics for the planner at once; the visibility map the index-only scans want comes with the
            // autovacuum that a bulk insert sets off (bench/catalogue-scale.sh vacuums before it measures).
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL statement_timeout = 0").update();
                jdbc.sql("ANALYZE products, stock").update();
            });
        }
        return added + " generated products added (" + generated + " generated, " + products + " products in all)";
    }

    private long addBatch(long first, long last) {
        // A batch of 50,000 takes seconds: more than the timeout that guards requests, where the pool has one.
        jdbc.sql("SET LOCAL statement_timeout = 0").update();
        long present = jdbc.sql("SELECT count(*) FROM products WHERE sku BETWEEN :first AND :last")
                .param("first", sku(first))
                .param("last", sku(last))
                .query(Long.class)
                .single();
        if (present == last - first + 1) {
            return 0;
        }
        int added = jdbc.sql("""
                        WITH w AS (
                            SELECT CAST(:firstNames AS text[]) AS firsts, CAST(:lastNames AS text[]) AS lasts,
                                   CAST(:adjectives AS text[]) AS adjectives, CAST(:nouns AS text[]) AS nouns,
                                   CAST(:places AS text[]) AS places, CAST(:genres AS text[]) AS genres,
                                   CAST(:publishers AS text[]) AS publishers, CAST(:colours AS text[]) AS colours,
                                   CAST(:materials AS text[]) AS materials, CAST(:items AS text[]) AS items),
                        g AS (
                            SELECT i, i % 5 < 2 AS book,
                                   firsts[1 + mod(hashint8extended(i, 7) & 2147483647, cardinality(firsts))] || ' '
                                       || lasts[1 + mod(hashint8extended(i, 11) & 2147483647, cardinality(lasts))] AS author,
                                   adjectives[1 + mod(hashint8extended(i, 13) & 2147483647, cardinality(adjectives))] AS adjective,
                                   nouns[1 + mod(hashint8extended(i, 17) & 2147483647, cardinality(nouns))] AS noun,
                                   places[1 + mod(hashint8extended(i, 19) & 2147483647, cardinality(places))] AS place,
                                   genres[1 + mod(hashint8extended(i, 23) & 2147483647, cardinality(genres))] AS genre,
                                   1 + mod(hashint8extended(i, 29) & 2147483647, cardinality(publishers)) AS publisher,
                                   publishers, 1950 + mod(hashint8extended(i, 31) & 2147483647, 75) AS year,
                                   colours[1 + mod(hashint8extended(i, 37) & 2147483647, cardinality(colours))] AS colour,
                                   materials[1 + mod(hashint8extended(i, 41) & 2147483647, cardinality(materials))] AS material,
                                   items[1 + mod(hashint8extended(i, 43) & 2147483647, cardinality(items))] AS item,
                                   (ARRAY[0.49, 0.90, 0.99, 0.50])[1 + mod(hashint8extended(i, 47) & 2147483647, 4)] AS ending,
                                   '979' || lpad(CAST(i AS text), 9, '0') AS twelve
                            FROM w, generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) AS i)
                        INSERT INTO products (sku, name, description, price, attributes, author, isbn, publisher, year)
                        SELECT 'SCALE-' || lpad(CAST(i AS text), 7, '0'),
                               CASE WHEN NOT book THEN colour || ' ' || material || ' ' || item || ' No. ' || (1000 + i)
                                    WHEN i % 4 = 0 THEN 'The ' || adjective || ' ' || noun
                                    WHEN i % 4 = 1 THEN 'The ' || noun || ' of ' || place
                                    WHEN i % 4 = 2 THEN adjective || ' ' || noun || 's'
                                    ELSE 'A ' || noun || ' in ' || place END,
                               CASE WHEN book THEN 'A ' || genre || ' by ' || author || ', first published in ' || year
                                                   || '. Set around ' || replace(place, 'the ', '') || ', it follows a '
                                                   || lower(adjective) || ' ' || lower(noun)
                                                   || ' and the people who keep it.'
                                    ELSE 'A ' || lower(item) || ' in ' || lower(colour) || ' ' || lower(material)
                                         || ', made to last and to be given.' END,
                               CASE WHEN book THEN 6 + mod(hashint8extended(i, 53) & 2147483647, 29) ELSE 2 + mod(hashint8extended(i, 53) & 2147483647, 148) END + ending,
                               CASE WHEN book THEN jsonb_build_object('pages', 120 + mod(hashint8extended(i, 59) & 2147483647, 600), 'language', 'en',
                                                       'format', CASE WHEN i % 2 = 0 THEN 'paperback' ELSE 'hardback' END)
                                    ELSE jsonb_build_object('colour', colour, 'material', material) END,
                               CASE WHEN book THEN author END,
                               CASE WHEN book THEN twelve || (10 - (SELECT sum(CAST(substr(twelve, k, 1) AS int)
                                                                        * CASE WHEN k % 2 = 1 THEN 1 ELSE 3 END)
                                                                    FROM generate_series(1, 12) AS k) % 10) % 10 END,
                               CASE WHEN book THEN publishers[publisher] END,
                               CASE WHEN book THEN year END
                        FROM g
                        ON CONFLICT DO NOTHING""")
                .param("firstNames", DemoCatalog.FIRST_NAMES)
                .param("lastNames", DemoCatalog.LAST_NAMES)
                .param("adjectives", DemoCatalog.ADJECTIVES)
                .param("nouns", DemoCatalog.NOUNS)
                .param("places", DemoCatalog.PLACES)
                .param("genres", DemoCatalog.GENRES)
                .param("publishers", DemoCatalog.PUBLISHERS)
                .param("colours", DemoCatalog.COLOURS)
                .param("materials", DemoCatalog.MATERIALS)
                .param("items", DemoCatalog.ITEMS)
                .param("first", first)
                .param("last", last)
                .update();
        // The demo catalogue's rules: Harbour Street nearly everything, some 10% under list price; Old Town Reads
        // books only at list price; Riverside most goods and some books, some 5% over. One in ten is sold out.
        jdbc.sql("""
                        INSERT INTO stock (shop_id, product_id, quantity, price)
                        SELECT sh.id, p.id,
                               CASE WHEN mod(hashint8extended(n, 61 + v.shop) & 2147483647, 10) = 0 THEN 0 ELSE 1 + mod(hashint8extended(n, 67 + v.shop) & 2147483647, 40) END,
                               CASE WHEN v.shop = 1 AND n % 4 = 0 THEN round(p.price * 0.90, 2)
                                    WHEN v.shop = 3 AND n % 3 = 0 THEN round(p.price * 1.05, 2) END
                        FROM products p
                        CROSS JOIN LATERAL (SELECT CAST(substr(p.sku, 7) AS bigint) AS n) AS k
                        JOIN unnest(CAST(:shops AS text[])) WITH ORDINALITY AS v(name, shop) ON
                             CASE v.shop WHEN 1 THEN mod(hashint8extended(n, 71) & 2147483647, 100) < 90
                                         WHEN 2 THEN p.author IS NOT NULL AND mod(hashint8extended(n, 73) & 2147483647, 100) < 80
                                         ELSE mod(hashint8extended(n, 79) & 2147483647, 100) < CASE WHEN p.author IS NULL THEN 70 ELSE 25 END END
                        JOIN shops sh ON lower(sh.name) = lower(v.name)
                        WHERE p.sku BETWEEN :first AND :last
                        ON CONFLICT (shop_id, product_id) DO NOTHING""")
                .param(
                        "shops",
                        DemoCatalog.SHOPS.stream()
                                .map(DemoCatalog.DemoShop::name)
                                .toArray(String[]::new))
                .param("first", sku(first))
                .param("last", sku(last))
                .update();
        return added;
    }

    static String sku(long number) {
        return String.format("SCALE-%07d", number);
    }
}
