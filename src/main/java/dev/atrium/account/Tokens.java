package dev.atrium.account;

/**
 * What a sign-in or a refresh hands the client.
 *
 * @param access a JWT to send as {@code Authorization: Bearer <access>}; it names its session and lives for
 *     {@code expiresIn} seconds
 * @param refresh a JWT to exchange once, at {@code POST /api/refresh}, for a new pair
 * @param tokenType always {@code Bearer}
 * @param expiresIn the access token's lifetime in seconds
 */
public record Tokens(String access, String refresh, String tokenType, long expiresIn) {

    /** Tokens are credentials: whatever logs this record (Spring MVC at debug level does) must not see them. */
    @Override
    public String toString() {
        return "Tokens[access=<redacted>, refresh=<redacted>, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + "]";
    }
}
