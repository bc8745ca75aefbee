/**
 * What modules know of security: the signed-in user ({@code CurrentUser}), the contracts a module implements to plug
 * into the filter chain of {@code dev.atrium.security} (its {@code RequestAuthorizations}, a
 * {@code BearerTokenAuthenticator}, the {@code BrowserSessions} behind admin cookies) and the one signer of every
 * token, which both the account and the AR module sign with.
 */
@NullMarked
package dev.atrium.shared.security;

import org.jspecify.annotations.NullMarked;
