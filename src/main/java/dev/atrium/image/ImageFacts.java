package dev.atrium.image;

/**
 * What an image's header says, read without decoding a pixel.
 *
 * @param process for a JPEG the coding process of its frame header (0 baseline, 1 extended, 2 progressive, 3 lossless,
 *     ...; the SOF marker less 0xC0); 0 for other formats
 * @param components colour components (channels) of the decoded pixels
 * @param bitsPerSample bits of each component of each pixel
 * @param scans for a JPEG, the number of scans (SOS markers) before its end; 1 for other formats
 */
public record ImageFacts(
        ImageFormat format, long width, long height, int process, int components, int bitsPerSample, int scans) {

    public long pixels() {
        return width * height;
    }

    public boolean progressive() {
        return format == ImageFormat.JPEG && process == 2;
    }

    /** The bytes the decoder produces for the whole image before any subsampling: what decoding costs, roughly. */
    public long decodedBytes() {
        return pixels() * components * Math.max(1, (bitsPerSample + 7) / 8);
    }
}
