import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the images the AR benchmarks send: java bench/ar/ArImages.java <width> <height> <jpg|png> <file>. A photo-like
 * picture (gradient, shapes, some noise) so that the JPEG is as large as a real target of that size.
 */
public class ArImages {

    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 10 + random.nextInt(width / 8), 10 + random.nextInt(height / 8));
        }
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (random.nextInt(4) == 0) {
                    image.setRGB(x, y, image.getRGB(x, y) ^ random.nextInt(0x202020));
                }
            }
        }
        ImageIO.write(image, args[2], new File(args[3]));
    }
}
