/**
 * Accounts: users, their passwords, sign-in and sessions, the tokens that name those sessions, throttling of failed
 * sign-ins and the sign-in records. Other modules use {@link dev.atrium.account.AccountApi} and nothing else.
 */
@ApplicationModule(displayName = "Accounts")
@NullMarked
package dev.atrium.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
