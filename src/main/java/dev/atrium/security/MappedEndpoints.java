package dev.atrium.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The default rule: a path that one of Atrium's controllers serves needs a signed-in user (an app token is not one:
 * modules open their paths to app tokens explicitly), and a path that nothing serves is let through so that it is
 * answered with an honest 404 instead of a misleading 401.
 */
@Component
@ConditionalOnWebApplication
class MappedEndpoints implements AuthorizationManager<RequestAuthorizationContext> {

    private final RequestMappingHandlerMapping controllers;
    private final AuthorityAuthorizationManager<RequestAuthorizationContext> signedInUser =
            AuthorityAuthorizationManager.hasRole("USER");

    MappedEndpoints(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
            RoleHierarchy roleHierarchy) {
        this.controllers = controllers;
        this.signedInUser.setRoleHierarchy(roleHierarchy);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult signedIn = signedInUser.authorize(authentication, context);
        // Only a refusal needs the lookup of a controller (which the dispatcher does again for a served request).
        if (signedIn != null && !signedIn.isGranted() && !served(context.getRequest())) {
            return new AuthorizationDecision(true);
        }
        return signedIn;
    }

    /** Whether a controller serves the path; a path served, just not with this method or media type, counts. */
    private boolean served(HttpServletRequest request) {
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception ex) {
            return true;
        }
    }
}
