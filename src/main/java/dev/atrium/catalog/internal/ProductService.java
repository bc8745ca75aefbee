package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductDeleted;
import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, changing and deleting products, for the API and the admin panel alike: administrators only. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final BlobStore blobs;
    private final ProductPhotos photos;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ProductListing listing;
    private final CataloguePages pages;

    ProductService(
            ProductRepository products,
            ProductListing listing,
            BlobStore blobs,
            ProductPhotos photos,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager,
            CataloguePages pages) {
        this.pages = pages;
        this.products = products;
        this.listing = listing;
        this.blobs = blobs;
        this.photos = photos;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every product, priced and counted as the shop sells it (the default shop when shopId is null). */
    public Page<ListedProduct> catalogue(@Nullable Long shopId, ProductFilter filter, PageQuery page) {
        return listing.catalogue(shopId, filter, page);
    }

    /** The products the shop sells. */
    public Page<ListedProduct> assortment(long shopId, ProductFilter filter, PageQuery page) {
        return listing.assortment(shopId, filter, page);
    }

    /**
     * As {@link #catalogue(Long, ProductFilter, PageQuery)}, the {@code page.size()} products that follow the product
     * {@code after} in the list's order (by id, either way), instead of a page by number.
     */
    public Page<ListedProduct> catalogue(@Nullable Long shopId, ProductFilter filter, PageQuery page, long after) {
        return listing.catalogue(shopId, filter, page, after);
    }

    /** As {@link #assortment(long, ProductFilter, PageQuery)}, the products that follow the product {@code after}. */
    public Page<ListedProduct> assortment(long shopId, ProductFilter filter, PageQuery page, long after) {
        return listing.assortment(shopId, filter, page, after);
    }

    public Product get(long id) {
        return products.findById(id).orElseThrow(() -> ProductNotFound.byId(id));
    }

    public Optional<Product> find(long id) {
        return products.findById(id);
    }

    /** How many products the catalogue has. */
    public long count() {
        return products.count();
    }

    @Transactional
    public Product create(CurrentUser actor, ProductDraft draft) {
        Admins.require(actor);
        ProductFields fields = ProductRules.check(draft, clock);
        refuseDuplicates(fields, 0);
        pages.changed();
        return products.insert(fields);
    }

    /** Changes a product: the change is computed from the product as it is now, with the row locked. */
    @Transactional
    public Product update(CurrentUser actor, long id, Function<Product, ProductDraft> change) {
        Admins.require(actor);
        Product current = products.lock(id).orElseThrow(() -> ProductNotFound.byId(id));
        ProductFields fields = ProductRules.check(change.apply(current), clock);
        refuseDuplicates(fields, id);
        pages.changed();
        return products.update(id, fields);
    }

    /** Deletes a product with its stock in every shop and its photo. Past orders keep its name and price. */
    @Transactional
    public void delete(CurrentUser actor, long id) {
        Admins.require(actor);
        Product product = products.lock(id).orElseThrow(() -> ProductNotFound.byId(id));
        events.publishEvent(new ProductDeleted(id));
        pages.changed();
        products.delete(id);
        if (product.photoKey() != null) {
            blobs.delete(product.photoKey());
        }
    }

    /**
     * Replaces the product's photo with the image given, checked and scaled down to fit 800x800 pixels. The image is
     * converted before the transaction begins: decoding takes a while, and a pooled connection should not wait on it.
     */
    public Product setPhoto(CurrentUser actor, long id, byte[] image) {
        Admins.require(actor);
        // A product that does not exist is answered at once, without decoding anything.
        get(id);
        byte[] jpeg = photos.normalize(image);
        Product stored = transactions.execute(status -> {
            Product product = products.lock(id).orElseThrow(() -> ProductNotFound.byId(id));
            String key = ProductPhotos.newKey();
            blobs.put(key, "image/jpeg", jpeg);
            products.setPhoto(id, key);
            pages.changed();
            if (product.photoKey() != null) {
                blobs.delete(product.photoKey());
            }
            return get(id);
        });
        return Objects.requireNonNull(stored);
    }

    @Transactional
    public Product removePhoto(CurrentUser actor, long id) {
        Admins.require(actor);
        Product product = products.lock(id).orElseThrow(() -> ProductNotFound.byId(id));
        if (product.photoKey() != null) {
            products.setPhoto(id, null);
            pages.changed();
            blobs.delete(product.photoKey());
        }
        return get(id);
    }

    public Optional<Blob> photo(long id) {
        Product product = get(id);
        return product.photoKey() == null ? Optional.empty() : blobs.get(product.photoKey());
    }

    private void refuseDuplicates(ProductFields fields, long id) {
        if (fields.sku() != null && products.skuTaken(fields.sku(), id)) {
            throw ProblemException.conflict(
                            "sku-taken", "SKU taken", "Another product already has the SKU " + fields.sku())
                    .with("field", "sku");
        }
        if (fields.isbn() != null && products.isbnTaken(fields.isbn(), id)) {
            throw ProblemException.conflict(
                            "isbn-taken", "ISBN taken", "Another product already has the ISBN " + fields.isbn())
                    .with("field", "isbn");
        }
    }
}
