package dev.atrium.ar.internal;

import java.util.List;

/**
 * A target found in a probe image by {@link TargetIndex}: how many feature matches agree on one homography
 * ({@code inliers}), a score of 0 to 1 (inliers over {@value TargetIndex#FULL_SCORE_INLIERS}, at most 1), and the
 * target's four image corners (top left, top right, bottom right, bottom left) mapped into the probe's analysed image,
 * in the pixels of {@code probe.width()}×{@code probe.height()}.
 */
record TargetMatch(long targetId, int inliers, double score, List<ImagePoint> corners) {

    TargetMatch {
        corners = List.copyOf(corners);
    }
}
