package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.Offer;
import dev.atrium.ordering.internal.OfferService;
import dev.atrium.shared.openapi.AdministratorsOnly;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers", description = "Special offers, applied to orders by themselves")
class OfferController {

    private final OfferService offers;
    private final Clock clock;

    OfferController(OfferService offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @GetMapping("/api/offers")
    @Operation(
            summary = "The special offers in force",
            description = "Public. Administrators may ask for every offer, in force or not, with `all=true`.")
    @ApiResponse(responseCode = "200", description = "A page of offers, newest first")
    @ApiResponse(responseCode = "400", description = "page or limit below 1")
    @ApiResponse(responseCode = "403", description = "all=true from someone who is not an administrator")
    @ApiResponse(responseCode = "404", description = "A page past the end")
    PageResponse<OfferView> list(
            @AuthenticationPrincipal @Nullable CurrentUser user,
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "Every offer, not only those in force (administrators)")
                    @RequestParam(defaultValue = "false")
                    boolean all) {
        if (all && (user == null || !user.isAdmin())) {
            throw ProblemException.forbidden("Only administrators may see the offers not in force");
        }
        Instant now = clock.instant();
        Instant inForceAt = all ? null : now;
        return PageResponse.of(
                offers.list(inForceAt, null, page).stream()
                        .map(offer -> OfferView.of(offer, now))
                        .toList(),
                offers.count(inForceAt, null),
                page);
    }

    @GetMapping("/api/offers/{id}")
    @Operation(
            summary = "A special offer",
            description = "Public while the offer is in force; administrators see any offer.")
    @ApiResponse(responseCode = "200", description = "The offer")
    @ApiResponse(responseCode = "404", description = "No such offer in force")
    OfferView get(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long id) {
        Instant now = clock.instant();
        Offer offer = offers.get(id);
        if (!offer.inForce(now) && (user == null || !user.isAdmin())) {
            throw ProblemException.notFound("Offer " + id);
        }
        return OfferView.of(offer, now);
    }

    @PostMapping("/api/offers")
    @AdministratorsOnly
    @Operation(summary = "Create a special offer", description = "Administrators only.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule of its kind (each is named in errors)")
    ResponseEntity<OfferView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody OfferRequest request) {
        Offer created = offers.create(user, request.draft());
        return ResponseEntity.created(URI.create("/api/offers/" + created.id()))
                .body(OfferView.of(created, clock.instant()));
    }

    @PatchMapping("/api/offers/{id}")
    @AdministratorsOnly
    @Operation(
            summary = "Change a special offer, or switch it off",
            description = "Administrators only. The fields sent are changed, the others kept; `{\"active\": false}` "
                    + "switches it off. Orders placed before keep their discounts.")
    @ApiResponse(responseCode = "200", description = "The offer as changed")
    @ApiResponse(responseCode = "400", description = "A field breaks a rule")
    @ApiResponse(responseCode = "404", description = "No such offer")
    OfferView update(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody OfferRequest request) {
        return OfferView.of(offers.update(user, id, request::over), clock.instant());
    }
}
