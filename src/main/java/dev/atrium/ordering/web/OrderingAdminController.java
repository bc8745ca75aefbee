package dev.atrium.ordering.web;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.admin.AdminProblems;
import dev.atrium.ordering.internal.Offer;
import dev.atrium.ordering.internal.OfferService;
import dev.atrium.ordering.internal.OrderFilter;
import dev.atrium.ordering.internal.OrderService;
import dev.atrium.ordering.internal.OrderStatus;
import dev.atrium.ordering.internal.OrderView;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin panel's ordering pages: special offers (create, edit, switch off) and orders (search, view, change
 * status; cancelling returns the stock). Every change goes through the services the API uses.
 */
@Controller
@AdminPages
class OrderingAdminController {

    private static final String HTMX = "HX-Request";

    private final OrderService orders;
    private final OfferService offers;
    private final AccountApi accounts;
    private final Clock clock;

    OrderingAdminController(OrderService orders, OfferService offers, AccountApi accounts, Clock clock) {
        this.orders = orders;
        this.offers = offers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** An order as a row of the admin list: with its customer's email. */
    record OrderRow(OrderView order, String customer) {}

    // Orders

    @GetMapping("/admin/orders")
    String orders(
            @AuthenticationPrincipal CurrentUser admin,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model) {
        OrderStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = OrderStatus.parse(status, "status");
            } catch (ProblemException problem) {
                model.addAttribute("failure", AdminProblems.message(problem));
            }
        }
        OrderFilter filter = new OrderFilter(chosen, number(user), number(id));
        long count = orders.count(admin, filter);
        AdminList<OrderView> found = AdminList.of(
                page,
                query -> new Page<>(
                        orders.list(admin, filter, query).stream()
                                .map(OrderView::of)
                                .toList(),
                        count));
        Map<Long, UserSummary> customers = accounts.findUsers(
                found.rows().stream().map(OrderView::user).distinct().toList());
        model.addAttribute("list", found.map(order -> new OrderRow(order, email(customers, order.user()))));
        model.addAttribute("status", chosen == null ? "" : chosen.value());
        model.addAttribute("user", user == null ? "" : user);
        model.addAttribute("id", id == null ? "" : id);
        model.addAttribute("statuses", statuses());
        return htmx != null ? "admin/ordering/orders-rows :: rows" : "admin/ordering/orders";
    }

    @GetMapping("/admin/orders/{id}")
    String order(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            Model model,
            RedirectAttributes redirect) {
        OrderView order;
        try {
            order = OrderView.of(orders.get(admin, id));
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
            return "redirect:/admin/orders";
        }
        OrderStatus now = OrderStatus.of(order.status());
        model.addAttribute("order", order);
        model.addAttribute("customer", email(accounts.findUsers(List.of(order.user())), order.user()));
        model.addAttribute("history", orders.history(admin, id));
        model.addAttribute(
                "next",
                Arrays.stream(OrderStatus.values())
                        .filter(now::mayBecome)
                        .map(OrderStatus::value)
                        .toList());
        return "admin/ordering/order";
    }

    @PostMapping("/admin/orders/{id}/status")
    String changeStatus(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            RedirectAttributes redirect) {
        try {
            OrderStatus now = orders.changeStatus(admin, id, OrderStatus.parse(status, "status"))
                    .status();
            redirect.addFlashAttribute(
                    "success",
                    "Order " + id + " is " + now.value()
                            + (now == OrderStatus.CANCELLED ? "; its items are back in stock." : "."));
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
        }
        return "redirect:/admin/orders/" + id;
    }

    // Offers

    @GetMapping("/admin/offers")
    String offers(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String show,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Instant now = clock.instant();
        Instant inForceAt = "in-force".equals(show) ? now : null;
        long count = offers.count(inForceAt, text);
        model.addAttribute("list", AdminList.of(page, query -> new Page<>(offers.list(inForceAt, text, query), count)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("show", inForceAt == null ? "all" : "in-force");
        model.addAttribute("now", now);
        return htmx != null ? "admin/ordering/offers-rows :: rows" : "admin/ordering/offers";
    }

    @GetMapping("/admin/offers/new")
    String newOffer(Model model) {
        model.addAttribute("form", new OfferForm());
        return "admin/ordering/offer";
    }

    @PostMapping("/admin/offers")
    String createOffer(
            @AuthenticationPrincipal CurrentUser admin,
            @ModelAttribute("form") OfferForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Offer created = offers.create(admin, form.draft());
            redirect.addFlashAttribute("success", "Created the offer " + created.name() + ".");
            return "redirect:/admin/offers/" + created.id();
        } catch (ProblemException problem) {
            return refused(problem, model, response);
        }
    }

    @GetMapping("/admin/offers/{id}")
    String offer(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<Offer> offer = offers.find(id);
        if (offer.isEmpty()) {
            redirect.addFlashAttribute("failure", "Offer " + id + " does not exist.");
            return "redirect:/admin/offers";
        }
        model.addAttribute("offer", offer.get());
        model.addAttribute("inForce", offer.get().inForce(clock.instant()));
        model.addAttribute("form", OfferForm.of(offer.get()));
        return "admin/ordering/offer";
    }

    @PostMapping("/admin/offers/{id}")
    String updateOffer(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable long id,
            @ModelAttribute("form") OfferForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            offers.update(admin, id, current -> form.draft());
            redirect.addFlashAttribute("success", "Saved the offer.");
            return "redirect:/admin/offers/" + id;
        } catch (ProblemException problem) {
            Optional<Offer> offer = offers.find(id);
            if (offer.isEmpty()) {
                redirect.addFlashAttribute("failure", AdminProblems.message(problem));
                return "redirect:/admin/offers";
            }
            model.addAttribute("offer", offer.get());
            model.addAttribute("inForce", offer.get().inForce(clock.instant()));
            return refused(problem, model, response);
        }
    }

    @PostMapping("/admin/offers/{id}/deactivate")
    String deactivateOffer(
            @AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Offer offer = offers.deactivate(admin, id);
            redirect.addFlashAttribute(
                    "success", "Switched off " + offer.name() + "; orders placed before keep their discounts.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("failure", AdminProblems.message(problem));
        }
        return "redirect:/admin/offers/" + id;
    }

    private static String refused(ProblemException problem, Model model, HttpServletResponse response) {
        AdminProblems.showOnForm(problem, model, response);
        return "admin/ordering/offer";
    }

    private static String email(Map<Long, UserSummary> users, long id) {
        UserSummary user = users.get(id);
        return user == null ? "user " + id : user.email();
    }

    private static @Nullable Long number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException ex) {
            return -1L;
        }
    }

    static List<String> statuses() {
        return Arrays.stream(OrderStatus.values()).map(OrderStatus::value).toList();
    }
}
