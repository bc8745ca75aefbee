package dev.atrium.account.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a sign-in came from, as recorded with its session.
 *
 * @param address the client's IP address: the connection's peer, or the address a trusted proxy forwarded
 *     ({@code ATRIUM_TRUSTED_PROXIES}); a client cannot choose it by sending {@code X-Forwarded-For} itself
 * @param userAgent the client's {@code User-Agent}, cut to 512 characters
 */
public record ClientInfo(String address, String userAgent) {

    public static ClientInfo of(@Nullable String address, @Nullable String userAgent) {
        String agent = userAgent == null ? "" : userAgent;
        return new ClientInfo(
                address == null ? "unknown" : address, agent.length() > 512 ? agent.substring(0, 512) : agent);
    }
}
