package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages run under a content security policy without {@code 'unsafe-inline'}: an inline style or script in a template
 * is not merely untidy, the browser refuses it and the page breaks. This reads every template and static HTML file and
 * names each inline style, style block, inline script and event handler attribute it finds.
 */
class InlineMarkupTests {

    private static final List<Path> ROOTS =
            List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static"));

    /** What the policy refuses, each with the name a failure gives it. */
    private static final List<Rule> RULES = List.of(
            new Rule(
                    "a style attribute",
                    Pattern.compile("[\\s\"'](?:th:|data-th-)?style\\s*=", Pattern.CASE_INSENSITIVE)),
            new Rule("a <style> block", Pattern.compile("<style[\\s>]", Pattern.CASE_INSENSITIVE)),
            new Rule(
                    "an event handler attribute",
                    Pattern.compile("[\\s\"'](?:th:|data-th-|hx-)?on[a-z:-]+\\s*=", Pattern.CASE_INSENSITIVE)),
            new Rule("a javascript: URL", Pattern.compile("javascript\\s*:", Pattern.CASE_INSENSITIVE)),
            new Rule(
                    "an inline script", Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>", Pattern.CASE_INSENSITIVE)),
            new Rule(
                    "a script with a body",
                    Pattern.compile("<script[^>]*>\\s*[^<\\s][\\s\\S]*?</script>", Pattern.CASE_INSENSITIVE)));

    @Test
    void no_template_or_static_page_has_an_inline_style_script_or_event_handler() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> pages = pages();
        assertThat(pages).as("templates and static pages found").hasSizeGreaterThan(5);
        for (Path page : pages) {
            found.addAll(inlineMarkupIn(page, Files.readString(page)));
        }
        assertThat(found)
                .as("inline markup the content security policy refuses")
                .isEmpty();
    }

    @Test
    void each_kind_of_inline_markup_is_recognised() {
        Path page = Path.of("example.html");
        assertThat(inlineMarkupIn(page, "<p style=\"color:red\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<p th:style=\"${x}\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<style>p{}</style>")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<button onclick=\"go()\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<button th:onclick=\"${x}\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<form hx-on::after-request=\"x()\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<a href=\"javascript:go()\">")).hasSize(1);
        assertThat(inlineMarkupIn(page, "<script>alert(1)</script>")).hasSize(2);
        assertThat(inlineMarkupIn(page, "<script src=\"/js/admin.js\" defer></script>"))
                .isEmpty();
        assertThat(inlineMarkupIn(page, "<button data-confirm=\"Sure?\" class=\"online\">"))
                .isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".html")).forEach(pages::add);
            }
        }
        return pages;
    }

    private static List<String> inlineMarkupIn(Path page, String text) {
        List<String> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add(page + ":" + line + ": " + rule.name() + ": "
                        + matcher.group().strip());
            }
        }
        return found;
    }

    private record Rule(String name, Pattern pattern) {}
}
