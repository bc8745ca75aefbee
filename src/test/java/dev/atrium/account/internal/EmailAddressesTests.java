package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one form emails are stored and looked up in, and the addresses refused rather than normalised. */
class EmailAddressesTests {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "alice@atrium.dev -> alice@atrium.dev",
                "Alice@Atrium.DEV -> alice@atrium.dev",
                "'  alice@atrium.dev  ' -> alice@atrium.dev",
                // Fullwidth letters and a fullwidth @ are the same characters to a reader: NFKC makes them so.
                "\uFF41lice@atrium.dev -> alice@atrium.dev",
                "\uFF21\uFF2C\uFF29\uFF23\uFF25\uFF20atrium.dev -> alice@atrium.dev",
                // A ligature and a mathematical bold letter, likewise.
                "\uFB01ona@atrium.dev -> fiona@atrium.dev",
                "\uD835\uDC1Aa@atrium.dev -> aa@atrium.dev",
                // Composed and decomposed é are one letter.
                "rene\u0301@atrium.dev -> ren\u00E9@atrium.dev",
                "REN\u00C9@atrium.dev -> ren\u00E9@atrium.dev",
                "\u0410\u043B\u0438\u0441\u0430@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444 -> "
                        + "\u0430\u043B\u0438\u0441\u0430@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444",
            })
    void an_email_is_stored_in_nfkc_lower_case_without_surrounding_spaces(String sent, String stored) {
        assertThat(EmailAddresses.normalise(sent)).isEqualTo(stored);
        assertThat(EmailAddresses.normalise(stored)).as("normalising twice").isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice\u200B@atrium.dev", // zero-width space
                "ali\u200Cce@atrium.dev", // zero-width non-joiner
                "ali\u200Dce@atrium.dev", // zero-width joiner
                "\u2060alice@atrium.dev", // word joiner
                "alice@atrium.dev\uFEFF", // byte order mark (zero-width no-break space)
                "alice\u00AD@atrium.dev", // soft hyphen
                "\u202Eved.muirta@ecila", // right-to-left override
                "alice\u200F@atrium.dev", // right-to-left mark
                "alice\u2066@atrium.dev", // left-to-right isolate
                "alice\u0000@atrium.dev", // NUL
                "alice\u0007@atrium.dev", // bell
                "alice\u0085@atrium.dev", // next line (C1 control)
                "alice\u2028@atrium.dev", // line separator
                "ali\u00A0ce@atrium.dev", // no-break space
                "ali\u3000ce@atrium.dev", // ideographic space
                "alice\u3164@atrium.dev", // Hangul filler
                "alice\uFE0F@atrium.dev", // variation selector
                "alice\u180E@atrium.dev", // Mongolian vowel separator
                "alice\uE000@atrium.dev", // private use
                "alice\u0378@atrium.dev", // unassigned
            })
    void an_email_with_an_invisible_character_is_refused(String sent) {
        assertThat(EmailAddresses.refusal(sent)).contains(EmailAddresses.INVISIBLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0430lice@atrium.dev", // Cyrillic а among Latin letters
                "alice@\u0430trium.dev", // ... in the domain
                "p\u0430yp\u0430l@example.com",
                "\u03BFscar@atrium.dev", // Greek omicron
                "\u0391lice@atrium.dev", // Greek capital alpha, lower-cased to α
                "user1\u0661@atrium.dev", // Arabic-Indic digit among ASCII digits
                "\u13A0lice@atrium.dev", // Cherokee A
                "\u0430\u0441\u0435@atrium.dev", // a Cyrillic local part reading "ace" at a Latin domain
            })
    void an_email_mixing_look_alike_scripts_is_refused(String sent) {
        assertThat(EmailAddresses.refusal(sent)).contains(EmailAddresses.LOOK_ALIKE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice@atrium.dev",
                "Alice.O'Brien+news@atrium.dev",
                "\uFF41lice@atrium.dev", // fullwidth: normalised, not refused
                "m\u00FCller@beispiel.de",
                "\u0430\u043B\u0438\u0441\u0430@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444", // all Cyrillic
                "\u03B1\u03B8\u03B7\u03BD\u03B1@\u03C0\u03B1\u03C1\u03AC\u03B4\u03B5\u03B9\u03B3\u03BC\u03B1.\u03B5\u03BB",
                "\u7530\u4E2D\u305F\u308D\u3046@example.jp", // Han with Hiragana
                "yamada\u5C71\u7530@example.jp", // Latin with Han
            })
    void ordinary_addresses_in_any_one_script_are_accepted(String sent) {
        assertThat(EmailAddresses.refusal(sent)).isEmpty();
    }
}
