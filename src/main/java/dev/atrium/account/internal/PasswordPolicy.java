package dev.atrium.account.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 8 characters, at most 72 bytes (all that bcrypt reads), not one of the
 * passwords that leaked lists show people use most, and not the account's own email.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing from the classpath");
            }
            this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> weakness(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (PasswordHashing.tooLong(password)) {
            return Optional.of("must be at most " + PasswordHashing.MAX_PASSWORD_BYTES + " bytes long");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        if (password.equalsIgnoreCase(email)) {
            return Optional.of("must not be the email address");
        }
        return Optional.empty();
    }
}
