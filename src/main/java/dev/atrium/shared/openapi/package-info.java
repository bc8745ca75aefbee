/**
 * The answers many operations share, each written once as a composed annotation an operation carries.
 *
 * <p>Annotations rather than a customizer that adds answers from what an operation is (its path in
 * {@code RequestAuthorizations}, a body, path variables): the standard answers still differ in who is refused and
 * why (an administrator's endpoint, one refusing app tokens, one taking a project's app token), which only the
 * controller knows, and a reader sees every answer of an operation where it is declared. What they all share, the
 * {@code application/problem+json} body of an error answer, is added in one place instead: {@code OpenApiDocument}
 * gives it to every 4xx and 5xx answer that declares no body of its own.
 */
@NullMarked
package dev.atrium.shared.openapi;

import org.jspecify.annotations.NullMarked;
