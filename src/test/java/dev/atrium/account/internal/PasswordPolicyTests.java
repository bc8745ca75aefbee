package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Passwords that are nothing but blanks, or carry controls, are refused; any visible character counts. */
class PasswordPolicyTests {

    static final String EMAIL = "ada@example.com";

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "        ", // spaces
                "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0", // no-break spaces
                "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000", // ideographic spaces
                "\u2003\u2009\u200A\u2002\u2007\u2008\u205F\u202F", // em, thin, hair ... spaces
                "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B", // zero-width spaces
                "\u200D\u200C\u200D\u200C\u200D\u200C\u200D\u200C", // joiners
                "\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF", // byte order marks
                "\u202E\u202D\u2066\u2067\u2068\u2069\u200E\u200F", // bidi controls
                "\u00AD\u00AD\u00AD\u00AD\u00AD\u00AD\u00AD\u00AD", // soft hyphens
                "\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164", // Hangul fillers
                "\u2800\u2800\u2800\u2800\u2800\u2800\u2800\u2800", // blank braille patterns
                "\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F", // variation selectors
                "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", // combining marks with nothing to mark
                " \u00A0\u200B\u3000\u2028\u2029\u180E\u2060", // a mix
            })
    void a_password_of_nothing_visible_is_refused(String password) {
        assertThat(policy.weakness(password, EMAIL))
                .contains("must contain visible characters, not only spaces or invisible ones");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000",
                "correct horse\u0000battery",
                "correct horse battery\u0000",
                "correct\thorse\tbattery",
                "correct horse battery\n",
                "correct horse\rbattery",
                "correct horse\u001Bbattery",
                "correct horse\u007Fbattery",
                "correct horse\u0085battery",
            })
    void a_password_with_a_control_character_is_refused(String password) {
        assertThat(policy.weakness(password, EMAIL))
                .contains("must not contain control characters such as NUL, tabs or line breaks");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery",
                "  leading and trailing spaces  ",
                "p\u00E4ssw\u00F6rter sind lang",
                "\u30D1\u30B9\u30EF\u30FC\u30C9\u3067\u3059\u3088\u306D",
                "\uD83D\uDC69\u200D\uD83D\uDCBB\uD83D\uDC68\u200D\uD83D\uDD2C\uD83E\uDD84\uD83C\uDF08", // emoji, ZWJ
                "\u200Bzero width then text",
                "........",
            })
    void a_password_with_visible_characters_and_no_control_is_accepted(String password) {
        assertThat(policy.weakness(password, EMAIL)).isEmpty();
    }
}
