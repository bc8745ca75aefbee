/** Atrium: accounts, organizations, a shop that never oversells, and AR projects, in one service. */
@NullMarked
package dev.atrium;

import org.jspecify.annotations.NullMarked;
