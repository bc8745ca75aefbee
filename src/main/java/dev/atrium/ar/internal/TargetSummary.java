package dev.atrium.ar.internal;

import java.util.List;

/**
 * A project's live targets counted: in all, active and inactive, by tracking rating ({@code byRating[r]} targets of
 * r stars), and those whose features are not computed yet.
 */
public record TargetSummary(long targets, long active, long inactive, long[] byRating, long unrated) {

    static TargetSummary of(List<TargetFeatureStore.RatingCount> counts) {
        long targets = 0;
        long active = 0;
        long unrated = 0;
        long[] byRating = new long[6];
        for (TargetFeatureStore.RatingCount count : counts) {
            targets += count.targets();
            if (count.active()) {
                active += count.targets();
            }
            if (count.rating() < 0) {
                unrated += count.targets();
            } else {
                byRating[count.rating()] += count.targets();
            }
        }
        return new TargetSummary(targets, active, targets - active, byRating, unrated);
    }
}
