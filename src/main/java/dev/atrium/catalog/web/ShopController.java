package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.CataloguePage;
import dev.atrium.catalog.internal.CataloguePages;
import dev.atrium.catalog.internal.ListedProduct;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.Shop;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.StockAdjustment;
import dev.atrium.catalog.internal.StockService;
import dev.atrium.shared.openapi.AdministratorsOnly;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Shops", description = "Shops, their assortments and their stock")
class ShopController {

    private final ShopService shops;
    private final ProductService products;
    private final StockService stockService;
    private final CataloguePages pages;
    private final JsonMapper json;

    ShopController(
            ShopService shops,
            ProductService products,
            StockService stockService,
            CataloguePages pages,
            JsonMapper json) {
        this.shops = shops;
        this.products = products;
        this.stockService = stockService;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping("/api/shops")
    @Operation(
            summary = "List shops",
            description = "Public. `q` (or `search`, its Django REST framework name) finds text in the name, address "
                    + "or description.")
    @ApiResponse(responseCode = "200", description = "A page of shops")
    @ApiResponse(responseCode = "400", description = "page or limit below 1, or not a number")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<ShopView> list(
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "Text to find, in any case") @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "The same as q; q wins when both are sent")
                    @RequestParam(required = false)
                    @Nullable String search) {
        String asked = q == null || q.isBlank() ? search : q;
        String text = asked == null || asked.isBlank() ? null : asked.strip();
        long defaultId = defaultShopId();
        List<ShopView> results = shops.search(text, page).stream()
                .map(shop -> ShopView.of(shop, defaultId))
                .toList();
        return PageResponse.of(results, shops.count(text), page);
    }

    @GetMapping("/api/shops/{id}")
    @Operation(summary = "A shop", description = "Public.")
    @ApiResponse(responseCode = "200", description = "The shop")
    @ApiResponse(responseCode = "404", description = "No such shop")
    ShopView get(@PathVariable long id) {
        return ShopView.of(shops.get(id), defaultShopId());
    }

    @GetMapping("/api/shops/{id}/products")
    @Operation(
            summary = "A shop's assortment: its products, at its prices, with its quantities",
            description = "Public. The products the shop sells (including those it has run out of), with the same "
                    + "search, filters, ordering and pages as `GET /api/products`.")
    @CachedPageDoc
    @ApiResponse(
            responseCode = "400",
            description = "page or limit below 1, a parameter that is not a number, min_price above max_price, an "
                    + "unknown ordering, or after sent with page or with an ordering other than id or -id")
    @ApiResponse(responseCode = "404", description = "No such shop, or a page past the end")
    @ListingParametersDoc
    ResponseEntity<byte[]> assortment(
            @PathVariable long id,
            HttpServletRequest request,
            @Parameter(description = "ETags of answers the client has; a match answers 304")
                    @RequestHeader(name = "If-None-Match", required = false)
                    @Nullable String ifNoneMatch) {
        ListingParameters parameters = ListingParameters.read(request);
        CataloguePage page = pages.page(CatalogueAnswer.request(request), () -> {
            shops.get(id);
            String base = ProductController.baseUrl(request);
            Page<ListedProduct> found = parameters.after() == null
                    ? products.assortment(id, parameters.filter(), parameters.page())
                    : products.assortment(id, parameters.filter(), parameters.page(), parameters.after());
            return json.writeValueAsBytes(parameters.answer(found).map(listed -> ProductListItem.of(listed, base)));
        });
        return CatalogueAnswer.of(page, ifNoneMatch);
    }

    @PostMapping("/api/shops")
    @AdministratorsOnly
    @Operation(summary = "Create a shop", description = "Administrators only.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule")
    @ApiResponse(responseCode = "409", description = "Another shop has this name")
    ResponseEntity<ShopView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody ShopRequest request) {
        Shop created = shops.create(user, request.draft());
        return ResponseEntity.created(URI.create("/api/shops/" + created.id()))
                .body(ShopView.of(created, defaultShopId()));
    }

    @PatchMapping("/api/shops/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Change a shop",
            description = "Administrators only. The fields sent are changed, the others kept.")
    @ApiResponse(responseCode = "200", description = "The shop as changed")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule")
    @ApiResponse(responseCode = "404", description = "No such shop")
    @ApiResponse(responseCode = "409", description = "Another shop has this name")
    ShopView update(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ShopRequest request) {
        Shop changed = shops.update(user, id, current -> request.over(ShopService.ShopDraft.of(current)));
        return ShopView.of(changed, defaultShopId());
    }

    @DeleteMapping("/api/shops/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Delete a shop",
            description = "Administrators only. Its stock goes with it; past orders keep the shop's id and name.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such shop")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        shops.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/shops/{id}/stock/{product}")
    @AdministratorsOnly
    @Operation(
            summary = "Set a shop's stock level (and own price) of a product",
            description = "Administrators only. A product the shop did not sell joins its assortment. Every change "
                    + "is recorded with who made it and the reason given.")
    @ApiResponse(responseCode = "200", description = "The stock as set")
    @ApiResponse(responseCode = "400", description = "No quantity, a negative one, or a bad price")
    @ApiResponse(responseCode = "404", description = "No such shop or product")
    StockView setStock(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @PathVariable long product,
            @RequestBody StockRequest request) {
        return StockView.of(stockService.set(user, id, product, request.quantity(), request.price(), request.reason()));
    }

    @DeleteMapping("/api/shops/{id}/stock/{product}")
    @AdministratorsOnly
    @Operation(
            summary = "Take a product out of a shop's assortment",
            description = "Administrators only. The shop no longer sells it.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such shop, or it does not sell the product")
    ResponseEntity<Void> removeStock(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long product) {
        stockService.remove(user, id, product);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/shops/{id}/stock-adjustments")
    @AdministratorsOnly
    @Operation(
            summary = "The latest stock changes made by hand in a shop, newest first",
            description = "Administrators only: who changed which level, from what to what, and why.")
    @ApiResponse(responseCode = "200", description = "Up to `limit` changes (default 50, at most 1000)")
    @ApiResponse(responseCode = "400", description = "limit below 1")
    @ApiResponse(responseCode = "404", description = "No such shop")
    List<StockAdjustment> adjustments(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit) {
        if (!user.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may see the stock changes");
        }
        if (limit != null && limit < 1) {
            throw InvalidRequest.field("limit", "must be greater than or equal to 1");
        }
        shops.get(id);
        return stockService.adjustments(
                id, limit == null ? PageQuery.DEFAULT_LIMIT : Math.min(limit, PageQuery.MAX_LIMIT));
    }

    private long defaultShopId() {
        return shops.defaultShop().map(Shop::id).orElse(0L);
    }
}
