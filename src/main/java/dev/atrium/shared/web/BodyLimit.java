package dev.atrium.shared.web;

import org.springframework.util.unit.DataSize;

/**
 * A larger body limit for the endpoints that need one (an image sent as base64), declared as a bean by the module that
 * owns them. Every other body is held to {@code atrium.http.max-body-size}.
 *
 * @param pathPattern an Ant-style pattern, e.g. {@code /api/project/{id}/imagetarget/**}
 * @param limit the largest body accepted there
 */
public record BodyLimit(String pathPattern, DataSize limit) {}
