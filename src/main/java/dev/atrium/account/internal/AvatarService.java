package dev.atrium.account.internal;

import dev.atrium.shared.blob.Blob;
import dev.atrium.shared.blob.BlobStore;
import dev.atrium.shared.problem.RequestBodyTooLarge;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Users' avatars: made by {@link AvatarImages}, stored through the {@link BlobStore} under a fresh random name
 * ({@code avatars/Q8fJ2kP0aZ7mN1xY.jpg}), and pointed to by the user's row. Storing the new file, pointing the row at
 * it and removing the old file happen in one transaction, so a failed upload leaves the previous avatar as it was.
 */
@Service
public class AvatarService {

    static final String KEY_PREFIX = "avatars/";
    static final String EXTENSION = ".jpg";
    static final int NAME_LENGTH = 16;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9]{" + NAME_LENGTH + "}\\.jpg");

    private final AvatarImages images;
    private final BlobStore blobs;
    private final UserRepository users;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    AvatarService(
            AvatarImages images,
            BlobStore blobs,
            UserRepository users,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.images = images;
        this.blobs = blobs;
        this.users = users;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Makes the upload the user's avatar, replacing any previous one. The image is processed before the transaction
     * begins: decoding takes a while, and a pooled connection should not wait on it.
     *
     * @throws AvatarRejected when the upload is not an acceptable image
     * @throws RequestBodyTooLarge when it is over 5 MB
     */
    public User replace(long userId, byte[] upload) {
        if (upload.length == 0) {
            throw AvatarRejected.empty();
        }
        if (upload.length > AvatarImages.MAX_BYTES) {
            throw RequestBodyTooLarge.over(DataSize.ofBytes(AvatarImages.MAX_BYTES));
        }
        byte[] jpeg = images.process(upload);
        User stored = transactions.execute(status -> {
            User user = users.lock(userId).orElseThrow(() -> UserNotFound.byId(userId));
            String key = KEY_PREFIX + newName() + EXTENSION;
            blobs.put(key, "image/jpeg", jpeg);
            users.setAvatarKey(userId, key, clock.instant());
            if (user.avatarKey() != null) {
                blobs.delete(user.avatarKey());
            }
            return users.findById(userId).orElseThrow();
        });
        return Objects.requireNonNull(stored);
    }

    /** Removes the user's avatar, if they have one. */
    @Transactional
    public void remove(long userId) {
        User user = users.lock(userId).orElseThrow(() -> UserNotFound.byId(userId));
        if (user.avatarKey() != null) {
            users.setAvatarKey(userId, null, clock.instant());
            blobs.delete(user.avatarKey());
        }
    }

    /** The current avatar of an active user. */
    public Optional<Blob> current(long userId) {
        return users.findById(userId).filter(User::active).map(User::avatarKey).flatMap(blobs::get);
    }

    /** The avatar of an active user under its file name, while it is still their avatar. */
    public Optional<Blob> named(long userId, String fileName) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        return users.findById(userId)
                .filter(User::active)
                .map(User::avatarKey)
                .filter(key -> key.equals(KEY_PREFIX + fileName))
                .flatMap(blobs::get);
    }

    /** The file name of a user's avatar ({@code Q8fJ2kP0aZ7mN1xY.jpg}), or null when they have none. */
    public static @Nullable String fileName(User user) {
        String key = user.avatarKey();
        return key == null ? null : key.substring(KEY_PREFIX.length());
    }

    /** Sixteen characters of [A-Za-z0-9] from a secure random source: about 95 bits, never guessed. */
    String newName() {
        StringBuilder name = new StringBuilder(NAME_LENGTH);
        for (int i = 0; i < NAME_LENGTH; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
