package dev.atrium.goods.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Appends every record of the goods file to {@code goods}. The file is read and checked once, at start-up, and turned
 * into the bytes of one {@code COPY ... FROM STDIN}: each sign-in then streams those same bytes, the fastest way
 * PostgreSQL takes rows, instead of parsing JSON and binding 9 000 parameters every time.
 */
@Component
@ConditionalOnWebApplication
public class GoodsImport {

    private static final Log log = LogFactory.getLog(GoodsImport.class);

    private static final String COPY = """
            COPY goods (good_name, good_code, supplier_name, supplier_address, supplier_phone, supplier_contact,
                        is_bulk, price, dt_of_license) FROM STDIN""";

    private final DataSource dataSource;
    private final byte[] rows;
    private final Timer timer;

    GoodsImport(
            DataSource dataSource, MeterRegistry meters, @Value("${atrium.goods.file:#{null}}") @Nullable Path file) {
        this.dataSource = dataSource;
        this.timer = Timer.builder("atrium.goods.import")
                .description("Time to append the goods file to the goods table (one COPY)")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        GoodsFile.Goods goods = GoodsFile.load(file);
        this.rows = copyText(goods.records());
        log.info("Read " + goods.records().size() + " goods from " + goods.origin());
    }

    /** Appends every record, in the caller's transaction; returns how many rows were written. */
    public int appendAll() {
        return timer.record(this::copy);
    }

    private int copy() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long written =
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows));
            return Math.toIntExact(written);
        } catch (SQLException ex) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY goods", COPY, ex);
        } catch (IOException ex) {
            throw new IllegalStateException("Could not stream the goods to PostgreSQL", ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's text format: tab-separated columns, one row per line, backslash escapes inside values. */
    static byte[] copyText(List<Good> goods) {
        StringBuilder text = new StringBuilder(goods.size() * 256);
        for (Good good : goods) {
            field(text, good.goodName()).append('\t');
            field(text, good.goodCode()).append('\t');
            field(text, good.supplierName()).append('\t');
            field(text, good.supplierAddress()).append('\t');
            field(text, good.supplierPhone()).append('\t');
            field(text, good.supplierContact()).append('\t');
            text.append(good.isBulk() ? 't' : 'f').append('\t');
            text.append(good.price()).append('\t');
            text.append(good.dtOfLicense()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder field(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return text;
    }
}
