package dev.atrium.ordering.internal;

import dev.atrium.shared.paging.PageQuery;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders} and {@code order_lines} tables, with {@code JdbcClient} on purpose: the order desk writes a whole
 * batch of orders at once, two array-bound statements whatever the number of orders and lines, where Spring Data would
 * save each order and then each of its lines; and orders are read with their lines in two queries per page.
 */
@Repository
class OrderRepository {

    private static final String COLUMNS = """
            id, user_id, shop_id, shop_name, status, subtotal, discount, total, order_offer_id, order_offer_name,
            order_discount, created_at, updated_at""";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids for orders about to be inserted, so that a batch knows its orders' ids before writing them. */
    List<Long> allocateIds(int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, :count)")
                .param("count", count)
                .query(Long.class)
                .list();
    }

    /** Inserts the orders and their lines: two statements, whatever the number of orders. */
    void insert(List<Order> orders) {
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, shop_id, shop_name, status, subtotal, discount, total,
                                            order_offer_id, order_offer_name, order_discount, created_at, updated_at)
                        SELECT * FROM unnest(:ids::bigint[], :users::bigint[], :shops::bigint[], :shopNames::text[],
                                             :statuses::text[], :subtotals::numeric[], :discounts::numeric[],
                                             :totals::numeric[], :offerIds::bigint[], :offerNames::text[],
                                             :orderDiscounts::numeric[], :created::timestamptz[],
                                             :updated::timestamptz[])""")
                .param("ids", column(orders, Order::id, Long[]::new))
                .param("users", column(orders, Order::userId, Long[]::new))
                .param("shops", column(orders, Order::shopId, Long[]::new))
                .param("shopNames", column(orders, Order::shopName, String[]::new))
                .param("statuses", column(orders, order -> order.status().value(), String[]::new))
                .param("subtotals", column(orders, order -> order.subtotal().toPlainString(), String[]::new))
                .param("discounts", column(orders, order -> order.discount().toPlainString(), String[]::new))
                .param("totals", column(orders, order -> order.total().toPlainString(), String[]::new))
                .param("offerIds", column(orders, order -> offer(order, Order.OrderOffer::id), Long[]::new))
                .param("offerNames", column(orders, order -> offer(order, Order.OrderOffer::name), String[]::new))
                .param(
                        "orderDiscounts",
                        column(
                                orders,
                                order -> order.orderOffer() == null
                                        ? "0.00"
                                        : order.orderOffer().discount().toPlainString(),
                                String[]::new))
                .param("created", column(orders, order -> order.created().toString(), String[]::new))
                .param("updated", column(orders, order -> order.updated().toString(), String[]::new))
                .update();
        List<StoredLine> lines = new ArrayList<>();
        orders.forEach(order -> {
            for (int position = 0; position < order.lines().size(); position++) {
                lines.add(new StoredLine(order.id(), position, order.lines().get(position)));
            }
        });
        jdbc.sql("""
                        INSERT INTO order_lines (order_id, position, product_id, product_name, quantity, unit_price,
                                                 discount, line_total, offer_id, offer_name)
                        SELECT * FROM unnest(:orders::bigint[], :positions::smallint[], :products::bigint[],
                                             :names::text[], :quantities::int[], :prices::numeric[],
                                             :discounts::numeric[], :totals::numeric[], :offerIds::bigint[],
                                             :offerNames::text[])""")
                .param("orders", column(lines, StoredLine::orderId, Long[]::new))
                .param("positions", column(lines, StoredLine::position, Integer[]::new))
                .param("products", column(lines, line -> line.line().productId(), Long[]::new))
                .param("names", column(lines, line -> line.line().productName(), String[]::new))
                .param("quantities", column(lines, line -> line.line().quantity(), Integer[]::new))
                .param("prices", column(lines, line -> line.line().unitPrice().toPlainString(), String[]::new))
                .param("discounts", column(lines, line -> line.line().discount().toPlainString(), String[]::new))
                .param("totals", column(lines, line -> line.line().lineTotal().toPlainString(), String[]::new))
                .param("offerIds", column(lines, StoredLine::offerId, Long[]::new))
                .param("offerNames", column(lines, StoredLine::offerName, String[]::new))
                .update();
    }

    /** A line with the order it belongs to and its place in it. */
    private record StoredLine(long orderId, int position, Order.Line line) {

        @Nullable Long offerId() {
            return line.offer() == null ? null : line.offer().id();
        }

        @Nullable String offerName() {
            return line.offer() == null ? null : line.offer().name();
        }
    }

    /** One column of rows, as the array that {@code unnest} takes apart. */
    private static <T, V> V[] column(List<T> rows, Function<T, @Nullable V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static <V> @Nullable V offer(Order order, Function<Order.OrderOffer, V> value) {
        return order.orderOffer() == null ? null : value.apply(order.orderOffer());
    }

    Optional<Order> find(long id) {
        return withLines(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                        .param("id", id)
                        .query(OrderRepository::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** The order with its row locked until the transaction ends. */
    Optional<Order> lock(long id) {
        return withLines(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
                        .param("id", id)
                        .query(OrderRepository::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** A user's orders, newest first. */
    List<Order> byUser(long userId, int limit, long offset) {
        return withLines(jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM orders WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(OrderRepository::row)
                .list());
    }

    long countByUser(long userId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Every order the filter keeps, newest first. */
    List<Order> list(OrderFilter filter, PageQuery page) {
        return withLines(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE " + where(filter)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(filter))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrderRepository::row)
                .list());
    }

    long count(OrderFilter filter) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE " + where(filter))
                .params(params(filter))
                .query(Long.class)
                .single();
    }

    long countSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE created_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    void setStatus(long id, OrderStatus from, OrderStatus to, @Nullable Long by, Instant at) {
        jdbc.sql("UPDATE orders SET status = :to, updated_at = :at WHERE id = :id")
                .param("to", to.value())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
        jdbc.sql("""
                        INSERT INTO order_status_changes (order_id, from_status, to_status, changed_by, changed_at)
                        VALUES (:id, :from, :to, :by, :at)""")
                .param("id", id)
                .param("from", from.value())
                .param("to", to.value())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** An order's changes of status, oldest first. */
    List<OrderStatusChange> history(long id) {
        return jdbc.sql("""
                        SELECT from_status, to_status, changed_by, changed_at FROM order_status_changes
                        WHERE order_id = :id ORDER BY changed_at, id""")
                .param("id", id)
                .query((rs, row) -> new OrderStatusChange(
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getObject("changed_by", Long.class),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static String where(OrderFilter filter) {
        StringBuilder where = new StringBuilder("true");
        if (filter.status() != null) {
            where.append(" AND status = :status");
        }
        if (filter.userId() != null) {
            where.append(" AND user_id = :user");
        }
        if (filter.orderId() != null) {
            where.append(" AND id = :id");
        }
        return where.toString();
    }

    private static Map<String, Object> params(OrderFilter filter) {
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            params.put("status", filter.status().value());
        }
        if (filter.userId() != null) {
            params.put("user", filter.userId());
        }
        if (filter.orderId() != null) {
            params.put("id", filter.orderId());
        }
        return params;
    }

    /** An order row, its lines still to be read. */
    private record Row(
            long id,
            long userId,
            long shopId,
            String shopName,
            String status,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal total,
            @Nullable Long offerId,
            @Nullable String offerName,
            BigDecimal orderDiscount,
            Instant created,
            Instant updated) {}

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("shop_id"),
                rs.getString("shop_name"),
                rs.getString("status"),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("discount"),
                rs.getBigDecimal("total"),
                rs.getObject("order_offer_id", Long.class),
                rs.getString("order_offer_name"),
                rs.getBigDecimal("order_discount"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private List<Order> withLines(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Order.Line>> parts = new LinkedHashMap<>();
        rows.forEach(row -> parts.put(row.id(), new ArrayList<>()));
        jdbc.sql("""
                        SELECT order_id, product_id, product_name, quantity, unit_price, discount, line_total, offer_id,
                               offer_name
                        FROM order_lines WHERE order_id = ANY (:ids) ORDER BY order_id, position""")
                .param("ids", parts.keySet().toArray(Long[]::new))
                .query((rs, row) -> {
                    Long offer = rs.getObject("offer_id", Long.class);
                    parts.get(rs.getLong("order_id"))
                            .add(new Order.Line(
                                    rs.getLong("product_id"),
                                    rs.getString("product_name"),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getBigDecimal("discount"),
                                    rs.getBigDecimal("line_total"),
                                    offer == null
                                            ? null
                                            : new Pricing.AppliedOffer(offer, rs.getString("offer_name"))));
                    return row;
                })
                .list();
        List<Order> orders = new ArrayList<>(rows.size());
        for (Row row : rows) {
            orders.add(new Order(
                    row.id(),
                    row.userId(),
                    row.shopId(),
                    row.shopName(),
                    OrderStatus.of(row.status()),
                    parts.get(row.id()),
                    row.subtotal(),
                    row.discount(),
                    row.total(),
                    row.offerId() == null
                            ? null
                            : new Order.OrderOffer(row.offerId(), row.offerName(), row.orderDiscount()),
                    row.created(),
                    row.updated()));
        }
        return orders;
    }
}
