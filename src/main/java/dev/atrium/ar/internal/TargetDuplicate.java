package dev.atrium.ar.internal;

/**
 * A live, active target of the project that shows the same picture as another image: how similar, 0 to 1 (1 from
 * {@value TargetIndex#FULL_SCORE_INLIERS} features in agreement), and how many features agree on one placement.
 */
public record TargetDuplicate(ImageTarget target, double similarity, int matchingFeatures) {}
