package io.connector.magento.v20.client;

import java.nio.charset.StandardCharsets;

/**
 * Text as it goes into a URL for Magento: UTF-8, every byte but {@code A-Z a-z 0-9 - . _ ~}
 * percent-encoded, a space as {@code +}: what the reference's {@code quote_plus} sends. Magento
 * reads it back with PHP's {@code urldecode} (a path's keys in its REST router, the query with the
 * rest of PHP's request), which takes both {@code +} and {@code %20} for a space. Unlike
 * {@link java.net.URLEncoder}, {@code *} is encoded and {@code ~} is not, as {@code quote_plus} does.
 */
final class FormEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoding() {
    }

    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                encoded.append((char) c);
            } else if (c == ' ') {
                encoded.append('+');
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
