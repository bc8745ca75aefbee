package dev.atrium.ar.web;

import dev.atrium.ar.internal.TargetSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/** A project's live image targets counted by state and by tracking rating. */
@Schema(name = "ImageTargetSummary")
record SummaryView(
        @Schema(description = "Live (not deleted) targets", example = "12")
        long targets,

        @Schema(example = "10") long active,
        @Schema(example = "2") long inactive,

        @Schema(
                description = "Targets by tracking rating, \"0\" to \"5\" stars",
                example = "{\"0\":1,\"1\":0,\"2\":1,\"3\":4,\"4\":4,\"5\":2}")
        Map<String, Long> byRating,

        @Schema(description = "Targets whose features are still being computed", example = "0")
        long unrated) {

    static SummaryView of(TargetSummary summary) {
        Map<String, Long> byRating = new LinkedHashMap<>();
        for (int stars = 0; stars < summary.byRating().length; stars++) {
            byRating.put(Integer.toString(stars), summary.byRating()[stars]);
        }
        return new SummaryView(summary.targets(), summary.active(), summary.inactive(), byRating, summary.unrated());
    }
}
