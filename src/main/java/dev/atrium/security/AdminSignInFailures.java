package dev.atrium.security;

import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The admin panel's form sign-in failing: a wrong password, a locked account or too many sign-ins at once send the
 * browser back to the sign-in page, which says why. A data store not answering is no reason to try again with another
 * password: it is handed to {@link OutageResponses}, which answers the panel's 503 page with {@code Retry-After}.
 */
class AdminSignInFailures extends SimpleUrlAuthenticationFailureHandler {

    AdminSignInFailures(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (ServiceUnavailable.isDataStoreOutage(exception)) {
            throw exception;
        }
        // The failure is kept in the session (in Redis) for the sign-in page to show, and Spring Security attaches the
        // attempt to it, typed password included: the password is wiped first, so it is never stored.
        if (exception.getAuthenticationRequest() instanceof CredentialsContainer attempt) {
            attempt.eraseCredentials();
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
