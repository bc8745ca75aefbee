package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.CataloguePage;
import dev.atrium.catalog.internal.CataloguePages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers an anonymous {@code GET} of a catalogue list straight from this replica's memory when the page is there,
 * before Spring Security's chain and Spring MVC: the answer is the one the controller gave for the same request a
 * moment ago ({@link CataloguePages}), header for header and byte for byte.
 *
 * <p>Why: such an answer costs no query, and the web stack around it was nearly all of its CPU (the security chain, the
 * dispatcher, handler mapping and return value handling): measured with {@code bench/products-listing.sh}, see
 * docs/performance.md. Everything that could make the full path answer differently goes the full path: a bearer
 * token (which may be refused with 401), an {@code Origin} or any CORS settings at all (CORS decides), an {@code Accept} that JSON does not
 * satisfy (406), {@code HEAD}, and any page not in memory or still being read. The filters before this one (request
 * id and log, observation, the read limit, the checks of malformed requests) run for every request alike.
 */
@Component
@ConditionalOnWebApplication
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class CatalogueFastPath extends OncePerRequestFilter {

    private static final String PRODUCTS = "/api/products";
    private static final String SHOP_PRODUCTS = "/api/shops/{id}/products";
    private static final Pattern SHOP_PRODUCTS_PATH = Pattern.compile("/api/shops/[^/]+/products");

    private final CataloguePages pages;
    private final @Nullable CorsConfigurationSource crossOrigin;

    /**
     * @param crossOrigin the API chain's CORS settings (named: Spring MVC's handler mappings are sources too). When
     *     they allow any origin, every answer of the API carries the CORS filter's {@code Vary}, so reads go the full
     *     path. Absent where the security module is not started (a module test), and with it every CORS answer.
     */
    CatalogueFastPath(
            CataloguePages pages,
            @Qualifier("crossOriginSettings") ObjectProvider<CorsConfigurationSource> crossOrigin) {
        this.pages = pages;
        this.crossOrigin = crossOrigin.getIfAvailable();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || route(request.getRequestURI()) == null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(HttpHeaders.ORIGIN) != null
                || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))
                || crossOrigin != null && crossOrigin.getCorsConfiguration(request) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CataloguePage page = pages.present(CatalogueAnswer.request(request));
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        // The route, as Spring MVC would have matched it, for the request log and http.server.requests.
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, route(request.getRequestURI()));
        // What Spring Security's header writer adds on the full path (CatalogueFastPathTests compares).
        response.setHeader("X-XSS-Protection", "0");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        CatalogueAnswer.write(page, request.getHeader(HttpHeaders.IF_NONE_MATCH), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static @Nullable String route(String path) {
        if (PRODUCTS.equals(path)) {
            return PRODUCTS;
        }
        return SHOP_PRODUCTS_PATH.matcher(path).matches() ? SHOP_PRODUCTS : null;
    }

    /** No Accept at all, or one that JSON satisfies (with a quality above 0); anything else goes the full path. */
    static boolean acceptsJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
