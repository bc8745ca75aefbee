package dev.atrium.image;

import static dev.atrium.image.ImageRefused.Reason.BAD_HEADER;
import static dev.atrium.image.ImageRefused.Reason.DAMAGED;
import static dev.atrium.image.ImageRefused.Reason.TOO_COSTLY;
import static dev.atrium.image.ImageRefused.Reason.UNSUPPORTED;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads the facts of an image from its bytes, in one pass over them and without decoding a pixel: which format the
 * first bytes name, and what its header says (size, components, and for a JPEG every marker up to the end of the
 * image, so that the scans are counted and their order checked). Every length is checked against the bytes there are,
 * so that damaged or hostile headers are refused here rather than in a decoder.
 */
final class ImageHeaders {

    private ImageHeaders() {}

    /** The format named by the file's first bytes (its magic number), or null for anything else (TIFF included). */
    static @Nullable ImageFormat sniff(byte[] bytes) {
        if (bytes.length >= 3 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8 && u8(bytes, 2) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (startsWith(bytes, 0, (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
            return ImageFormat.PNG;
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return ImageFormat.GIF;
        }
        if (startsWith(bytes, 0, 'B', 'M')) {
            return ImageFormat.BMP;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return ImageFormat.WEBP;
        }
        return null;
    }

    static ImageFacts read(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            case GIF -> gif(bytes);
            case BMP -> bmp(bytes);
            case WEBP -> webp(bytes);
        };
    }

    /**
     * Walks a JPEG's markers from SOI to EOI (or the end of the bytes), skipping the compressed data of each scan. The
     * frame header (SOF) gives size, coding process and components; every scan header (SOS) is counted, and in a
     * progressive JPEG checked against the rules of progression: each coefficient of each component is first sent
     * once, then refined one bit at a time. A decoder only warns about broken progressions and carries on, so without
     * this check a file could refine the same coefficients without end.
     */
    private static ImageFacts jpeg(byte[] bytes) {
        int pos = 2;
        int process = -1;
        int width = 0;
        int height = 0;
        int precision = 0;
        int[] componentIds = new int[0];
        int[][] coefficientBits = new int[0][];
        int componentsInScans = 0;
        int scans = 0;
        while (pos < bytes.length) {
            if (u8(bytes, pos) != 0xFF) {
                throw ImageRefused.of(BAD_HEADER, "a byte that is not a marker where a marker must be");
            }
            while (pos < bytes.length && u8(bytes, pos) == 0xFF) {
                pos++;
            }
            if (pos >= bytes.length) {
                break;
            }
            int marker = u8(bytes, pos++);
            if (marker == 0xD9) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD8 || marker == 0x00) {
                throw ImageRefused.of(BAD_HEADER, "a marker out of place (0xFF" + hex(marker) + ")");
            }
            if (pos + 2 > bytes.length) {
                break;
            }
            int length = u16(bytes, pos);
            int body = pos + 2;
            int end = pos + length;
            if (length < 2 || end > bytes.length) {
                if (process < 0 || marker == 0xDA) {
                    throw ImageRefused.of(BAD_HEADER, "a marker segment runs past the end of the file");
                }
                // Cut short after the headers: the decoder will find that out and say so.
                break;
            }
            pos = end;
            if (isFrameHeader(marker)) {
                if (process >= 0) {
                    throw ImageRefused.of(BAD_HEADER, "more than one frame header");
                }
                if (length < 8) {
                    throw ImageRefused.of(BAD_HEADER, "a frame header that is too short");
                }
                process = marker - 0xC0;
                precision = u8(bytes, body);
                height = u16(bytes, body + 1);
                width = u16(bytes, body + 3);
                int components = u8(bytes, body + 5);
                if (length != 8 + 3 * components || components == 0) {
                    throw ImageRefused.of(BAD_HEADER, "a frame header whose length does not match its components");
                }
                if (width == 0 || height == 0) {
                    throw ImageRefused.of(BAD_HEADER, "the frame header gives no size in pixels");
                }
                if (components > 4) {
                    throw ImageRefused.of(UNSUPPORTED, "a JPEG with " + components + " colour components");
                }
                componentIds = new int[components];
                coefficientBits = new int[components][64];
                for (int c = 0; c < components; c++) {
                    componentIds[c] = u8(bytes, body + 6 + 3 * c);
                    int sampling = u8(bytes, body + 7 + 3 * c);
                    if (sampling >> 4 < 1 || sampling >> 4 > 4 || (sampling & 0xF) < 1 || (sampling & 0xF) > 4) {
                        throw ImageRefused.of(BAD_HEADER, "a frame header with impossible sampling factors");
                    }
                    Arrays.fill(coefficientBits[c], -1);
                }
            } else if (marker == 0xDA) {
                if (process < 0) {
                    throw ImageRefused.of(BAD_HEADER, "a scan before the frame header");
                }
                int inScan = length >= 3 ? u8(bytes, body) : 0;
                if (inScan < 1 || inScan > 4 || length != 6 + 2 * inScan) {
                    throw ImageRefused.of(BAD_HEADER, "a scan header whose length does not match its components");
                }
                scans++;
                if (scans > ImageDecoding.MAX_SCANS) {
                    throw ImageRefused.of(
                            TOO_COSTLY,
                            "it has more than " + ImageDecoding.MAX_SCANS + " scans, and each scan makes the decoder"
                                    + " go over the whole image again",
                            new ImageFacts(ImageFormat.JPEG, width, height, process, componentIds.length, 8, scans));
                }
                int[] members = new int[inScan];
                for (int s = 0; s < inScan; s++) {
                    members[s] = indexOf(componentIds, u8(bytes, body + 1 + 2 * s));
                }
                int spectral = body + 1 + 2 * inScan;
                if (process == 2) {
                    checkProgression(
                            coefficientBits,
                            members,
                            u8(bytes, spectral),
                            u8(bytes, spectral + 1),
                            u8(bytes, spectral + 2) >> 4,
                            u8(bytes, spectral + 2) & 0xF);
                } else {
                    componentsInScans += inScan;
                    if (componentsInScans > componentIds.length) {
                        throw ImageRefused.of(DAMAGED, "a component is sent in more than one scan");
                    }
                }
                pos = afterEntropyCodedData(bytes, pos);
            }
        }
        if (process < 0) {
            throw ImageRefused.of(BAD_HEADER, "a JPEG without a frame header");
        }
        return new ImageFacts(ImageFormat.JPEG, width, height, process, componentIds.length, precision, scans);
    }

    /** SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int indexOf(int[] componentIds, int id) {
        for (int c = 0; c < componentIds.length; c++) {
            if (componentIds[c] == id) {
                return c;
            }
        }
        throw ImageRefused.of(BAD_HEADER, "a scan of a component the frame does not have");
    }

    /**
     * The rules of JPEG's progressive mode (ITU T.81, G.1.1.1): a DC scan has only coefficient 0, an AC scan one
     * component and a band within 1..63; a first scan (Ah = 0) of a coefficient comes once, before any refinement; a
     * refinement goes down exactly one bit from where the coefficient stands; AC comes after that component's DC.
     */
    private static void checkProgression(int[][] bits, int[] members, int start, int end, int high, int low) {
        boolean dc = start == 0;
        if (start > end || end > 63 || (dc && end != 0) || (!dc && members.length != 1) || low > 13) {
            throw ImageRefused.of(DAMAGED, "a progressive scan with an impossible band or precision");
        }
        if (high != 0 && low != high - 1) {
            throw ImageRefused.of(DAMAGED, "a progressive scan that refines more than one bit at a time");
        }
        for (int c : members) {
            if (!dc && bits[c][0] < 0) {
                throw ImageRefused.of(DAMAGED, "a progressive scan of AC coefficients before their DC scan");
            }
            for (int k = start; k <= end; k++) {
                boolean fits = high == 0 ? bits[c][k] < 0 : bits[c][k] == high;
                if (!fits) {
                    throw ImageRefused.of(DAMAGED, "progressive scans that break the order of progression");
                }
                bits[c][k] = low;
            }
        }
    }

    /** The position of the next marker after a scan's compressed data: 0xFF followed by neither 0 nor a restart. */
    private static int afterEntropyCodedData(byte[] bytes, int pos) {
        while (pos + 1 < bytes.length) {
            if (u8(bytes, pos) == 0xFF) {
                int next = u8(bytes, pos + 1);
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return pos;
                }
            }
            pos++;
        }
        return bytes.length;
    }

