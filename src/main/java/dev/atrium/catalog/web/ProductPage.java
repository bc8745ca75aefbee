package dev.atrium.catalog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API document's name for a page of a catalogue list: the lists answer bytes they keep in memory, so the shape is
 * named here for the document (the same {@code {"count","next","previous","results"}} as every list).
 */
record ProductPage(
        long count, @Nullable String next, @Nullable String previous, List<ProductListItem> results) {}
