package dev.atrium.goods.internal;

import java.time.LocalDate;

/** One row of the {@code goods} table: a record of the goods file with the id the table gave it. */
public record StoredGood(
        long id,
        String goodName,
        String goodCode,
        String supplierName,
        String supplierAddress,
        String supplierPhone,
        String supplierContact,
        boolean isBulk,
        int price,
        LocalDate dtOfLicense) {}
