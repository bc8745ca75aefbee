package dev.atrium.account.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import java.util.Optional;

/**
 * The one form in which Atrium stores, compares and looks up an email: Unicode NFKC, lower case, no surrounding
 * spaces. Every email that enters (registration, a profile change, sign-in, the first administrator, a member added by
 * email) goes through here, so that {@code Alice@Atrium.dev} and {@code ａlice@atrium.dev} (a fullwidth a) name the
 * same account as {@code alice@atrium.dev}.
 *
 * <p>Some addresses are refused rather than normalised: those carrying characters nobody sees (zero-width spaces,
 * direction marks, controls), which NFKC would leave in place and a reader could not tell apart, and those mixing
 * scripts that look alike, such as a Cyrillic {@code а} among Latin letters. The look-alikes are judged by ICU's
 * {@link SpoofChecker} (Unicode's UTS #39 restriction levels) rather than by a hand-made list of confusable letters:
 * the list of letters that look like Latin ones is long (Cyrillic, Greek, Cherokee, Armenian, mathematical letters,
 * ...) and grows with Unicode, and UTS #39 is what browsers use for the same question about domain names.
 */
final class EmailAddresses {

    static final String INVISIBLE = "must not contain invisible characters such as zero-width spaces, direction marks "
            + "or control characters";
    static final String LOOK_ALIKE =
            "must not mix letters of different scripts that look alike, such as a Cyrillic а among Latin letters";

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /**
     * Highly restrictive (UTS #39 5.2): one script, or Latin with Han and Japanese kana, Han with Bopomofo or Han with
     * Hangul. An address wholly in Cyrillic or Greek is someone's real address and passes; Latin mixed with Cyrillic or
     * Greek does not. The whole address is judged at once, not its parts: a Cyrillic local part at a Latin domain
     * ({@code асе@atrium.dev}, which reads as {@code ace}) is refused too, at the price of the rare genuine address
     * written so. Mixed digit systems ({@code 1} and {@code ١}) are refused as well. Built once: a built checker is
     * immutable and safe to share between threads.
     */
    private static final SpoofChecker LOOK_ALIKES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private EmailAddresses() {}

    /**
     * The stored form of an address: stripped, NFKC, lower case (in the root locale, so that no server's language
     * changes it), then NFKC once more because lower-casing can undo it. Applying it twice changes nothing.
     */
    static String normalise(String email) {
        String lower = NFKC.normalize(email.strip()).toLowerCase(Locale.ROOT);
        return NFKC.normalize(lower).strip();
    }

    /**
     * Why the address is refused, or empty when it may be stored. Invisible characters are looked for in what was
     * sent, before NFKC could turn some of them into plain spaces; look-alikes in the normal form, which is what is
     * stored.
     */
    static Optional<String> refusal(String email) {
        String sent = email.strip();
        if (sent.codePoints().anyMatch(EmailAddresses::invisible)) {
            return Optional.of(INVISIBLE);
        }
        if (LOOK_ALIKES.failsChecks(normalise(sent))) {
            return Optional.of(LOOK_ALIKE);
        }
        return Optional.empty();
    }

    /**
     * Controls, format characters (zero-width space and joiners, bidi controls, soft hyphen, BOM), line and paragraph
     * separators, every other default-ignorable code point (fillers, variation selectors), spaces other than the ASCII
     * one, and code points that are unassigned, private or lone surrogates: none shows as a letter of its own.
     */
    private static boolean invisible(int codePoint) {
        int type = UCharacter.getType(codePoint);
        return type == UCharacterCategory.CONTROL
                || type == UCharacterCategory.FORMAT
                || type == UCharacterCategory.LINE_SEPARATOR
                || type == UCharacterCategory.PARAGRAPH_SEPARATOR
                || type == UCharacterCategory.UNASSIGNED
                || type == UCharacterCategory.PRIVATE_USE
                || type == UCharacterCategory.SURROGATE
                || (type == UCharacterCategory.SPACE_SEPARATOR && codePoint != ' ')
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }
}
