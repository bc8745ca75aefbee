package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The demo projects' targets are worth tracking and none is another's duplicate, as a real project's would be. */
class DemoTargetsTests {

    @Test
    void demo_pictures_are_rated_and_distinct() throws IOException {
        FeatureExtraction extraction = new FeatureExtraction();
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int seed = 0; seed < 9; seed++) {
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(DemoProjects.picture(seed))));
            TargetAnalysis analysis = extraction.analyse(image);
            assertThat(analysis.quality().rating()).as("picture %d", seed).isGreaterThanOrEqualTo(2);
            entries.add(new TargetIndex.Entry(seed + 1, analysis.features()));
        }
        TargetIndex index = new TargetIndex(entries);
        for (TargetIndex.Entry entry : entries) {
            assertThat(index.matches(entry.features(), 10, entry.targetId()))
                    .as("duplicates of picture %d", entry.targetId() - 1)
                    .isEmpty();
        }
    }
}
