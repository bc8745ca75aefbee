/**
 * What modules need of the web edge ({@code dev.atrium.web}): a larger body limit for their endpoints, whether a failure
 * is shown as a page, and the id a request was given.
 */
@NullMarked
package dev.atrium.shared.web;

import org.jspecify.annotations.NullMarked;
