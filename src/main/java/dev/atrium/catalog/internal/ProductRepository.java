package dev.atrium.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code products} table, with {@code JdbcClient} rather than Spring Data: a product's free-form attributes are a
 * {@code jsonb} column read into a {@code Map}, which Spring Data JDBC takes for a relation to another table rather
 * than a value, custom converters or not (spring-data-relational issue 867).
 */
@Repository
class ProductRepository {

    static final String COLUMNS = """
            id, sku, name, description, price, photo_key, attributes::text AS attributes, author, isbn, publisher, year,
            created_at, updated_at""";

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Product> mapper = this::map;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Product> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /** The row locked until the transaction ends, so that two changes of one product do not interleave. */
    Optional<Product> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
    }

    boolean skuTaken(String sku, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE sku = :sku AND id <> :id)")
                .param("sku", sku)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    boolean isbnTaken(String isbn, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE isbn = :isbn AND id <> :id)")
                .param("isbn", isbn)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    Product insert(ProductFields fields) {
        return jdbc.sql("""
                        INSERT INTO products (sku, name, description, price, attributes, author, isbn, publisher, year)
                        VALUES (:sku, :name, :description, :price, :attributes::jsonb, :author, :isbn, :publisher, :year)
                        RETURNING""" + " " + COLUMNS)
                .params(params(fields))
                .query(mapper)
                .single();
    }

    Product update(long id, ProductFields fields) {
        return jdbc.sql("""
                        UPDATE products
                        SET sku = :sku, name = :name, description = :description, price = :price,
                            attributes = :attributes::jsonb, author = :author, isbn = :isbn, publisher = :publisher,
                            year = :year, updated_at = now()
                        WHERE id = :id
                        RETURNING""" + " " + COLUMNS)
                .params(params(fields))
                .param("id", id)
                .query(mapper)
                .single();
    }

    void setPhoto(long id, @Nullable String key) {
        jdbc.sql("UPDATE products SET photo_key = :key, updated_at = now() WHERE id = :id")
                .param("key", key)
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM products WHERE id = :id").param("id", id).update() == 1;
    }

    private Map<String, Object> params(ProductFields fields) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sku", fields.sku());
        params.put("name", fields.name());
        params.put("description", fields.description());
        params.put("price", fields.price());
        params.put("attributes", json.writeValueAsString(fields.attributes()));
        params.put("author", fields.author());
        params.put("isbn", fields.isbn());
        params.put("publisher", fields.publisher());
        params.put("year", fields.year());
        return params;
    }

    Map<String, Object> attributes(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, OBJECT);
    }

    private Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getLong("id"),
                rs.getString("sku"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getBigDecimal("price"),
                rs.getString("photo_key"),
                attributes(rs.getString("attributes")),
                rs.getString("author"),
                rs.getString("isbn"),
                rs.getString("publisher"),
                rs.getObject("year", Integer.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
