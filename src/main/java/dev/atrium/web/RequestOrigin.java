package dev.atrium.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides, once per request, where it came from and which origin Atrium answers for, so that every absolute link
 * ({@code next}/{@code previous}, {@code Location}, redirects) and every throttle by client address reads a trusted
 * value through the ordinary servlet API, never the raw {@code Host} or {@code X-Forwarded-*} headers of a client:
 *
 * <ul>
 *   <li>the <b>origin</b> (scheme, host, port) is {@code ATRIUM_PUBLIC_BASE_URL} when it is set; else, for a request
 *       from a trusted proxy ({@code ATRIUM_TRUSTED_PROXIES}), what the proxy forwarded ({@code X-Forwarded-Proto},
 *       {@code -Host}, {@code -Port}, else its {@code Host}); else the address the request arrived at
 *       ({@code localhost} for a loopback one) and its port;
 *   <li>the <b>client address</b> is the connection's peer, unless that peer is a trusted proxy: then the right-most
 *       address in {@code X-Forwarded-For} that is not itself a trusted proxy (a client can prepend anything to that
 *       header, but not append to it).
 * </ul>
 *
 * It runs right after {@link RequestId}, before Spring Security; Tomcat leaves relative redirects relative
 * ({@code server.tomcat.use-relative-redirects}), so that it never builds a {@code Location} from the raw request.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestOrigin extends OncePerRequestFilter {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_LITERAL = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /**
     * How many {@code X-Forwarded-For} hops are looked at, from the right: a chain of proxies is a handful long, and
     * a client must not make every request walk a header it padded.
     */
    private static final int MOST_HOPS = 16;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final @Nullable URI publicBase;
    private final List<IpAddressMatcher> trustedProxies;

    RequestOrigin(
            @Value("${atrium.http.public-base-url:}") String publicBaseUrl,
            @Value("${atrium.http.trusted-proxies:}") String trustedProxies) {
        this.publicBase = publicBase(publicBaseUrl);
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(RequestOrigin::proxy)
                .toList();
    }

    private static @Nullable URI publicBase(String url) {
        if (url.isBlank()) {
            return null;
        }
        URI base = URI.create(url.trim());
        boolean plainOrigin = ("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
                && base.getHost() != null
                && (base.getRawPath() == null || base.getRawPath().isEmpty() || "/".equals(base.getRawPath()))
                && base.getRawQuery() == null
                && base.getRawUserInfo() == null;
        if (!plainOrigin) {
            throw new IllegalArgumentException(
                    "atrium.http.public-base-url (ATRIUM_PUBLIC_BASE_URL) must be an origin such as "
                            + "https://atrium.example.com, without a path: " + url);
        }
        return base;
    }

    private static IpAddressMatcher proxy(String addressOrRange) {
        String address = addressOrRange.contains("/")
                ? addressOrRange.substring(0, addressOrRange.indexOf('/'))
                : addressOrRange;
        if (!IP_LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException(
                    "atrium.http.trusted-proxies (ATRIUM_TRUSTED_PROXIES) takes IP addresses and CIDR ranges, "
                            + "comma-separated: " + addressOrRange);
        }
        return new IpAddressMatcher(addressOrRange);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Trusted(request, originOf(request), clientOf(request)), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // An error page builds links too.
        return false;
    }

    private boolean trusted(String address) {
        InetAddress literal = ipLiteral(address);
        return literal != null && trusted(literal);
    }

    private boolean trusted(InetAddress address) {
        // The matcher parses the text it is given again: give it the canonical literal, never a name to resolve.
        String literal = address.getHostAddress();
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(literal));
    }

    /**
     * The address an IP literal names, or null for anything else (a host name, a port, brackets, a zone): never a DNS
     * look-up. {@link InetAddress#getByName} resolves only what is not a literal, so it is handed dotted quads and
     * texts with a colon (which it reads as IPv6 or refuses) alone.
     */
    static @Nullable InetAddress ipLiteral(String text) {
        boolean ipv4 = IPV4_LITERAL.matcher(text).matches();
        if (!ipv4 && !(text.indexOf(':') >= 0 && IP_LITERAL.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * Walks {@code X-Forwarded-For} from the right while the hops are trusted proxies: the client is the first hop
     * that is not one. A hop that is no IP literal ends the walk, and the client is the last well-formed hop seen
     * (whoever wrote the bad hop is not trusted to have written the ones left of it).
     */
    String clientOf(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!trusted(client)) {
            return client;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return client;
        }
        int end = forwarded.length();
        for (int hops = 0; hops < MOST_HOPS && end >= 0; hops++) {
            int comma = forwarded.lastIndexOf(',', end - 1);
            String hop = forwarded.substring(comma + 1, end).strip();
            end = comma;
            InetAddress address = hop.length() <= 45 ? ipLiteral(hop) : null;
            if (address == null) {
                break;
            }
            client = address.getHostAddress();
            if (!trusted(address)) {
                break;
            }
        }
        return client;
    }

    Origin originOf(HttpServletRequest request) {
        if (publicBase != null) {
            boolean https = "https".equals(publicBase.getScheme());
            int port = publicBase.getPort() > 0 ? publicBase.getPort() : (https ? 443 : 80);
            return new Origin(publicBase.getScheme(), publicBase.getHost(), port);
        }
        if (trusted(request.getRemoteAddr())) {
            return forwardedOrigin(request);
        }
        String host = localHost(request.getLocalAddr());
        return new Origin(request.getScheme(), host, request.getLocalPort());
    }

    private static Origin forwardedOrigin(HttpServletRequest request) {
        String scheme = first(request.getHeader("X-Forwarded-Proto"));
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            scheme = request.getScheme();
        }
        scheme = scheme.toLowerCase();
        // The proxy's own Host when it forwards no host; Atrium's port means nothing to a client behind a proxy.
        String host = request.getServerName();
        int port = -1;
        String forwardedHost = first(request.getHeader("X-Forwarded-Host"));
        if (forwardedHost != null) {
            int colon = forwardedHost.lastIndexOf(':');
            String name = colon > 0 && !forwardedHost.endsWith("]") ? forwardedHost.substring(0, colon) : forwardedHost;
            if (HOST.matcher(name).matches()) {
                host = name;
                port = colon > 0 && !forwardedHost.endsWith("]") ? portOr(forwardedHost.substring(colon + 1), -1) : -1;
            }
        }
        String forwardedPort = first(request.getHeader("X-Forwarded-Port"));
        if (forwardedPort != null) {
            port = portOr(forwardedPort, port);
        }
        if (port <= 0) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        return new Origin(scheme, host, port);
    }

    private static @Nullable String first(@Nullable String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).strip();
        return value.isEmpty() ? null : value;
    }

    private static int portOr(String text, int otherwise) {
        try {
            int port = Integer.parseInt(text.trim());
            return port > 0 && port < 65536 ? port : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String localHost(String address) {
        InetAddress literal = ipLiteral(address);
        if (literal != null && literal.isLoopbackAddress()) {
            return "localhost";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** Where links point: the scheme, host and port a client reaches Atrium at. */
    record Origin(String scheme, String host, int port) {

        boolean defaultPort() {
            return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        }
    }

    /** The request as seen by everything after this filter: the decided origin and client address. */
    private static final class Trusted extends HttpServletRequestWrapper {

        private final Origin origin;
        private final String client;

        Trusted(HttpServletRequest request, Origin origin, String client) {
            super(request);
            this.origin = origin;
            this.client = client;
        }

        @Override
        public String getScheme() {
            return origin.scheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equals(origin.scheme()) || super.isSecure();
        }

        @Override
        public String getServerName() {
            return origin.host();
        }

        @Override
        public int getServerPort() {
            return origin.port();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(origin.scheme()).append("://").append(origin.host());
            if (!origin.defaultPort()) {
                url.append(':').append(origin.port());
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public @Nullable String getHeader(String name) {
            // Whatever reads the host from the headers (a framework's own link building) reads the decided one.
            if ("Host".equalsIgnoreCase(name)) {
                return origin.defaultPort() ? origin.host() : origin.host() + ":" + origin.port();
            }
            if (isForwardedHeader(name)) {
                return null;
            }
            return super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            if ("Host".equalsIgnoreCase(name) || isForwardedHeader(name)) {
                String value = getHeader(name);
                return java.util.Collections.enumeration(value == null ? List.of() : List.of(value));
            }
            return super.getHeaders(name);
        }

        private static boolean isForwardedHeader(String name) {
            return StringUtils.startsWithIgnoreCase(name, "X-Forwarded-") || "Forwarded".equalsIgnoreCase(name);
        }
    }
}
