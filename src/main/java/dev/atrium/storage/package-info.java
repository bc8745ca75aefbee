/**
 * Where the blob store keeps its files: {@code PostgresBlobStore}, the implementation of the kernel's
 * {@code BlobStore}. A platform module: modules use the interface, never this package.
 */
@ApplicationModule(displayName = "Storage")
@NullMarked
package dev.atrium.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
