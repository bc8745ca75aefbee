package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ProductDraft;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The admin panel's product form, as typed: text to be turned into a {@link ProductDraft} the service checks. */
class ProductForm {

    private String name = "";
    private String sku = "";
    private String description = "";
    private String price = "";
    private String author = "";
    private String isbn = "";
    private String publisher = "";
    private String year = "";
    private String attributes = "{}";

    static ProductForm of(Product product, JsonMapper json) {
        ProductForm form = new ProductForm();
        form.name = product.name();
        form.sku = text(product.sku());
        form.description = product.description();
        form.price = product.price().toPlainString();
        form.author = text(product.author());
        form.isbn = text(product.isbn());
        form.publisher = text(product.publisher());
        form.year = product.year() == null ? "" : product.year().toString();
        form.attributes = json.writeValueAsString(product.attributes());
        return form;
    }

    /** The draft the form describes; text that is not a number where one is needed is refused here. */
    ProductDraft draft(JsonMapper json) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal parsedPrice = null;
        try {
            parsedPrice = price.isBlank() ? null : new BigDecimal(price.strip());
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("price", "must be a number, such as 12.90"));
        }
        Integer parsedYear = null;
        try {
            parsedYear = year.isBlank() ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("year", "must be a whole number, such as 2019"));
        }
        Map<String, Object> parsedAttributes = new LinkedHashMap<>();
        try {
            if (!attributes.isBlank()) {
                parsedAttributes = json.readValue(attributes, new TypeReference<LinkedHashMap<String, Object>>() {});
            }
        } catch (JacksonException ex) {
            errors.add(new FieldError("attributes", "must be a JSON object, such as {\"pages\": 320}"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new ProductDraft(
                sku, name, description, parsedPrice, parsedAttributes, author, isbn, publisher, parsedYear);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = text(name);
    }

    public String getSku() {
        return sku;
    }

    public void setSku(@Nullable String sku) {
        this.sku = text(sku);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = text(description);
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(@Nullable String price) {
        this.price = text(price);
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(@Nullable String author) {
        this.author = text(author);
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(@Nullable String isbn) {
        this.isbn = text(isbn);
    }

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(@Nullable String publisher) {
        this.publisher = text(publisher);
    }

    public String getYear() {
        return year;
    }

    public void setYear(@Nullable String year) {
        this.year = text(year);
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(@Nullable String attributes) {
        this.attributes = text(attributes);
    }
}
