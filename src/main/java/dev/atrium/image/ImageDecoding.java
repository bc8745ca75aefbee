package dev.atrium.image;

import static dev.atrium.image.ImageRefused.Reason.BAD_HEADER;
import static dev.atrium.image.ImageRefused.Reason.DAMAGED;
import static dev.atrium.image.ImageRefused.Reason.NOT_AN_IMAGE;
import static dev.atrium.image.ImageRefused.Reason.TOO_COSTLY;
import static dev.atrium.image.ImageRefused.Reason.TOO_MANY_PIXELS;
import static dev.atrium.image.ImageRefused.Reason.UNREADABLE;

import dev.atrium.shared.concurrent.TaskFailure;
import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decodes every uploaded image Atrium decodes (avatars, image targets, product photos), within bounds that hold
 * whatever the bytes are.
 *
 * <p>First, {@link #inspect} reads the facts from the bytes alone ({@link ImageHeaders}): the format, sniffed and
 * checked against those the caller accepts (the JDK's other readers, TIFF's among them, are never reached); the size;
 * for a JPEG, every scan. What would cost too much is refused there, before a pixel is decoded: more than
 * {@value #MAX_PIXELS} pixels, more than {@value #MAX_DECODED_BYTES} bytes of decoded samples, more than
 * {@value #MAX_SCANS} scans, or a progressive JPEG whose scans × samples (pixels × components) exceed
 * {@value #MAX_SCAN_SAMPLES}. That last one is what a progressive JPEG costs: ImageIO's reader outputs the whole image
 * again after every scan, at about 5 ns per pixel and scan of a colour image on one core, so a 41 KB file of 900 scans
 * of 2048×2048 pixels took 16 s. The limit keeps the costliest admitted image at about 0.75 s of CPU, and lets through
 * what encoders write: cameras and browsers write baseline JPEGs (one to three scans, any size up to the limit),
 * libjpeg, ImageIO and mozjpeg progressive ones of about ten scans, which pass up to 15 MP in colour.
 *
 * <p>({@code ImageReadParam.setSourceProgressivePasses}, asking for the last pass only, would be fast, but the JDK's
 * reader then outputs the image after its first scan and never reads the rest: the quality of the first scan, and a
 * damaged tail goes unnoticed. It is not used.)
 *
 * <p>Then {@link #decode} runs the decode, and whatever the caller does with the pixels, on a small pool of platform
 * threads. A decode is a native call: on a virtual thread it would pin its carrier for its whole length, and a few
 * uploads at once would stall every other request. Each decode has a limit of CPU time and a deadline; past either, the
 * reader is told to abort (the JDK's readers stop at the next row) and the upload is refused as too costly. At most as
 * many decodes run as the pool has threads; further uploads wait their turn up to a bounded time, then get a 503 with
 * {@code Retry-After}. {@link #process} runs other image work as costly as a decode (searching an index of image
 * features) on the same pool, in the same turns.
 */
@Component
public class ImageDecoding {

    private static final Log log = LogFactory.getLog(ImageDecoding.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Images with more pixels than this are refused from their header: 40 MP, more than any phone or most cameras. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The decoded samples of 40 MP in 8-bit RGBA; a 16-bit PNG of that size would be twice as much. */
    public static final long MAX_DECODED_BYTES = 160_000_000L;
    /** A JPEG with more scans than this is refused; ordinary progressive JPEGs have about ten. */
    public static final int MAX_SCANS = 64;
    /** Scans × pixels × components of a progressive JPEG: ten scans of 15 MP in colour; about 0.75 s of a core. */
    public static final long MAX_SCAN_SAMPLES = 450_000_000L;

    /** How long a caller waits beyond the deadline for what follows the decode (resizing, encoding). */
    private static final Duration AFTER_DEADLINE = Duration.ofSeconds(2);

    private final ThreadPoolExecutor pool;
    private final Semaphore slots;
    private final Duration cpuLimit;
    private final Duration deadline;
    private final Duration maxWait;
    private final AtomicLong abortedReads = new AtomicLong();

    /**
     * @param threads decoding threads; 0 means half the cores (at least one), so that uploads built to cost as much as
     *     the limits allow can take at most half the machine, and the other half keeps serving everything else
     * @param cpuLimit how much CPU time one decode may use before it is aborted: a little more than the costliest
     *     image the limits admit takes (CPU time, so that a busy machine, slower for everyone, refuses nothing more)
     * @param deadline how long one decode may run, waiting for a core included, before it is aborted
     * @param maxWait how long an upload waits for a free thread before it is answered 503
     */
    ImageDecoding(
            @Value("${atrium.images.threads:0}") int threads,
            @Value("${atrium.images.cpu-limit:1s}") Duration cpuLimit,
            @Value("${atrium.images.deadline:5s}") Duration deadline,
            @Value("${atrium.images.max-wait:10s}") Duration maxWait) {
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "image-decoding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(size, true);
        this.cpuLimit = cpuLimit;
        this.deadline = deadline;
        this.maxWait = maxWait;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * The facts of an image, from its bytes alone, if it is of a format the caller accepts and within the limits.
     * Cheap (one pass over the bytes), so it runs on the caller's thread.
     *
     * @throws ImageRefused when the image is of another format, unreadable, damaged in its header, or too costly
     */
    public ImageFacts inspect(byte[] bytes, Set<ImageFormat> accepted) {
        @Nullable ImageFormat format = ImageHeaders.sniff(bytes);
        if (format == null || !accepted.contains(format)) {
            throw ImageRefused.of(NOT_AN_IMAGE, "not an image of an accepted format");
        }
        ImageReader probe = reader(format);
        probe.dispose();
        ImageFacts facts = ImageHeaders.read(bytes, format);
        if (facts.pixels() > MAX_PIXELS) {
            throw ImageRefused.of(
                    TOO_MANY_PIXELS,
                    "it is " + facts.width() + "×" + facts.height() + " pixels; at most " + MAX_PIXELS
                            + " pixels are decoded",
                    facts);
        }
        if (facts.decodedBytes() > MAX_DECODED_BYTES) {
            throw ImageRefused.of(
                    TOO_COSTLY,
                    "its " + facts.pixels() + " pixels of " + facts.components() + "×" + facts.bitsPerSample()
                            + " bits would take " + facts.decodedBytes() / 1_000_000 + " MB to decode; at most "
                            + MAX_DECODED_BYTES / 1_000_000 + " MB are",
                    facts);
        }
        if (facts.progressive() && facts.scans() * facts.pixels() * facts.components() > MAX_SCAN_SAMPLES) {
            throw ImageRefused.of(
                    TOO_COSTLY,
                    "its " + facts.scans() + " progressive scans of " + facts.width() + "×" + facts.height()
                            + " pixels would each make the decoder go over the whole image again",
                    facts);
        }
        return facts;
    }

    /**
     * Decodes an image that {@link #inspect} accepted, subsampled to at most {@code maxSide} pixels a side, and hands
     * it to {@code then}; both run on a decoding thread, within the limits, and what {@code then} returns or throws
     * comes back here.
     *
     * @throws ImageRefused when the image is damaged or its decode passed the CPU limit or the deadline
     * @throws ServiceUnavailable when every decoding thread stayed busy for the whole bounded wait
     */
    public <T> T decode(byte[] bytes, ImageFacts facts, int maxSide, Function<DecodedImage, T> then) {
        // Stuck where the reader cannot be aborted: it holds its thread until it is done, so the pool stays bounded.
        return onPool(() -> then.apply(read(bytes, facts, maxSide)), () -> tooCostly(facts));
    }

    /**
     * Runs image work that is not a decode, but costs CPU as one does (matching an image's features against an index,
     * say), on a decoding thread: never on a request thread, which would hold one of the few carriers of every
     * virtual thread for all that time. It waits for a thread as a decode does, and what {@code work} returns or
     * throws comes back here.
     *
     * @throws ServiceUnavailable when every decoding thread stayed busy for the whole bounded wait, or the work ran
     *     past the deadline
     */
    public <T> T process(Supplier<T> work) {
        return onPool(work::get, () -> ServiceUnavailable.busy("Images are taking too long to process; try again"));
    }

    private <T> T onPool(Callable<T> task, Supplier<RuntimeException> late) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while waiting to process an image");
        }
        if (!acquired) {
            throw ServiceUnavailable.busy("Too many images are being processed; try again in a few seconds");
        }
        Future<T> result;
        try {
            result = pool.submit(() -> {
                try {
                    return task.call();
                } finally {
                    // Released by the decoding thread when it is really done, not when a caller stops waiting.
                    slots.release();
                }
            });
        } catch (RejectedExecutionException ex) {
            slots.release();
            throw ServiceUnavailable.busy("Images cannot be processed while the server stops");
        }
        try {
            return result.get(deadline.plus(AFTER_DEADLINE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw late.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while waiting to process an image");
        } catch (ExecutionException ex) {
            throw TaskFailure.cause(ex);
        }
    }

    /** How many reads the readers abandoned because they were told to abort past a limit. */
    long abortedReads() {
        return abortedReads.get();
    }

    private DecodedImage read(byte[] bytes, ImageFacts facts, int maxSide) {
        ImageReader reader = reader(facts.format());
        Limits watch = new Limits(reader);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // In memory (ImageIO's default stream would copy the upload to a temporary file first); metadata only for
            // a JPEG, whose EXIF orientation matters, so that no other format's text chunks are ever inflated.
            reader.setInput(in, true, facts.format() != ImageFormat.JPEG);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.addIIOReadUpdateListener(watch);
            reader.addIIOReadProgressListener(watch);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > facts.pixels()) {
                throw ImageRefused.of(BAD_HEADER, "the decoder reads another size than the header gives", facts);
            }
            @Nullable Orientation orientation = facts.format() == ImageFormat.JPEG ? orientation(reader) : null;
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, (Math.max(width, height) + maxSide - 1) / maxSide);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (watch.passed || image == null) {
                throw watch.passed ? tooCostly(facts) : ImageRefused.of(DAMAGED, "nothing could be decoded", facts);
            }
            return new DecodedImage(facts, image, List.copyOf(warnings), orientation);
        } catch (ImageRefused ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            if (watch.passed) {
                throw tooCostly(facts);
            }
            // Decoders fed hostile bytes fail in many ways (IIOException, index and size errors); all mean "damaged".
            log.debug("Refused an image that could not be decoded: " + ex);
            throw ImageRefused.of(DAMAGED, reason(ex), facts);
        } finally {
            reader.dispose();
        }
    }

    /** What the EXIF data says is up; unreadable EXIF data harms nothing and is ignored, as a viewer would. */
    private static @Nullable Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private ImageRefused tooCostly(ImageFacts facts) {
        return ImageRefused.of(
                TOO_COSTLY,
                "decoding it took more than " + cpuLimit.toMillis() + " ms of CPU time or " + deadline.toMillis()
                        + " ms in all, and was stopped",
                facts);
    }

    /** The JDK's own reader of the format, never another one a library may have registered for the same name. */
    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.plugins.")) {
                return reader;
            }
            reader.dispose();
        }
        throw ImageRefused.of(UNREADABLE, format.displayName() + " images cannot be read by this server");
    }

    private static String reason(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank()
                ? "its data cannot be read"
                : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /**
     * Told of every row (and pass) the reader outputs, on the reading thread: past the CPU limit or the deadline it
     * asks the reader to abort. It must be that thread: the JPEG reader refuses calls from any other while it reads.
     */
    private final class Limits implements IIOReadUpdateListener, IIOReadProgressListener {

        private final ImageReader reader;
        private final long startNanos = System.nanoTime();
        private final long startCpuNanos = THREADS.getCurrentThreadCpuTime();
        volatile boolean passed;

        Limits(ImageReader reader) {
            this.reader = reader;
        }

        private void check() {
            if (passed) {
                return;
            }
            long elapsed = System.nanoTime() - startNanos;
            // A thread cannot have used more CPU time than has passed, so the CPU clock (a system call) is only read
            // once the limit could have been reached.
            if (elapsed > deadline.toNanos()
                    || (elapsed > cpuLimit.toNanos()
                            && THREADS.getCurrentThreadCpuTime() - startCpuNanos > cpuLimit.toNanos())) {
                passed = true;
                reader.abort();
            }
        }

        @Override
        public void readAborted(ImageReader source) {
            abortedReads.incrementAndGet();
        }

        @Override
        public void imageUpdate(
                ImageReader source,
                BufferedImage image,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {
            check();
        }

        @Override
        public void passStarted(
                ImageReader source,
                BufferedImage image,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {
            check();
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
            check();
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check();
        }

        @Override
        public void thumbnailPassStarted(
                ImageReader source,
                BufferedImage theThumbnail,
                int pass,
                int minPass,
                int maxPass,
                int minX,
                int minY,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage theThumbnail) {}

        @Override
        public void thumbnailUpdate(
                ImageReader source,
                BufferedImage theThumbnail,
                int minX,
                int minY,
                int width,
                int height,
                int periodX,
                int periodY,
                int[] bands) {}

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {}

        @Override
        public void sequenceComplete(ImageReader source) {}

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {}

        @Override
        public void imageComplete(ImageReader source) {}

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {}

        @Override
        public void thumbnailComplete(ImageReader source) {}
    }
}
