package dev.atrium.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.atrium.catalog.internal.CataloguePage;
import dev.atrium.catalog.internal.CataloguePages;
import dev.atrium.catalog.internal.ProductFilter;
import dev.atrium.catalog.internal.ProductOrdering;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.StockService;
import dev.atrium.ratelimit.UploadLimit;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.problem.ProblemTranslation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code GET /api/products} reads its query parameters, with the product controller alone: what reaches the
 * listing, and which parameter a 400 names. MockMvc's standalone set-up with the real problem translation and no
 * application context, so the cases cost milliseconds; the rows the listing finds are ProductListingTests' story.
 */
class ProductListingParametersTests {

    // Built once: a standalone MockMvc costs more than the cases it serves. The mocks are reset before each case.
    static final ProductService listing = mock(ProductService.class);
    static final ShopService shops = mock(ShopService.class);
    static final CataloguePages pages = mock(CataloguePages.class);
    static final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new ProductController(
                    listing,
                    shops,
                    mock(StockService.class),
                    mock(UploadLimit.class),
                    pages,
                    JsonMapper.builder()
                            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                            .build()))
            .setControllerAdvice(new ProblemTranslation())
            .build());

    @BeforeEach
    void anEmptyCatalogue() {
        reset(listing, shops, pages);
        // Every case reads its page: the memory in front of the listing is CataloguePagesTests' story.
        when(pages.page(any(), any())).thenAnswer(call -> {
            byte[] body = call.<Supplier<byte[]>>getArgument(1).get();
            return new CataloguePage(body, "\"tag\"", Instant.now(), System.nanoTime());
        });
        when(listing.catalogue(any(), any(), any())).thenReturn(new Page<>(List.of(), 0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0",
                "page=-1",
                "limit=0",
                "page=abc",
                "limit=ten",
                "page=1.5",
                "min_price=cheap",
                "max_price=1e",
                "in_stock=maybe",
                "shop=first",
                "min_price=10&max_price=5",
                "min_price=-1",
                "ordering=popularity",
                "after=0",
                "after=last",
                "after=5&page=2",
                "after=5&ordering=name",
                "after=5&ordering=-price"
            })
    void bad_parameters_are_400_problems_naming_the_parameter(String query) {
        MvcTestResult result = mvc.get().uri("/api/products?" + query).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void every_bad_parameter_is_named_at_once() {
        MvcTestResult result =
                mvc.get().uri("/api/products?page=0&limit=ten&in_stock=maybe").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("page", "limit", "in_stock");
    }

    @Test
    void the_parameters_reach_the_listing_as_one_filter_and_a_shop() {
        when(shops.exists(7L)).thenReturn(true);

        assertThat(mvc.get()
                        .uri("/api/products?q= atlas &min_price=1.50&max_price=20&in_stock=yes&shop=7&ordering=-price")
                        .exchange())
                .hasStatusOk();

        ArgumentCaptor<ProductFilter> filter = ArgumentCaptor.forClass(ProductFilter.class);
        verify(listing).catalogue(eq(7L), filter.capture(), any());
        assertThat(filter.getValue())
                .isEqualTo(ProductFilter.of("atlas", new BigDecimal("1.50"), new BigDecimal("20"), true, "-price"));
    }

    @Test
    void after_reaches_the_listing_as_a_keyset_instead_of_a_page() {
        when(listing.catalogue(any(), any(), any(), anyLong())).thenReturn(new Page<>(List.of(), 0));

        assertThat(mvc.get().uri("/api/products?after=42&ordering=-id&limit=20").exchange())
                .hasStatusOk();

        verify(listing).catalogue(eq(null), eq(ProductFilter.of(null, null, null, null, "-id")), any(), eq(42L));
        verify(listing, never()).catalogue(any(), any(), any());
    }

    @Test
    void search_stands_for_q_when_q_is_absent() {
        assertThat(mvc.get().uri("/api/products?search=atlas").exchange()).hasStatusOk();

        ArgumentCaptor<ProductFilter> filter = ArgumentCaptor.forClass(ProductFilter.class);
        verify(listing).catalogue(eq(null), filter.capture(), any());
        assertThat(filter.getValue().q()).isEqualTo("atlas");
        assertThat(filter.getValue().ordering()).isEqualTo(ProductOrdering.ID);
    }

    @Test
    void a_shop_that_does_not_exist_is_a_400_problem_and_nothing_is_listed() {
        MvcTestResult result = mvc.get().uri("/api/products?shop=999999999").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("shop");
        verify(listing, never()).catalogue(any(), any(), any());
    }
}
