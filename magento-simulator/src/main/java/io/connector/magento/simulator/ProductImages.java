package io.connector.magento.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The bytes of a product image the store names: a small real image, JPEG, PNG or GIF by the
 * file's extension (JPEG otherwise), made on the fly, the same for the same file name, so that a
 * client decoding or thumbnailing what it downloads gets a picture. Its colour comes from the
 * name, so two images differ.
 */
final class ProductImages {

    private static final int SIZE = 8;

    private ProductImages() {
    }

    /** The Content-Type for a file name. */
    static String contentType(String file) {
        return switch (format(file)) {
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            default -> "image/jpeg";
        };
    }

    static byte[] bytes(String file) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(file.hashCode() & 0xFFFFFF));
            graphics.fillRect(0, 0, SIZE, SIZE);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(SIZE / 4, SIZE / 4, SIZE / 2, SIZE / 2);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format(file), out)) {
                throw new IllegalStateException("No image writer for " + format(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String format(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        return name.endsWith(".gif") ? "gif" : "jpg";
    }
}
