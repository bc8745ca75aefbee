package dev.atrium.account.web;

import dev.atrium.account.BadCredentials;
import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.account.internal.Session;
import dev.atrium.account.internal.SignIn;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The admin panel's sign-in form, through the same {@link SignIn} as the API: throttled, recorded, and opening the same
 * kind of session, whose id the browser's cookie session keeps.
 */
@Component
class BrowserSignIn implements AuthenticationProvider {

    private final SignIn signIn;

    BrowserSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String email = form.getName();
        String password =
                form.getCredentials() == null ? "" : form.getCredentials().toString();
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        try {
            Session session = signIn.signInBrowser(email, password, SignInController.client(request));
            CurrentUser user = new CurrentUser(session.userId(), session.email(), session.roles(), session.id());
            return UsernamePasswordAuthenticationToken.authenticated(user, null, session.authorities());
        } catch (BadCredentials ex) {
            throw new BadCredentialsException("Wrong email or password");
        } catch (TooManySignInAttempts ex) {
            throw new LockedException(ex.getMessage());
        } catch (ProblemException ex) {
            // Too many sign-ins at once, or a data store away: the form's failure handler shows the sign-in page
            // again, with the problem's words, where an exception escaping the filter would show the error page.
            throw new AuthenticationServiceException(ex.getBody().getDetail(), ex);
        } catch (DataAccessException ex) {
            throw new AuthenticationServiceException("Signing in is not possible right now; try again shortly", ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