    private static ImageFacts png(byte[] bytes) {
        if (bytes.length < 33 || u32(bytes, 8) != 13 || !ascii(bytes, 12, 4).equals("IHDR")) {
            throw ImageRefused.of(BAD_HEADER, "a PNG that does not start with its IHDR chunk");
        }
        long width = u32(bytes, 16);
        long height = u32(bytes, 20);
        int depth = u8(bytes, 24);
        int channels = switch (u8(bytes, 25)) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw ImageRefused.of(BAD_HEADER, "a PNG of an unknown colour type");
        };
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw ImageRefused.of(BAD_HEADER, "a PNG without a valid size in pixels");
        }
        if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) {
            throw ImageRefused.of(BAD_HEADER, "a PNG of an unknown bit depth");
        }
        return new ImageFacts(ImageFormat.PNG, width, height, 0, channels, depth, 1);
    }

    /** The logical screen, then extensions up to the first image, whose size is what the decoder allocates. */
    private static ImageFacts gif(byte[] bytes) {
        if (bytes.length < 13) {
            throw ImageRefused.of(BAD_HEADER, "a GIF cut short in its header");
        }
        int flags = u8(bytes, 10);
        int pos = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
        while (pos < bytes.length) {
            int block = u8(bytes, pos);
            if (block == 0x21) {
                pos += 2;
                while (pos < bytes.length) {
                    int size = u8(bytes, pos);
                    pos += 1 + size;
                    if (size == 0) {
                        break;
                    }
                }
            } else if (block == 0x2C) {
                if (pos + 10 > bytes.length) {
                    break;
                }
                int width = u16le(bytes, pos + 5);
                int height = u16le(bytes, pos + 7);
                if (width == 0 || height == 0) {
                    throw ImageRefused.of(BAD_HEADER, "a GIF image without a size in pixels");
                }
                return new ImageFacts(ImageFormat.GIF, width, height, 0, 1, 8, 1);
            } else {
                break;
            }
        }
        throw ImageRefused.of(BAD_HEADER, "a GIF without an image");
    }

    private static ImageFacts bmp(byte[] bytes) {
        if (bytes.length < 26) {
            throw ImageRefused.of(BAD_HEADER, "a BMP cut short in its header");
        }
        long header = u32le(bytes, 14);
        long width;
        long height;
        int bitsPerPixel;
        long compression = 0;
        if (header == 12) {
            width = u16le(bytes, 18);
            height = u16le(bytes, 20);
            bitsPerPixel = u16le(bytes, 24);
        } else if (header >= 40 && bytes.length >= 34) {
            width = (int) u32le(bytes, 18);
            height = Math.abs((long) (int) u32le(bytes, 22));
            bitsPerPixel = u16le(bytes, 28);
            compression = u32le(bytes, 30);
        } else {
            throw ImageRefused.of(BAD_HEADER, "a BMP with an unknown header");
        }
        if (compression == 4 || compression == 5) {
            // The decoder would hand the embedded JPEG or PNG to another decoder, past every check made here.
            throw ImageRefused.of(UNSUPPORTED, "a BMP that wraps a JPEG or PNG image");
        }
        if (width <= 0 || height == 0) {
            throw ImageRefused.of(BAD_HEADER, "a BMP without a valid size in pixels");
        }
        return new ImageFacts(ImageFormat.BMP, width, height, 0, bitsPerPixel > 24 ? 4 : 3, 8, 1);
    }

    /** The canvas of an extended WebP, or the frame of a simple lossy or lossless one. */
    private static ImageFacts webp(byte[] bytes) {
        if (bytes.length < 30) {
            throw ImageRefused.of(BAD_HEADER, "a WebP cut short in its header");
        }
        String chunk = ascii(bytes, 12, 4);
        long width;
        long height;
        switch (chunk) {
            case "VP8X" -> {
                width = 1 + u24le(bytes, 24);
                height = 1 + u24le(bytes, 27);
            }
            case "VP8L" -> {
                long bits = u32le(bytes, 21);
                width = 1 + (bits & 0x3FFF);
                height = 1 + ((bits >> 14) & 0x3FFF);
            }
            case "VP8 " -> {
                width = u16le(bytes, 26) & 0x3FFF;
                height = u16le(bytes, 28) & 0x3FFF;
            }
            default -> throw ImageRefused.of(BAD_HEADER, "a WebP of an unknown kind");
        }
        if (width == 0 || height == 0) {
            throw ImageRefused.of(BAD_HEADER, "a WebP without a size in pixels");
        }
        return new ImageFacts(ImageFormat.WEBP, width, height, 0, 4, 8, 1);
    }

    private static boolean startsWith(byte[] bytes, int at, int... prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != (byte) prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int at, int length) {
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }

    private static String hex(int value) {
        return String.format("%02X", value);
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    private static int u16(byte[] bytes, int at) {
        return u8(bytes, at) << 8 | u8(bytes, at + 1);
    }

    private static long u32(byte[] bytes, int at) {
        return (long) u16(bytes, at) << 16 | u16(bytes, at + 2);
    }

    private static int u16le(byte[] bytes, int at) {
        return u8(bytes, at) | u8(bytes, at + 1) << 8;
    }

    private static long u24le(byte[] bytes, int at) {
        return u16le(bytes, at) | (long) u8(bytes, at + 2) << 16;
    }

    private static long u32le(byte[] bytes, int at) {
        return u16le(bytes, at) | (long) u16le(bytes, at + 2) << 16;
    }
}
