package dev.atrium.goods.internal;

import java.time.LocalDate;

/** One record of {@code data/goods.json}: its nine keys, typed as the file types them. */
public record Good(
        String goodName,
        String goodCode,
        String supplierName,
        String supplierAddress,
        String supplierPhone,
        String supplierContact,
        boolean isBulk,
        int price,
        LocalDate dtOfLicense) {}
