package dev.atrium.goods.internal;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One row of the {@code goods} table: a record of the goods file with the id the table gave it. */
@Table("goods")
public record StoredGood(
        @Id long id,
        String goodName,
        String goodCode,
        String supplierName,
        String supplierAddress,
        String supplierPhone,
        String supplierContact,
        boolean isBulk,
        int price,
        LocalDate dtOfLicense) {}
