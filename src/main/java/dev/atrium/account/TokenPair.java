package dev.atrium.account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a sign-in or a refresh hands the client: an access token and a refresh token.
 *
 * @param access a JWT to send as {@code Authorization: Bearer <access>}; it names its session and lives for
 *     {@code expiresIn} seconds
 * @param refresh a JWT to exchange once, at {@code POST /api/refresh}, for a new pair
 * @param tokenType always {@code Bearer}
 * @param expiresIn the access token's lifetime in seconds
 */
// The API document has always called this schema Tokens; clients generated from it keep their type's name.
@Schema(name = "Tokens")
public record TokenPair(String access, String refresh, String tokenType, long expiresIn) {

    /** The tokens are credentials: whatever logs this record (Spring MVC at debug level does) must not see them. */
    @Override
    public String toString() {
        return "TokenPair[access=<redacted>, refresh=<redacted>, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + "]";
    }
}
