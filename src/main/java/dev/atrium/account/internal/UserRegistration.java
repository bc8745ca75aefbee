package dev.atrium.account.internal;

import static dev.atrium.account.internal.UserService.distinct;
import static dev.atrium.account.internal.UserService.email;
import static dev.atrium.account.internal.UserService.emailRefusal;

import dev.atrium.account.internal.UserService.Profile;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone opens an account ({@code POST /api/users}). The password is hashed before the transaction begins: bcrypt
 * takes tens of milliseconds, and a pooled connection should not wait on it.
 */
@Service
public class UserRegistration {

    private final UserService accounts;
    private final UserRepository users;
    private final PasswordHashing passwords;
    private final PasswordPolicy policy;
    private final Validator validator;
    private final TransactionTemplate transactions;

    UserRegistration(
            UserService accounts,
            UserRepository users,
            PasswordHashing passwords,
            PasswordPolicy policy,
            Validator validator,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.validator = validator;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Opens a new account with the role USER.
     *
     * @throws InvalidRequest for a malformed email, a weak password, too long fields or unknown organizations
     * @throws EmailTaken when another account has the email
     */
    public Profile register(Registration registration) {
        Registration form = new Registration(
                email(registration.email()),
                registration.password(),
                orEmpty(registration.firstName()).strip(),
                orEmpty(registration.lastName()).strip(),
                orEmpty(registration.phone()).strip(),
                registration.organizations());
        List<FieldError> errors = new ArrayList<>(InvalidRequest.fieldErrors(validator.validate(form)));
        emailRefusal(registration.email(), errors);
        if (form.password() != null && form.email() != null) {
            policy.weakness(form.password(), form.email())
                    .ifPresent(reason -> errors.add(new FieldError("password", reason)));
        }
        Set<Long> organizationIds = distinct(form.organizations());
        accounts.checkOrganizations(organizationIds, errors);
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        String email = Objects.requireNonNull(form.email());
        if (users.findByEmail(email).isPresent()) {
            throw EmailTaken.of(email);
        }
        String hash = passwords.hash(Objects.requireNonNull(form.password()));
        return Objects.requireNonNull(transactions.execute(status -> {
            User user;
            try {
                user = users.insert(
                        email,
                        hash,
                        Objects.requireNonNull(form.firstName()),
                        Objects.requireNonNull(form.lastName()),
                        Objects.requireNonNull(form.phone()),
                        Set.of("USER"));
            } catch (DuplicateKeyException ex) {
                // Two registrations of one email at once: the unique index lets one through.
                throw EmailTaken.of(email);
            }
            if (!organizationIds.isEmpty()) {
                accounts.replaceMemberships(user.id(), organizationIds);
            }
            return accounts.profile(user);
        }));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
