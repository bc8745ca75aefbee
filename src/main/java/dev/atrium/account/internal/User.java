package dev.atrium.account.internal;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code users}. */
@Table("users")
public record User(
        @Id long id,
        String email,
        String passwordHash,
        String firstName,
        String lastName,
        String phone,
        @Nullable String avatarKey,
        Set<String> roles,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastLoginAt) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** This user, active or deactivated. */
    User withActive(boolean active) {
        return new User(
                id,
                email,
                passwordHash,
                firstName,
                lastName,
                phone,
                avatarKey,
                roles,
                active,
                createdAt,
                updatedAt,
                lastLoginAt);
    }
}
