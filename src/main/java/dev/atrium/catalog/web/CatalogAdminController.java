package dev.atrium.catalog.web;

import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.admin.AdminProblems;
import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ProductFilter;
import dev.atrium.catalog.internal.ProductOrdering;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.Shop;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.StockEntry;
import dev.atrium.catalog.internal.StockService;
import dev.atrium.ratelimit.UploadLimit;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin panel's catalogue pages: products (search, pages, create, edit, photo, delete) and shops with their stock
 * (adjust a level with a reason). Every change goes through the services the API uses.
 */
@Controller
@AdminPages
class CatalogAdminController {

    private static final String HTMX = "HX-Request";

    private final ProductService products;
    private final ShopService shops;
    private final StockService stockService;
    private final JsonMapper json;
    private final UploadLimit uploads;

    CatalogAdminController(
            ProductService products,
            ShopService shops,
            StockService stockService,
            JsonMapper json,
            UploadLimit uploads) {
        this.products = products;
        this.shops = shops;
        this.stockService = stockService;
        this.json = json;
        this.uploads = uploads;
    }

    // Products

    @GetMapping("/admin/products")
    String products(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model) {
        ProductFilter filter = filter(q, model);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("list", AdminList.of(page, query -> products.catalogue(null, filter, query)));
        return htmx != null ? "admin/catalog/products-rows :: rows" : "admin/catalog/products";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Model model) {
        model.addAttribute("form", new ProductForm());
        return "admin/catalog/product";
    }

