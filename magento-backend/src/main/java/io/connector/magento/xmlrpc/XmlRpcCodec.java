package io.connector.magento.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

    /** The start of a document, to quote in an error. */
    public static String start(byte[] document) {
        String text = new String(document, 0, Math.min(document.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return "'" + text + (document.length > 200 ? "...'" : "'");
    }
}
