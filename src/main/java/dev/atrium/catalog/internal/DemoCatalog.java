package dev.atrium.catalog.internal;

import dev.atrium.shared.demo.DemoData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue: 1000 products (400 of them books with real-looking authors and valid ISBNs) and three shops
 * with different assortments, stock and prices. Generated from a fixed seed, so every load makes the same catalogue;
 * loaded with one statement per table, keyed by SKU and shop name, so loading again adds only what is missing.
 */
@Component
@Order(20)
class DemoCatalog implements DemoData {

    static final int BOOKS = 400;
    static final int GOODS = 600;

    record DemoShop(String name, String description, String address, String site) {}

    static final List<DemoShop> SHOPS = List.of(
            new DemoShop(
                    "Harbour Street Books",
                    "The flagship: nearly everything in the catalogue, at list price or a little under.",
                    "12 Harbour Street, Portsmouth PO1 2JD",
                    "https://harbour-street.example"),
            new DemoShop(
                    "Old Town Reads",
                    "A booksellers' bookshop: books only, many of them signed, at the publishers' prices.",
                    "3 Castle Lane, York YO1 7HH",
                    "https://oldtownreads.example"),
            new DemoShop(
                    "Riverside Stationers",
                    "Paper, pens, games and a shelf of bestsellers by the river.",
                    "48 Quay Road, Bristol BS1 4QA",
                    "https://riverside-stationers.example"));

