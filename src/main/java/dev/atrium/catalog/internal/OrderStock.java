package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;

/** The part of {@link StockRepository} that placing and cancelling orders use; see {@link OrderStockImpl} for why. */
interface OrderStock {

    /** How each existing product of the list stands in the shop; products that do not exist are left out. */
    Map<Long, ProductInShop> inShop(long shopId, Collection<Long> productIds);

    /**
     * Locks the stock rows in (shop, product) order and returns them as they are now. Every writer of stock that
     * touches more than one row locks in this order, so that two orders can never deadlock.
     */
    SortedMap<StockKey, StockLevel> lock(Collection<StockKey> keys);

    /** Takes the quantities from rows this transaction has locked; the quantities must be there. */
    void decrement(Collection<StockLine> lines);

    /**
     * Puts quantities back (a cancelled order). A row the shop has dropped since is created again, at the list price; a
     * product or shop that no longer exists takes nothing back.
     */
    void increment(Collection<StockLine> lines);
}
