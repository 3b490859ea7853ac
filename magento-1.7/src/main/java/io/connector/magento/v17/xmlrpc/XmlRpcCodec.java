package io.connector.magento.v17.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.connector.magento.http.PrintableText;

/**
 * XML-RPC on StAX, both ways: what the Magento client sends and reads, and what the simulator
 * reads and answers. Written here rather than with Apache XML-RPC 3.1.3, unmaintained since
 * 2010 and whose client deserializes untrusted data (CVE-2019-17570); the format is small.
 *
 * <p>Values: {@code string} (and a value without a type) as String, {@code int}/{@code i4} as
 * Integer, {@code boolean} as Boolean, {@code double} as Double, {@code dateTime.iso8601} as
 * LocalDateTime, {@code base64} as byte[], {@code struct} as an ordered Map, {@code array} as a
 * List, {@code nil} as null. Documents with a DOCTYPE are refused: no DTD, no entity, internal
 * or external, is ever read.
 */
public final class XmlRpcCodec {

    /** A call: the method and its parameters. */
    public record Call(String method, List<Object> params) {
    }

    static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    static final DateTimeFormatter ISO8601_DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private XmlRpcCodec() {
    }

    public static byte[] encodeCall(String method, List<?> params) {
        return XmlRpcWriter.encodeCall(method, params);
    }

    public static byte[] encodeResponse(Object result) {
        return XmlRpcWriter.encodeResponse(result);
    }

    public static byte[] encodeFault(int code, String faultString) {
        return XmlRpcWriter.encodeFault(code, faultString);
    }

    /** A call's method and parameters. */
    public static Call decodeCall(byte[] document) {
        return XmlRpcReader.decodeCall(document);
    }

    /** A response's value; a fault is thrown as {@link XmlRpcFault}. */
    public static Object decodeResponse(byte[] document) throws XmlRpcFault {
        return XmlRpcReader.decodeResponse(document);
    }

    /**
     * The start of a document, to quote in an error: printable text only (anything else, binary
     * included, as {@code ?}), so that an error never writes control bytes into a terminal or a log.
     */
    public static String start(byte[] document) {
        return PrintableText.quoteStart(document);
    }

    /**
     * Whether a document looks cut short: it starts as an XML-RPC response or call and does not
     * end with its closing tag (a page that is not XML-RPC at all is not "cut short").
     */
    public static boolean truncated(byte[] document) {
        String start = new String(document, 0, Math.min(document.length, 256), StandardCharsets.UTF_8);
        String end = new String(document, Math.max(0, document.length - 64), Math.min(document.length, 64),
                StandardCharsets.UTF_8).trim();
        return start.contains("<methodResponse") && !end.endsWith("</methodResponse>")
                || start.contains("<methodCall") && !end.endsWith("</methodCall>");
    }
}
