package dev.atrium.goods.web;

import dev.atrium.admin.AdminList;
import dev.atrium.admin.AdminPages;
import dev.atrium.goods.internal.GoodService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/goods}: the rows the sign-in page's sign-ins have imported, and a way to empty the table. */
@Controller
@AdminPages
class GoodsAdminController {

    private final GoodService goods;

    GoodsAdminController(GoodService goods) {
        this.goods = goods;
    }

    @GetMapping("/admin/goods")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("goods", AdminList.of(AdminList.pageNumber(page), query -> goods.page(q, query)));
        return htmx != null ? "admin/goods/goods-rows :: rows" : "admin/goods/goods";
    }

    @PostMapping("/admin/goods/empty")
    String empty(RedirectAttributes redirect) {
        long removed = goods.empty();
        redirect.addFlashAttribute("success", "The goods table is empty again (" + removed + " rows removed).");
        return "redirect:/admin/goods";
    }
}
