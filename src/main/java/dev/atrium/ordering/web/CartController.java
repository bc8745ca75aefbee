package dev.atrium.ordering.web;

import static dev.atrium.ordering.web.OrderController.IDEMPOTENCY_KEY;

import dev.atrium.ordering.internal.CartService;
import dev.atrium.ordering.internal.CartService.CartView;
import dev.atrium.shared.openapi.SignedIn;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Cart", description = "The basket: fill it from one shop, then check it out as one order")
class CartController {

    private final CartService carts;
    private final OrderAnswers answers;

    CartController(CartService carts, OrderAnswers answers) {
        this.carts = carts;
        this.answers = answers;
    }

    @GetMapping("/api/cart")
    @SignedIn
    @Operation(
            summary = "One's cart, priced as its shop sells now",
            description = "Signed-in users. Each item shows the shop's price and how many the shop has; stock is not "
                    + "reserved until checkout. Offers in force are applied as checkout would apply them.")
    @ApiResponse(responseCode = "200", description = "The cart (empty: no shop and no items)")
    CartView get(@AuthenticationPrincipal CurrentUser user) {
        return carts.view(user.id());
    }

    @PutMapping("/api/cart")
    @SignedIn
    @Operation(
            summary = "Replace the cart's items",
            description = "Signed-in users. The cart holds exactly these items afterwards; an empty list empties it.")
    @ApiResponse(responseCode = "200", description = "The cart as it is now")
    @ApiResponse(
            responseCode = "400",
            description = "An item naming an unknown product, one the shop does not sell, a quantity below 1, the "
                    + "same product twice, more than 100 items, or items of different shops (each problem names "
                    + "its item)")
    CartView replace(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CartRequest request) {
        return PartNames.CART.naming(() -> carts.replace(
                user.id(), request.items().stream().map(Item::request).toList()));
    }

    @PostMapping("/api/cart/items")
    @SignedIn
    @Operation(
            summary = "Add a product to the cart",
            description = "Signed-in users. Adds to the quantity the cart already has of it. A cart holds the "
                    + "products of one shop.")
    @ApiResponse(responseCode = "200", description = "The cart as it is now")
    @ApiResponse(
            responseCode = "400",
            description = "An unknown product, one the shop does not sell, or a quantity below 1")
    @ApiResponse(responseCode = "409", description = "The cart holds products of another shop")
    CartView add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Item item) {
        return PartNames.SINGLE.naming(() -> carts.add(user.id(), item.request()));
    }

    @DeleteMapping("/api/cart/items/{product}")
    @SignedIn
    @Operation(summary = "Take a product out of the cart", description = "Signed-in users.")
    @ApiResponse(responseCode = "200", description = "The cart as it is now")
    @ApiResponse(responseCode = "404", description = "The product is not in the cart")
    CartView remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long product) {
        return carts.remove(user.id(), product);
    }

    @PostMapping("/api/cart/checkout")
    @SignedIn
    @Operation(summary = "Check the cart out as one order", description = """
                    Signed-in users. The same rules as `POST /api/order` (all or nothing, never oversold, offers \
                    applied), and the same `Idempotency-Key`. The items ordered leave the cart; a cart changed while \
                    it is being checked out (or checked out twice at once) is a 409 for all but one.""")
    @ApiResponse(responseCode = "201", description = "Placed; Location names the order")
    @ApiResponse(
            responseCode = "400",
            description = "An empty cart, or an item the order rules refuse (named as items[i])")
    @ApiResponse(responseCode = "409", description = "The cart changed while it was being checked out")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    ResponseEntity<?> checkout(
            @AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Any unique string (a UUID) naming this checkout, to send it again safely")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable String idempotencyKey) {
        return answers.created(PartNames.CART.naming(() -> carts.checkout(user.id(), idempotencyKey)));
    }
}
