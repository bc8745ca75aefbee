package dev.atrium.account.internal;

/** The limits of account fields, shared by the records that carry them; the table's CHECKs say the same. */
final class Rules {

    private Rules() {}

    /** Something before the @, and a domain with a dot, with no spaces anywhere. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    static final String EMAIL_MESSAGE = "must be a valid email address";
    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 150;
    static final int PHONE_MAX = 32;
    static final String PHONE = "[0-9+() .\\-]*";
    static final String PHONE_MESSAGE = "may hold only digits, spaces and + ( ) - .";
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters such as line breaks";
    static final int ORGANIZATIONS_MAX = 100;
}
