package dev.atrium.image;

/** The image formats Atrium may decode, each recognised from its first bytes; a path names the ones it accepts. */
public enum ImageFormat {
    JPEG("jpeg", "JPEG"),
    PNG("png", "PNG"),
    GIF("gif", "GIF"),
    BMP("bmp", "BMP"),
    WEBP("webp", "WebP");

    final String imageIoName;
    private final String displayName;

    ImageFormat(String imageIoName, String displayName) {
        this.imageIoName = imageIoName;
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
