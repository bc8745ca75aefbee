/**
 * The kernel every module may use, and the one open module: problem responses, paging, the clock, the API document's
 * shared answers, the signed-in user, the token signer, and the contracts a module implements or consumes to plug into
 * the platform (request authorizations, bearer authenticators, browser sessions, body limits, the blob store, demo
 * data). It knows nothing of accounts, shops, orders or projects, and depends on no platform module: the machinery
 * behind its contracts lives in the closed modules {@code security}, {@code web}, {@code embedded}, {@code storage}
 * and {@code demo}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.atrium.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
