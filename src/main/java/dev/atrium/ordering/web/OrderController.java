package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.OrderFilter;
import dev.atrium.ordering.internal.OrderPlacement;
import dev.atrium.ordering.internal.OrderService;
import dev.atrium.ordering.internal.OrderStatus;
import dev.atrium.ordering.internal.OrderView;
import dev.atrium.ordering.internal.QuoteView;
import dev.atrium.shared.openapi.AdministratorsOnly;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Orders", description = "Place orders that never oversell, price them, follow them")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderPlacement placement;
    private final OrderService orders;
    private final OrderAnswers answers;

    OrderController(OrderPlacement placement, OrderService orders, OrderAnswers answers) {
        this.placement = placement;
        this.orders = orders;
        this.answers = answers;
    }

    @PostMapping("/api/order")
    @SignedIn
    @Operation(summary = "Place an order", description = """
                    Signed-in users. All or nothing: an order refused for any reason takes no stock and leaves no \
                    order behind. Prices are the shop's at the moment of the order; special offers in force apply \
                    by themselves and are recorded on the lines. With an `Idempotency-Key` header, sending the same \
                    body again with the same key within 24 hours answers the first order again (with \
                    `Idempotent-Replayed: true`) and places nothing, even when both requests arrive at once; the \
                    same key with another body is a 422. Only placed orders are remembered: a refused request may \
                    be sent again with its key.""")
    @ApiResponse(responseCode = "201", description = "Placed; Location names the order")
    @ApiResponse(responseCode = "400", description = """
                    Each problem names its part (`errors[].field`, e.g. `parts[1].quantity_in_order`): no parts or \
                    an empty list, more than 100 parts, an unknown product, a product the shop does not sell, a \
                    quantity that is not a whole number from 1, the same product twice, a shop that does not exist, \
                    or not enough stock (type `not-enough-stock`, with `product`, `requested` and `available`)""")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    ResponseEntity<?> place(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody OrderRequest request,
            @Parameter(description = "Any unique string (a UUID) naming this request, to send it again safely")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey) {
        return answers.created(PartNames.ORDER.naming(
                () -> placement.place(user.id(), request.shop(), request.requestedParts(), idempotencyKey)));
    }

    @PostMapping("/api/order/quote")
    @SignedIn
    @Operation(
            summary = "Price an order without placing it",
            description = "Signed-in users. The same body and the same rules as `POST /api/order` (including the "
                    + "stock check), and the same lines and amounts it would record, changing nothing.")
    @ApiResponse(responseCode = "200", description = "What the order would cost now")
    @ApiResponse(responseCode = "400", description = "As for POST /api/order, each problem naming its part")
    QuoteView quote(@Valid @RequestBody OrderRequest request) {
        return PartNames.ORDER.naming(() -> placement.quote(request.shop(), request.requestedParts()));
    }

    @GetMapping("/api/my-orders")
    @SignedIn
    @Operation(summary = "One's own orders, newest first, with their parts and totals", description = """
                    Signed-in users. Without paging, a JSON list of orders (empty when there are none), the \
                    newest 1000 at most. With `page` or `limit`, a page instead: \
                    `{"count","next","previous","results"}`.""")
    @ApiResponse(
            responseCode = "200",
            description = "The orders (a list, or a page when page or limit is given)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderView.class))))
    @ApiResponse(responseCode = "400", description = "page or limit below 1")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    Object myOrders(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject PageQuery page) {
        if (page.page() == null && page.limit() == null) {
            return orders.mine(user, PageQuery.MAX_LIMIT, 0).stream()
                    .map(OrderView::of)
                    .toList();
        }
        return PageResponse.of(
                orders.mine(user, page.size(), page.offset()).stream()
                        .map(OrderView::of)
                        .toList(),
                orders.countMine(user),
                page);
    }

    @GetMapping("/api/orders/{id}")
    @SignedIn
    @Operation(summary = "An order", description = "Its owner, or an administrator; for anyone else it does not exist.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "No such order, or someone else's")
    OrderView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return OrderView.of(orders.get(user, id));
    }

    @GetMapping("/api/orders")
    @AdministratorsOnly
    @Operation(summary = "Every order, newest first", description = "Administrators only.")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "400", description = "page or limit below 1, or an unknown status")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<OrderView> list(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ParameterObject PageQuery page,
            @Parameter(
                            description = "Only orders with this status",
                            schema = @Schema(allowableValues = {"created", "paid", "shipped", "cancelled"}))
                    @RequestParam(required = false)
                    @Nullable String status,
            @Parameter(description = "Only the orders of this user")
                    @RequestParam(name = "user", required = false)
                    @Nullable Long userId) {
        OrderFilter filter = new OrderFilter(
                status == null || status.isBlank() ? null : OrderStatus.parse(status, "status"), userId, null);
        return PageResponse.of(
                orders.list(user, filter, page).stream().map(OrderView::of).toList(), orders.count(user, filter), page);
    }

    @PatchMapping("/api/orders/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Change an order's status",
            description = "Administrators only. created → paid → shipped, or cancelled before it ships; cancelling "
                    + "returns the order's quantities to the shop's stock. Asking for the current status changes "
                    + "nothing.")
    @ApiResponse(responseCode = "200", description = "The order as it is now")
    @ApiResponse(responseCode = "400", description = "No status, or an unknown one")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(
            responseCode = "409",
            description = "The order's status does not allow it (a shipped order cannot be cancelled)")
    OrderView changeStatus(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody StatusChange change) {
        return OrderView.of(orders.changeStatus(user, id, OrderStatus.parse(change.status(), "status")));
    }
}
