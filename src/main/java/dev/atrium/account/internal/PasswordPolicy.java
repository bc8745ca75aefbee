package dev.atrium.account.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
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
 * What a new password must be: at least 8 characters, at most 72 bytes (all that bcrypt reads), with at least one
 * visible character and no control character, not one of the passwords that leaked lists show people use most, and
 * not the account's own email.
 *
 * <p>Passwords are hashed exactly as sent, not NFKC-normalised: the hashes already stored were made that way, and
 * normalising from now on would mean checking every sign-in twice (normal form, then as sent) to keep them working,
 * which doubles the bcrypt cost of each wrong password. Any character may be used; only those that cannot be a
 * deliberate part of a password are refused.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private static final int BRAILLE_BLANK = 0x2800;

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
        // NUL, line breaks, escape and the other controls: no keyboard types them, some systems cut a password at a
        // NUL, and a password carrying one is a client's encoding bug rather than a secret.
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters such as NUL, tabs or line breaks");
        }
        if (password.codePoints().noneMatch(PasswordPolicy::visible)) {
            return Optional.of("must contain visible characters, not only spaces or invisible ones");
        }
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

    /**
     * A letter, digit, punctuation mark or symbol that shows: not whitespace of any kind, not a control or format
     * character (zero-width space, joiners, bidi marks, BOM), not a lone combining mark, and not one of the blank
     * look-alikes Unicode classes as letters or symbols (Hangul fillers, which are default-ignorable, and the blank
     * braille pattern).
     */
    private static boolean visible(int codePoint) {
        if (UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.isUWhiteSpace(codePoint)
                || codePoint == BRAILLE_BLANK) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
