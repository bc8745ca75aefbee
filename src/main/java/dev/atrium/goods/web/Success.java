package dev.atrium.goods.web;

import java.time.Instant;

/** A sign-in on the sign-in page that went through, in the page's own JSON shape. */
record Success(String status, String message, UserRef user, SessionRef session, int goodsImported, TokenPair tokens) {

    record UserRef(long id, String email) {}

    record SessionRef(String id, Instant openedAt) {}

    record TokenPair(String access, String refresh, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenPair[access=<redacted>, refresh=<redacted>, tokenType=" + tokenType + "]";
        }
    }
}
