package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.CataloguePage;
import dev.atrium.catalog.internal.CataloguePages;
import dev.atrium.catalog.internal.ListedProduct;
import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.StockService;
import dev.atrium.ratelimit.UploadLimit;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.openapi.AdministratorsOnly;
import dev.atrium.shared.openapi.UploadLimited;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Products", description = "The catalogue: search and filter products, see their stock in every shop")
class ProductController {

    private final ProductService products;
    private final ShopService shops;
    private final StockService stock;
    private final UploadLimit uploads;
    private final CataloguePages pages;
    private final JsonMapper json;

    ProductController(
            ProductService products,
            ShopService shops,
            StockService stock,
            UploadLimit uploads,
            CataloguePages pages,
            JsonMapper json) {
        this.products = products;
        this.shops = shops;
        this.stock = stock;
        this.uploads = uploads;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping("/api/products")
    @Operation(summary = "List products, with search, filters and ordering", description = """
                    Public. Every product of the catalogue, priced and counted as one shop sells it: the shop named \
                    by `shop`, or the default shop. A product the shop does not sell has quantity 0 and its list \
                    price. Answers `{"count","next","previous","results"}`; `next` and `previous` are absolute links \
                    keeping the other parameters.""")
    @CachedPageDoc
    @ApiResponse(
            responseCode = "400",
            description = "page or limit below 1, a parameter that is not a number (or not true/false), "
                    + "min_price above max_price, an unknown ordering, a shop that does not exist, or after sent with "
                    + "page or with an ordering other than id or -id")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    @ListingParametersDoc
    ResponseEntity<byte[]> list(
            HttpServletRequest request,
            @Parameter(description = "ETags of answers the client has; a match answers 304")
                    @RequestHeader(name = "If-None-Match", required = false)
                    @Nullable String ifNoneMatch) {
        ListingParameters parameters = ListingParameters.read(request);
        CataloguePage page = pages.page(CatalogueAnswer.request(request), () -> {
            // Inside the read, not before it: a page from memory needs no query at all.
            if (parameters.shop() != null && !shops.exists(parameters.shop())) {
                throw InvalidRequest.field("shop", "no shop has the id " + parameters.shop());
            }
            String base = baseUrl(request);
            Page<ListedProduct> found = parameters.after() == null
                    ? products.catalogue(parameters.shop(), parameters.filter(), parameters.page())
                    : products.catalogue(parameters.shop(), parameters.filter(), parameters.page(), parameters.after());
            return json.writeValueAsBytes(parameters.answer(found).map(listed -> ProductListItem.of(listed, base)));
        });
        return CatalogueAnswer.of(page, ifNoneMatch);
    }

    @GetMapping("/api/products/{id}")
    @Operation(summary = "A product, with its price and quantity in every shop", description = "Public.")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "No such product")
    ProductView get(@PathVariable long id) {
        Product product = products.get(id);
        return ProductView.of(product, stock.availability(id), baseUrl());
    }

    @PostMapping("/api/products")
    @AdministratorsOnly
    @Operation(summary = "Create a product", description = "Administrators only.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(
            responseCode = "400",
            description = "A field breaks a rule (each is named in errors), e.g. an ISBN with a wrong check digit")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU or ISBN")
    ResponseEntity<ProductView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody ProductRequest request) {
        Product created = products.create(user, request.draft());
        return ResponseEntity.created(URI.create("/api/products/" + created.id()))
                .body(ProductView.of(created, stock.availability(created.id()), baseUrl()));
    }

    @PatchMapping("/api/products/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Change a product",
            description = "Administrators only. The fields sent are changed, the others kept; null clears an "
                    + "optional field.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = ProductRequest.class)))
    @ApiResponse(responseCode = "200", description = "The product as changed")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU or ISBN")
    ProductView update(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ProductPatch patch) {
        Product changed = products.update(user, id, patch::applyTo);
        return ProductView.of(changed, stock.availability(id), baseUrl());
    }

    @DeleteMapping("/api/products/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Delete a product",
            description = "Administrators only. Its stock in every shop goes with it; past orders keep its name and "
                    + "price, and it leaves every cart.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such product")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        products.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/products/{id}/photo")
    @Operation(summary = "The product's photo, a JPEG that fits 800x800 pixels", description = "Public.")
    @ApiResponse(responseCode = "200", description = "The photo", content = @Content(mediaType = "image/jpeg"))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such product, or it has no photo")
    ResponseEntity<byte[]> photo(
            @PathVariable long id, @RequestHeader(name = "If-None-Match", required = false) @Nullable String etag) {
        Blob blob = products.photo(id).orElseThrow(() -> ProblemException.notFound("A photo of product " + id));
        String tag = "\"" + blob.sha256() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (tag.equals(etag)) {
            return ResponseEntity.status(304).eTag(tag).cacheControl(cache).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag(tag)
                .cacheControl(cache)
                .body(blob.content());
    }

    @PutMapping(path = "/api/products/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AdministratorsOnly
    @UploadLimited
    @Operation(
            summary = "Set the product's photo",
            description = "Administrators only. Multipart field `photo`: a JPEG, PNG, GIF or BMP of at most 5 MB and "
                    + "40 megapixels, stored as a JPEG that fits 800x800 pixels.")
    @ApiResponse(responseCode = "200", description = "The product with its new photo")
    @ApiResponse(responseCode = "400", description = "No photo, or not a readable image")
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "413", description = "Larger than 5 MB")
    ProductView setPhoto(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo)
            throws IOException {
        if (photo == null || photo.isEmpty()) {
            throw InvalidRequest.field("photo", "is required: send the image as the multipart field 'photo'");
        }
        uploads.take(user);
        Product changed = products.setPhoto(user, id, photo.getBytes());
        return ProductView.of(changed, stock.availability(id), baseUrl());
    }

    @DeleteMapping("/api/products/{id}/photo")
    @AdministratorsOnly
    @Operation(summary = "Remove the product's photo", description = "Administrators only.")
    @ApiResponse(responseCode = "204", description = "Removed (or there was none)")
    @ApiResponse(responseCode = "404", description = "No such product")
    ResponseEntity<Void> removePhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        products.removePhoto(user, id);
        return ResponseEntity.noContent().build();
    }

    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** The absolute base of links (scheme, host, port and context path), as the request reached Atrium. */
    static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
