package dev.atrium.goods.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code data/goods.json} strictly: an array of objects with exactly the nine keys, each of its type. Anything
 * else is refused with the file, the record and the line and column where it went wrong, so that a broken file stops
 * the start-up with a message that says where to look instead of failing sign-ins later.
 */
public final class GoodsFile {

    static final Set<String> KEYS = Set.of(
            "good_name",
            "good_code",
            "supplier_name",
            "supplier_address",
            "supplier_phone",
            "supplier_contact",
            "is_bulk",
            "price",
            "dt_of_license");

    /** Where the feed is kept in a checkout, relative to the working directory. */
    static final Path DEFAULT = Path.of("data", "goods.json");

    /** The copy of the repository's {@code data/goods.json} that the build packages into the jar. */
    static final String PACKAGED = "atrium/goods.json";

    private GoodsFile() {}

    /**
     * Reads the configured file, which must exist; with none configured, {@code data/goods.json} under the working
     * directory when it is there and otherwise the copy inside the jar, so that the jar serves from any folder.
     */
    public static Goods load(@Nullable Path configured) {
        return configured != null
                ? new Goods(read(configured), configured.toString())
                : loadDefault(Path.of("").toAbsolutePath());
    }

    static Goods loadDefault(Path workingDirectory) {
        Path file = workingDirectory.resolve(DEFAULT);
        if (Files.exists(file)) {
            return new Goods(read(file), DEFAULT.toString());
        }
        String name = "the copy of " + DEFAULT + " inside the jar";
        try (InputStream in = GoodsFile.class.getClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The goods file " + DEFAULT + " does not exist (set ATRIUM_GOODS_FILE)");
            }
            return new Goods(parse(in, name), name);
        } catch (IOException ex) {
            throw new IllegalStateException("The goods file " + name + " could not be read: " + ex.getMessage(), ex);
        }
    }

    /** The records of the feed, and where they were read from. */
    public record Goods(List<Good> records, String origin) {}

    public static List<Good> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException ex) {
            throw new IllegalStateException("The goods file " + file + " does not exist (set ATRIUM_GOODS_FILE)");
        } catch (IOException ex) {
            throw new IllegalStateException("The goods file " + file + " could not be read: " + ex.getMessage(), ex);
        }
    }

    static List<Good> parse(InputStream in, String name) {
        try (JsonParser parser = new JsonFactory().createParser(tools.jackson.core.ObjectReadContext.empty(), in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw broken(name, 0, parser.currentTokenLocation(), "the file must hold a JSON array of records");
            }
            List<Good> goods = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int record = goods.size() + 1;
                if (token != JsonToken.START_OBJECT) {
                    throw broken(name, record, parser.currentTokenLocation(), "each record must be a JSON object");
                }
                goods.add(record(parser, name, record));
            }
            if (parser.nextToken() != null) {
                throw broken(name, 0, parser.currentTokenLocation(), "nothing may follow the array");
            }
            return List.copyOf(goods);
        } catch (JacksonException ex) {
            TokenStreamLocation at = ex.getLocation();
            throw new IllegalStateException("The goods file " + name + " is not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + ex.getOriginalMessage());
        }
    }

    private static Good record(JsonParser parser, String name, int record) {
        TokenStreamLocation start = parser.currentTokenLocation();
        Map<String, Object> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            TokenStreamLocation at = parser.currentTokenLocation();
            if (!KEYS.contains(key)) {
                throw broken(name, record, at, "unexpected key '" + key + "'");
            }
            if (values.containsKey(key)) {
                throw broken(name, record, at, "key '" + key + "' appears twice");
            }
            JsonToken value = parser.nextToken();
            values.put(key, value(parser, value, key, name, record));
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw broken(name, record, start, "the record has no '" + key + "'");
            }
        }
        return new Good(
                (String) values.get("good_name"),
                (String) values.get("good_code"),
                (String) values.get("supplier_name"),
                (String) values.get("supplier_address"),
                (String) values.get("supplier_phone"),
                (String) values.get("supplier_contact"),
                (Boolean) values.get("is_bulk"),
                (Integer) values.get("price"),
                (LocalDate) values.get("dt_of_license"));
    }

    private static Object value(JsonParser parser, JsonToken token, String key, String name, int record) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return switch (key) {
            case "is_bulk" -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw broken(name, record, at, "'is_bulk' must be true or false");
                }
                yield token == JsonToken.VALUE_TRUE;
            }
            case "price" -> {
                if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw broken(name, record, at, "'price' must be a whole number that fits an integer column");
                }
                yield parser.getIntValue();
            }
            case "dt_of_license" -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw broken(name, record, at, "'dt_of_license' must be a date string (YYYY-MM-DD)");
                }
                try {
                    yield LocalDate.parse(parser.getString());
                } catch (DateTimeParseException ex) {
                    throw broken(
                            name,
                            record,
                            at,
                            "'dt_of_license' must be a date (YYYY-MM-DD), not '" + parser.getString() + "'");
                }
            }
            default -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw broken(name, record, at, "'" + key + "' must be a string");
                }
                yield parser.getString();
            }
        };
    }

    private static IllegalStateException broken(String name, int record, TokenStreamLocation at, String problem) {
        String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalStateException("The goods file " + name + " is broken at "
                + (record > 0 ? "record " + record + " (" + where + ")" : where) + ": " + problem);
    }
}
