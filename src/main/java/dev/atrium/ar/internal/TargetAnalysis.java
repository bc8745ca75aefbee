package dev.atrium.ar.internal;

/** What {@link FeatureExtraction} finds in an image target: its features and how well it can be tracked. */
record TargetAnalysis(TargetFeatures features, TrackingQuality quality) {}
