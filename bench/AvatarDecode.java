import com.sun.management.ThreadMXBean;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * The two ways of turning a large photo into a 200x200 avatar, side by side in one JVM: decoding every pixel and then
 * resizing, as ImageIO.read does, against decoding subsampled to about 800 pixels and then resizing, as Atrium's
 * AvatarImages does. Prints the median time and the memory allocated per image.
 *
 * <p>Usage (Thumbnailator on the class path):
 * <pre>
 * java -cp thumbnailator-0.4.21.jar bench/AvatarDecode.java            compare the two
 * java -cp thumbnailator-0.4.21.jar bench/AvatarDecode.java write DIR  write the sample images bench/avatars.sh uploads
 * </pre>
 */
public class AvatarDecode {

    static final int SIDE = 200;
    static final int DECODE_SIDE = 4 * SIDE;

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("write")) {
            Path dir = Path.of(args[1]);
            Files.write(dir.resolve("photo-4000x3000.jpg"), jpeg(4000, 3000));
            Files.write(dir.resolve("photo-1600x1200.jpg"), jpeg(1600, 1200));
            Files.write(dir.resolve("logo-640x480.png"), png(640, 480));
            return;
        }
        System.out.println("| photo | JPEG size | decode | median time | allocated per image |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (int[] size : new int[][] {{4000, 3000}, {7000, 5000}}) {
            byte[] photo = jpeg(size[0], size[1]);
            String name = size[0] + "x" + size[1];
            // Alternate the two, so that whatever else the machine does falls on both alike.
            long[][] full = new long[2][9];
            long[][] subsampled = new long[2][9];
            for (int round = -2; round < 9; round++) {
                long[] a = measure(photo, false);
                long[] b = measure(photo, true);
                if (round >= 0) {
                    full[0][round] = a[0];
                    full[1][round] = a[1];
                    subsampled[0][round] = b[0];
                    subsampled[1][round] = b[1];
                }
            }
            print(name, photo.length, "every pixel, then resize", full);
            print(name, photo.length, "subsampled to ~800 px, then resize", subsampled);
        }
    }

    static void print(String name, int bytes, String how, long[][] runs) {
        Arrays.sort(runs[0]);
        Arrays.sort(runs[1]);
        System.out.printf(
                "| %s | %.1f MB | %s | %d ms | %d MB |%n",
                name, bytes / 1e6, how, runs[0][4] / 1_000_000, runs[1][4] / 1_000_000);
    }

    /** Time (ns) and bytes allocated by this thread to make one avatar. */
    static long[] measure(byte[] photo, boolean subsample) throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long allocatedBefore = threads.getThreadAllocatedBytes(id);
        long started = System.nanoTime();
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        BufferedImage image;
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(photo))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / DECODE_SIDE);
            if (subsample && step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            image = reader.read(0, param);
        } finally {
            reader.dispose();
        }
        double scale = (double) SIDE / Math.max(image.getWidth(), image.getHeight());
        BufferedImage avatar = Thumbnails.of(image)
                .forceSize(
                        (int) Math.round(image.getWidth() * scale), (int) Math.round(image.getHeight() * scale))
                .asBufferedImage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(avatar, "jpeg", out);
        return new long[] {System.nanoTime() - started, threads.getThreadAllocatedBytes(id) - allocatedBefore};
    }

    /** Something like a photo: soft gradients with grain, which JPEG compresses about as well as a real one. */
    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(24);
                int red = Math.min(255, x * 200 / width + grain);
                int green = Math.min(255, y * 200 / height + grain);
                int blue = Math.min(255, 120 + (int) (60 * Math.sin(x / 90.0) * Math.cos(y / 70.0)) + grain);
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A logo: flat colours on a transparent background. */
    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(42, 91, 215));
        graphics.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(width * 3 / 8, height * 3 / 8, width / 4, height / 4);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