    static final String[] FIRST_NAMES = {
        "Maria", "James", "Amelia", "Oliver", "Sofia", "Henry", "Isla", "Thomas", "Clara", "Daniel", "Nora", "Samuel",
        "Elena", "Arthur", "Ingrid", "Felix", "Hannah", "Tobias", "Margot", "Lucas", "Ada", "Victor", "Freya", "Hugo",
        "Yara", "Kenji", "Priya", "Mateo", "Leila", "Anton"
    };
    static final String[] LAST_NAMES = {
        "Lindqvist",
        "Whitmore",
        "Okafor",
        "Castellanos",
        "Brennan",
        "Hartley",
        "Novak",
        "Fairweather",
        "Moreau",
        "Ashdown",
        "Kowalczyk",
        "Delacroix",
        "Sandoval",
        "Thornbury",
        "Halvorsen",
        "Achterberg",
        "Blackwood",
        "Marchetti",
        "Ellison",
        "Varga",
        "Takahashi",
        "Raman",
        "Oyelaran",
        "Stratton",
        "Quill"
    };
    static final String[] ADJECTIVES = {
        "Quiet",
        "Silent",
        "Burning",
        "Hidden",
        "Lost",
        "Northern",
        "Winter",
        "Golden",
        "Broken",
        "Distant",
        "Bright",
        "Crimson",
        "Hollow",
        "Last",
        "Forgotten",
        "Wandering",
        "Paper",
        "Glass",
        "Iron",
        "Secret"
    };
    static final String[] NOUNS = {
        "Harbour", "Garden", "Orchard", "Lighthouse", "River", "Library", "Station", "Mountain", "Island", "Letter",
        "Archive", "Compass", "Kingdom", "Meadow", "Voyage", "Clockmaker", "Cartographer", "Tide", "Bridge", "Forest"
    };
    static final String[] PLACES = {
        "Ashford",
        "the North Sea",
        "Valparaíso",
        "Kraków",
        "the Fens",
        "Lisbon",
        "Tromsø",
        "the Old Quarter",
        "Kyoto",
        "the Salt Marsh"
    };
    static final String[] GENRES = {
        "novel",
        "mystery",
        "memoir",
        "history",
        "poetry collection",
        "thriller",
        "biography",
        "essay collection",
        "travel book",
        "fantasy novel"
    };
    static final String[] PUBLISHERS = {
        "Northwind Press",
        "Larkspur Books",
        "Meridian House",
        "Blue Heron Publishing",
        "Saltmarsh Editions",
        "Kestrel & Lowe",
        "Foxglove Press",
        "Granite Street Books"
    };
    static final String[] COLOURS = {"Blue", "Black", "Forest Green", "Burgundy", "Ivory", "Slate", "Ochre"};
    static final String[] MATERIALS = {"Leather", "Linen", "Recycled Paper", "Oak", "Brass", "Cotton", "Cork"};
    static final String[] ITEMS = {
        "Notebook",
        "Journal",
        "Fountain Pen",
        "Bookmark",
        "Desk Lamp",
        "Reading Light",
        "Tote Bag",
        "Pencil Case",
        "Jigsaw Puzzle",
        "Chess Set",
        "Card Game",
        "Wall Calendar",
        "Book Stand",
        "Gift Card Holder",
        "Sketchbook"
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CataloguePages pages;

    DemoCatalog(JdbcClient jdbc, JsonMapper json, CataloguePages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @Override
    @Transactional
    public String load() {
        int shops = insertShops();
        Generated generated = generate();
        int products = insertProducts(generated);
        int stock = insertStock(generated);
        pages.changed();
        return products + " products, " + shops + " shops and " + stock + " stock rows added (" + (BOOKS + GOODS)
                + " products and " + SHOPS.size() + " shops in all)";
    }

    private int insertShops() {
        int added = 0;
        for (DemoShop shop : SHOPS) {
            added += jdbc.sql("""
                            INSERT INTO shops (name, description, address, site)
                            VALUES (:name, :description, :address, :site)
                            ON CONFLICT (lower(name)) DO NOTHING""").paramSource(shop).update();
        }
        return added;
    }

    private int insertProducts(Generated g) {
        return jdbc.sql("""
                        INSERT INTO products (sku, name, description, price, attributes, author, isbn, publisher, year)
                        SELECT sku, name, description, price, attributes::jsonb, author, isbn, publisher, year
                        FROM unnest(:skus::text[], :names::text[], :descriptions::text[], :prices::numeric[],
                                    :attributes::text[], :authors::text[], :isbns::text[], :publishers::text[],
                                    :years::smallint[])
                             AS v(sku, name, description, price, attributes, author, isbn, publisher, year)
                        ON CONFLICT (sku) DO NOTHING""")
                .param("skus", g.skus.toArray(String[]::new))
                .param("names", g.names.toArray(String[]::new))
                .param("descriptions", g.descriptions.toArray(String[]::new))
                .param(
                        "prices",
                        g.prices.stream().map(BigDecimal::toPlainString).toArray(String[]::new))
                .param("attributes", g.attributes.toArray(String[]::new))
                .param("authors", g.authors.toArray(String[]::new))
                .param("isbns", g.isbns.toArray(String[]::new))
                .param("publishers", g.publishers.toArray(String[]::new))
                .param("years", g.years.toArray(Integer[]::new))
                .update();
    }

    private int insertStock(Generated g) {
        return jdbc.sql("""
                        INSERT INTO stock (shop_id, product_id, quantity, price)
                        SELECT sh.id, p.id, v.quantity, v.price
                        FROM unnest(:shops::text[], :skus::text[], :quantities::int[], :prices::numeric[])
                             AS v(shop, sku, quantity, price)
                        JOIN shops sh ON lower(sh.name) = lower(v.shop)
                        JOIN products p ON p.sku = v.sku
                        ON CONFLICT (shop_id, product_id) DO NOTHING""")
                .param("shops", g.stockShops.toArray(String[]::new))
                .param("skus", g.stockSkus.toArray(String[]::new))
                .param("quantities", g.stockQuantities.toArray(Integer[]::new))
                .param("prices", g.stockPrices.toArray(String[]::new))
                .update();
    }

    /** The whole catalogue as columns, ready for one insert per table. */
    static final class Generated {
        final List<String> skus = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> descriptions = new ArrayList<>();
        final List<BigDecimal> prices = new ArrayList<>();
        final List<String> attributes = new ArrayList<>();
        final List<String> authors = new ArrayList<>();
        final List<String> isbns = new ArrayList<>();
        final List<String> publishers = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        final List<String> stockShops = new ArrayList<>();
        final List<String> stockSkus = new ArrayList<>();
        final List<Integer> stockQuantities = new ArrayList<>();
        final List<String> stockPrices = new ArrayList<>();
    }

    Generated generate() {
        Random random = new Random(20_240_611L);
        Generated g = new Generated();
        for (int i = 1; i <= BOOKS; i++) {
            String author = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
            String title = switch (random.nextInt(4)) {
                case 0 -> "The " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
                case 1 -> "The " + pick(random, NOUNS) + " of " + pick(random, PLACES);
                case 2 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + "s";
                default -> "A " + pick(random, NOUNS) + " in " + pick(random, PLACES);
            };
            String genre = pick(random, GENRES);
            int year = 1950 + random.nextInt(75);
            // ISBN-13 in the 978-1 group with a publisher code and the book's number: unique, with a right check digit.
            int publisher = random.nextInt(PUBLISHERS.length);
            String twelve = "9781" + (5200 + publisher) + String.format("%04d", i);
            g.skus.add(String.format("DEMO-B%04d", i));
            g.names.add(title);
            g.descriptions.add("A " + genre + " by " + author + ", first published in " + year + ". "
                    + "Set around " + pick(random, PLACES).replace("the ", "") + ", it follows a "
                    + pick(random, ADJECTIVES).toLowerCase() + " "
                    + pick(random, NOUNS).toLowerCase()
                    + " and the people who keep it.");
            g.prices.add(price(random, 6, 35));
            g.attributes.add(json.writeValueAsString(java.util.Map.of(
                    "pages",
                    120 + random.nextInt(600),
                    "language",
                    "en",
                    "format",
                    random.nextBoolean() ? "paperback" : "hardback")));
            g.authors.add(author);
            g.isbns.add(twelve + Isbn.checkDigit13(twelve));
            g.publishers.add(PUBLISHERS[publisher]);
            g.years.add(year);
        }
        for (int i = 1; i <= GOODS; i++) {
            String colour = pick(random, COLOURS);
            String material = pick(random, MATERIALS);
            String item = pick(random, ITEMS);
            g.skus.add(String.format("DEMO-G%04d", i));
            g.names.add(colour + " " + material + " " + item + " No. " + i);
            g.descriptions.add("A " + item.toLowerCase() + " in " + colour.toLowerCase() + " " + material.toLowerCase()
                    + ", made to last and to be given.");
            g.prices.add(price(random, 2, 150));
            g.attributes.add(json.writeValueAsString(java.util.Map.of("colour", colour, "material", material)));
            g.authors.add(null);
            g.isbns.add(null);
            g.publishers.add(null);
            g.years.add(null);
        }
        for (int p = 0; p < g.skus.size(); p++) {
            boolean book = p < BOOKS;
            BigDecimal listPrice = g.prices.get(p);
            // Harbour Street: nearly everything, some of it 10% under list price.
            if (random.nextInt(100) < 90) {
                stock(g, 0, p, random, random.nextInt(4) == 0 ? percentOf(listPrice, 90) : null);
            }
            // Old Town Reads: books only, at list price.
            if (book && random.nextInt(100) < 80) {
                stock(g, 1, p, random, null);
            }
            // Riverside: all the non-books it can, and some books, 5% over list price.
            if (!book ? random.nextInt(100) < 70 : random.nextInt(100) < 25) {
                stock(g, 2, p, random, random.nextInt(3) == 0 ? percentOf(listPrice, 105) : null);
            }
        }
        return g;
    }

    private static void stock(Generated g, int shop, int product, Random random, @Nullable BigDecimal price) {
        g.stockShops.add(SHOPS.get(shop).name());
        g.stockSkus.add(g.skus.get(product));
        // One in ten is sold out, so that in_stock=false finds something.
        g.stockQuantities.add(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(40));
        g.stockPrices.add(price == null ? null : price.toPlainString());
    }

    private static BigDecimal price(Random random, int min, int max) {
        int cents = min * 100 + random.nextInt((max - min) * 100);
        // Shop prices end in .49, .90, .99 or .50, as shop prices do.
        int[] endings = {49, 90, 99, 50};
        return BigDecimal.valueOf(cents / 100 * 100 + endings[random.nextInt(endings.length)], 2);
    }

    private static BigDecimal percentOf(BigDecimal price, int percent) {
        return price.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
