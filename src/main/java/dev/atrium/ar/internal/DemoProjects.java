package dev.atrium.ar.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.shared.demo.DemoData;
import dev.atrium.shared.security.CurrentUser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two demo projects of alice@atrium.dev, each with image targets (drawn here, so the repository holds no binary
 * files), and an app token for the first. Made through the same services as the API; a project whose name is already
 * taken is left alone, so loading twice adds nothing.
 */
@Component
@Order(40)
class DemoProjects implements DemoData {

    static final String OWNER = "alice@atrium.dev";

    private record Sample(String name, String[] targets) {}

    private static final Sample[] PROJECTS = {
        new Sample("Alice's gallery", new String[] {"Poster in the hall", "Postcard from Lisbon"}),
        new Sample("Museum tour", new String[] {"Entrance sign"}),
    };

    private final AccountApi accounts;
    private final ProjectService projects;
    private final ImageTargetService targets;
    private final AppTokenService tokens;

    DemoProjects(AccountApi accounts, ProjectService projects, ImageTargetService targets, AppTokenService tokens) {
        this.accounts = accounts;
        this.projects = projects;
        this.targets = targets;
        this.tokens = tokens;
    }

    @Override
    public String load() {
        Optional<UserSummary> owner = accounts.findUserByEmail(OWNER);
        if (owner.isEmpty()) {
            return "no AR projects: " + OWNER + " does not exist";
        }
        CurrentUser alice = new CurrentUser(owner.get().id(), OWNER, Set.of("USER"), "demo-data");
        int added = 0;
        for (int p = 0; p < PROJECTS.length; p++) {
            Sample demo = PROJECTS[p];
            Project project;
            try {
                project = projects.create(alice, demo.name());
            } catch (ProjectNameTaken ex) {
                continue;
            }
            added++;
            for (int t = 0; t < demo.targets().length; t++) {
                targets.create(
                        new Caller.User(alice),
                        project.id(),
                        new TargetChange(picture(p * 3 + t), null, demo.targets()[t], null, null, null));
            }
            if (p == 0) {
                tokens.issue(alice, project.id(), null);
            }
        }
        return added + " demo AR projects added (" + PROJECTS.length + " in all)";
    }

    /**
     * A JPEG with enough edges and contrast to be a fair image target, as base64. Shapes only: text would need fonts,
     * which a slim container image may not have.
     */
    static String picture(int seed) {
        int width = 800;
        int height = 600;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = (seed * 0.17f) % 1f;
            g.setPaint(new GradientPaint(
                    0,
                    0,
                    Color.getHSBColor(hue, 0.6f, 0.95f),
                    width,
                    height,
                    Color.getHSBColor(hue + 0.3f, 0.7f, 0.5f)));
            g.fillRect(0, 0, width, height);
            g.setStroke(new BasicStroke(6));
            // Each demo target its own arrangement, so that no two are duplicates of each other (docs/ar.md).
            Random random = new Random(seed);
            for (int i = 0; i < 24; i++) {
                g.setColor(Color.getHSBColor((hue + i * 0.07f) % 1f, 0.8f, i % 2 == 0 ? 0.2f : 1f));
                int x = random.nextInt(width - 120);
                int y = random.nextInt(height - 120);
                switch (random.nextInt(3)) {
                    case 0 -> g.fillOval(x, y, 30 + random.nextInt(90), 30 + random.nextInt(90));
                    case 1 -> g.drawRect(x, y, 40 + random.nextInt(120), 30 + random.nextInt(90));
                    default -> g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