    @PostMapping("/admin/products")
    String createProduct(
            @AuthenticationPrincipal CurrentUser admin,
            @ModelAttribute("form") ProductForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Product created = products.create(admin, form.draft(json));
            redirect.addFlashAttribute("success", "Created product " + created.id() + ", " + created.name() + ".");
            return "redirect:/admin/products/" + created.id();
        } catch (ProblemException problem) {
            return refused(problem, model, response, "admin/catalog/product");
        }
    }

    @GetMapping("/admin/products/{id}")
    String product(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<Product> product = products.find(id);
        if (product.isEmpty()) {
            redirect.addFlashAttribute("failure", "Product " + id + " does not exist.");
            return "redirect:/admin/products";
        }
        model.addAttribute("form", ProductForm.of(product.get(), json));
        return productPage(product.get(), model);
    }

    @PostMapping("/admin/products/{id}")
    String updateProduct(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @ModelAttribute("form") ProductForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Product changed = products.update(admin, id, current -> form.draft(json));
            redirect.addFlashAttribute("success", "Saved product " + changed.id() + ".");
            return "redirect:/admin/products/" + id;
        } catch (ProblemException problem) {
            Optional<Product> product = products.find(id);
            if (product.isEmpty()) {
                redirect.addFlashAttribute("failure", AdminProblems.message(problem));
                return "redirect:/admin/products";
            }
            refused(problem, model, response, "");
            return productPage(product.get(), model);
        }
    }

    @PostMapping("/admin/products/{id}/photo")
    String setPhoto(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (photo == null || photo.isEmpty()) {
                throw InvalidRequest.field("photo", "choose an image file first");
            }
            uploads.take(admin);
            products.setPhoto(admin, id, photo.getBytes());
            redirect.addFlashAttribute("success", "The photo of product " + id + " is replaced.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", describe(problem));
        }
        return "redirect:/admin/products/" + id;
    }

    @PostMapping("/admin/products/{id}/delete")
    String deleteProduct(
            @AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            products.delete(admin, id);
            redirect.addFlashAttribute(
                    "success", "Deleted product " + id + ". Orders that had it keep its name and price.");
            return "redirect:/admin/products";
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
            return "redirect:/admin/products";
        }
    }

    private String productPage(Product product, Model model) {
        model.addAttribute("product", product);
        model.addAttribute("availability", stockService.availability(product.id()));
        return "admin/catalog/product";
    }

    // Shops and their stock

    @GetMapping("/admin/shops")
    String shops(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        long count = shops.count(text);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("list", AdminList.of(page, query -> new Page<>(shops.search(text, query), count)));
        model.addAttribute("defaultShop", shops.defaultShop().map(Shop::id).orElse(0L));
        return htmx != null ? "admin/catalog/shops-rows :: rows" : "admin/catalog/shops";
    }

    @GetMapping("/admin/shops/new")
    String newShop(Model model) {
        model.addAttribute("form", new ShopForm());
        return "admin/catalog/shop";
    }

    @PostMapping("/admin/shops")
    String createShop(
            @AuthenticationPrincipal CurrentUser admin,
            @ModelAttribute("form") ShopForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Shop created = shops.create(admin, form.draft());
            redirect.addFlashAttribute("success", "Created the shop " + created.name() + ".");
            return "redirect:/admin/shops/" + created.id();
        } catch (ProblemException problem) {
            return refused(problem, model, response, "admin/catalog/shop");
        }
    }

    @GetMapping("/admin/shops/{id}")
    String shop(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        Optional<Shop> shop = shops.find(id);
        if (shop.isEmpty()) {
            redirect.addFlashAttribute("failure", "Shop " + id + " does not exist.");
            return "redirect:/admin/shops";
        }
        model.addAttribute("form", ShopForm.of(shop.get()));
        shopPage(shop.get(), q, page, model);
        return htmx != null ? "admin/catalog/shop-stock-rows :: rows" : "admin/catalog/shop";
    }

    @PostMapping("/admin/shops/{id}")
    String updateShop(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @ModelAttribute("form") ShopForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            shops.update(admin, id, current -> form.draft());
            redirect.addFlashAttribute("success", "Saved the shop.");
            return "redirect:/admin/shops/" + id;
        } catch (ProblemException problem) {
            Optional<Shop> shop = shops.find(id);
            if (shop.isEmpty()) {
                redirect.addFlashAttribute("failure", AdminProblems.message(problem));
                return "redirect:/admin/shops";
            }
            refused(problem, model, response, "");
            shopPage(shop.get(), null, null, model);
            return "admin/catalog/shop";
        }
    }

    @PostMapping("/admin/shops/{id}/delete")
    String deleteShop(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            shops.delete(admin, id);
            redirect.addFlashAttribute("success", "Deleted shop " + id + " and its stock.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
        }
        return "redirect:/admin/shops";
    }

    /** Sets the stock level (and the shop's own price) of a product, with the reason recorded. */
    @PostMapping("/admin/shops/{id}/stock")
    String setStock(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String product,
            @RequestParam(required = false) @Nullable String quantity,
            @RequestParam(required = false) @Nullable String price,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        try {
            long productId = whole(product, "product");
            long level = whole(quantity, "quantity");
            if (level > StockService.MAX_QUANTITY || level < 0) {
                throw InvalidRequest.field("quantity", "must be between 0 and " + StockService.MAX_QUANTITY);
            }
            if (reason == null || reason.isBlank()) {
                throw InvalidRequest.field("reason", "say why the level changes, e.g. \"delivery\" or \"stocktake\"");
            }
            BigDecimal shopPrice = price == null || price.isBlank() ? null : decimal(price, "price");
            StockEntry entry = stockService.set(admin, id, productId, (int) level, shopPrice, reason);
            String name = products.find(productId).map(Product::name).orElse("product " + productId);
            redirect.addFlashAttribute(
                    "success", "Stock of " + name + " set to " + entry.quantity() + " (" + reason.strip() + ").");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", describe(problem));
        }
        return "redirect:/admin/shops/" + id + (back != null && back.startsWith("?") ? back : "");
    }

    @PostMapping("/admin/shops/{id}/stock/{product}/remove")
    String removeStock(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @PathVariable long product,
            RedirectAttributes redirect) {
        try {
            stockService.remove(admin, id, product);
            redirect.addFlashAttribute("success", "Product " + product + " is no longer sold by this shop.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
        }
        return "redirect:/admin/shops/" + id;
    }

    private void shopPage(Shop shop, @Nullable String q, @Nullable Integer page, Model model) {
        ProductFilter filter = filter(q, model);
        model.addAttribute("shop", shop);
        model.addAttribute("isDefault", shops.defaultShop().map(Shop::id).orElse(0L) == shop.id());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("list", AdminList.of(page, query -> products.assortment(shop.id(), filter, query)));
        model.addAttribute("adjustments", stockService.adjustments(shop.id(), 10));
    }

    private ProductFilter filter(@Nullable String q, Model model) {
        try {
            return ProductFilter.of(q, null, null, null, ProductOrdering.ID.parameter());
        } catch (ProblemException problem) {
            model.addAttribute("failure", describe(problem));
            return ProductFilter.NONE;
        }
    }

    /** Shows the form again with what was typed, the reason in the flash area and each field's message by it. */
    private static String refused(ProblemException problem, Model model, HttpServletResponse response, String view) {
        AdminProblems.showOnForm(problem, model, response);
        return view;
    }

    private static String describe(ProblemException problem) {
        Map<String, String> fields = AdminProblems.byField(problem);
        if (fields.size() == 1) {
            Map.Entry<String, String> only = fields.entrySet().iterator().next();
            return only.getKey() + ": " + only.getValue();
        }
        return AdminProblems.message(problem);
    }

    private static long whole(@Nullable String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException ex) {
            throw InvalidRequest.of(java.util.List.of(new FieldError(field, "must be a whole number")));
        }
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException ex) {
            throw InvalidRequest.field(field, "must be a number, such as 12.90");
        }
    }
}
