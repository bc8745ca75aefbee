package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What nginx answers itself (its refusals: a body too large, a request line it cannot parse, no replica to send to)
 * never reaches Atrium, so it carries only the headers nginx's configuration adds. Those are written out by hand in
 * {@code deploy/nginx/compose/security-headers.conf}, which {@code deploy/nginx/atrium.conf} includes as
 * {@code atrium/security-headers.conf} (compose mounts that folder there, {@code deploy/replicas.sh} copies the file);
 * this reads both files and holds them to {@link SecurityHeaders}, so that a change to Atrium's headers cannot leave
 * nginx's answers behind.
 */
class NginxSecurityHeadersTests {

    private static final Path SITE = Path.of("deploy/nginx/atrium.conf");
    private static final Path INCLUDED = Path.of("deploy/nginx/compose/security-headers.conf");
    private static final String INCLUDE = "include atrium/security-headers.conf;";

    /** {@code add_header Name value [always];}, the value bare or in double quotes. */
    private static final Pattern ADD_HEADER =
            Pattern.compile("^\\s*add_header\\s+(\\S+)\\s+(?:\"([^\"]*)\"|([^\\s;]+))(\\s+always)?\\s*;\\s*$");

    @Test
    void nginx_adds_the_security_headers_atrium_sends_with_the_same_values() throws IOException {
        Map<String, String> added = new LinkedHashMap<>();
        for (Header header : headers()) {
            added.put(header.name(), header.value());
        }
        // The request id is Atrium's too, but it is the request's own, not one of the fixed security headers.
        added.remove(RequestId.HEADER);

        assertThat(added).containsExactlyInAnyOrderEntriesOf(SecurityHeaders.all());
    }

    @Test
    void nginx_adds_them_to_error_answers_too_which_are_all_it_writes_itself() throws IOException {
        // Without "always", add_header applies to 2xx and 3xx answers only, and nginx's own answers are all errors.
        assertThat(headers())
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header.always())
                        .as("%s is added with always", header.name())
                        .isTrue());
    }

    @Test
    void every_answer_nginx_writes_itself_includes_the_security_headers() throws IOException {
        // add_header in a location replaces whatever the server block adds, so each location that answers by itself
        // (return) has to include the headers on its own.
        List<Location> answering = locations(Files.readString(SITE)).stream()
                .filter(location -> location.body().contains("return "))
                .toList();
        assertThat(answering)
                .isNotEmpty()
                .allSatisfy(location -> assertThat(location.body())
                        .as("location %s", location.name())
                        .contains(INCLUDE));
    }

    private static List<Header> headers() throws IOException {
        List<Header> headers = new ArrayList<>();
        for (String line : Files.readAllLines(INCLUDED)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = ADD_HEADER.matcher(line);
            assertThat(matcher.matches())
                    .as("%s holds add_header lines only: %s", INCLUDED, line)
                    .isTrue();
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            headers.add(new Header(matcher.group(1), value, matcher.group(4) != null));
        }
        return headers;
    }

    /** The location blocks of the site, each with what is between its braces (they hold no nested blocks). */
    private static List<Location> locations(String site) {
        List<Location> locations = new ArrayList<>();
        Matcher matcher =
                Pattern.compile("(?m)^\\s*location\\s+([^{]+)\\{([^}]*)}").matcher(site);
        while (matcher.find()) {
            locations.add(new Location(matcher.group(1).strip(), matcher.group(2)));
        }
        return locations;
    }

    private record Header(String name, String value, boolean always) {}

    private record Location(String name, String body) {}
}
