/**
 * What every module may use: problem responses, paging, request ids, the blob store, security plumbing and the
 * embedded servers of the default mode. It knows nothing of accounts, shops, orders or projects.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.atrium.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
