package dev.atrium.catalog.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** ISBN-10 and ISBN-13: hyphens and spaces are dropped, and the check digit must be right. */
public final class Isbn {

    private Isbn() {}

    /** The compact form ({@code 9780306406157}, {@code 030640615X}), or empty when this is not a valid ISBN. */
    public static Optional<String> normalize(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        String compact = value.replace("-", "").replace(" ", "").toUpperCase();
        if (compact.length() == 10 && compact.matches("[0-9]{9}[0-9X]") && valid10(compact)) {
            return Optional.of(compact);
        }
        if (compact.length() == 13 && compact.matches("97[89][0-9]{10}") && valid13(compact)) {
            return Optional.of(compact);
        }
        return Optional.empty();
    }

    /** The check digit that completes the first twelve digits of an ISBN-13. */
    public static char checkDigit13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static boolean valid13(String isbn) {
        return checkDigit13(isbn.substring(0, 12)) == isbn.charAt(12);
    }

    private static boolean valid10(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn.charAt(i);
            int digit = c == 'X' ? 10 : c - '0';
            if (c == 'X' && i != 9) {
                return false;
            }
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }
}
