package io.connector.magento.http;

import java.nio.charset.StandardCharsets;

/**
 * What of a shop's answer an error may quote: printable text only (anything else, binary
 * included, as {@code ?}), so that an error never writes control bytes into a terminal or a log.
 */
public final class PrintableText {

    private static final int QUOTED = 200;

    private PrintableText() {
    }

    /** The start of a document, quoted. */
    public static String quoteStart(byte[] document) {
        String text = new String(document, 0, Math.min(document.length, QUOTED), StandardCharsets.UTF_8);
        return "'" + of(text) + (document.length > QUOTED ? "...'" : "'");
    }

    /** {@code text} with each run of white space as one space and each character that does not print as {@code ?}. */
    public static String of(String text) {
        String spaced = text.replaceAll("\\s+", " ");
        StringBuilder printable = new StringBuilder(spaced.length());
        spaced.codePoints().forEach(c -> printable.appendCodePoint(c == '\uFFFD' || Character.isISOControl(c)
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.FORMAT ? '?' : c));
        return printable.toString();
    }
}
