package dev.atrium.goods.internal;

import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The goods table as the admin panel uses it: counted, searched a page at a time, and emptied on request. */
@Service
public class GoodService {

    private final GoodRepository goods;

    GoodService(GoodRepository goods) {
        this.goods = goods;
    }

    public long count() {
        return goods.count();
    }

    /** Newest rows first, matching {@code q} in name, code or supplier. */
    public Page<StoredGood> page(@Nullable String q, PageQuery page) {
        return goods.page(q, page);
    }

    /** Removes every row; the ids start again from 1, as on a fresh table. Returns how many rows there were. */
    public long empty() {
        return goods.empty();
    }
}
