package io.connector.magento.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

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

    private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO8601_DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlRpcCodec() {
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    // ------------------------------------------------------------------ writing

    public static byte[] encodeCall(String method, List<?> params) {
        return write(w -> {
            w.writeStartElement("methodCall");
            element(w, "methodName", method);
            w.writeStartElement("params");
            for (Object param : params) {
                w.writeStartElement("param");
                value(w, param);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static byte[] encodeResponse(Object result) {
        return write(w -> {
            w.writeStartElement("methodResponse");
            w.writeStartElement("params");
            w.writeStartElement("param");
            value(w, result);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static byte[] encodeFault(int code, String faultString) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", faultString);
        return write(w -> {
            w.writeStartElement("methodResponse");
            w.writeStartElement("fault");
            value(w, fault);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new XmlRpcException("Cannot write XML-RPC: " + e.getMessage(), e);
        }
        return keepCarriageReturns(out.toByteArray());
    }

    /**
     * A CR in text as {@code &#13;}, as Magento sends it (category layout updates hold CRLF): the
     * StAX writer leaves it raw, and every XML reader turns a raw CRLF into LF, so the other side
     * would read another value. In UTF-8 the byte 13 is only ever that character, and the codec
     * writes none in markup.
     */
    static byte[] keepCarriageReturns(byte[] xml) {
        int count = 0;
        for (byte b : xml) {
            if (b == '\r') {
                count++;
            }
        }
        if (count == 0) {
            return xml;
        }
        byte[] reference = "&#13;".getBytes(StandardCharsets.US_ASCII);
        byte[] escaped = new byte[xml.length + count * (reference.length - 1)];
        int j = 0;
        for (byte b : xml) {
            if (b == '\r') {
                System.arraycopy(reference, 0, escaped, j, reference.length);
                j += reference.length;
            } else {
                escaped[j++] = b;
            }
        }
        return escaped;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void value(XMLStreamWriter w, Object value) throws XMLStreamException {
        w.writeStartElement("value");
        if (value == null) {
            w.writeEmptyElement("nil");
        } else if (value instanceof CharSequence text) {
            element(w, "string", text.toString());
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            element(w, "int", value.toString());
        } else if (value instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new XmlRpcException("XML-RPC has no 64-bit integer: " + l + " does not fit an int; send it as text");
            }
            element(w, "int", value.toString());
        } else if (value instanceof Boolean b) {
            element(w, "boolean", b ? "1" : "0");
        } else if (value instanceof Double || value instanceof Float) {
            element(w, "double", value.toString());
        } else if (value instanceof BigDecimal decimal) {
            element(w, "double", decimal.toPlainString());
        } else if (value instanceof LocalDateTime dateTime) {
            element(w, "dateTime.iso8601", ISO8601.format(dateTime));
        } else if (value instanceof byte[] bytes) {
            element(w, "base64", Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Map<?, ?> map) {
            w.writeStartElement("struct");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                w.writeStartElement("member");
                element(w, "name", String.valueOf(entry.getKey()));
                value(w, entry.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
        } else if (value instanceof Collection<?> list) {
            w.writeStartElement("array");
            w.writeStartElement("data");
            for (Object item : list) {
                value(w, item);
            }
            w.writeEndElement();
            w.writeEndElement();
        } else {
            throw new XmlRpcException("No XML-RPC type for " + value.getClass().getName());
        }
        w.writeEndElement();
    }

    // ------------------------------------------------------------------ reading

    /** A call's method and parameters. */
    public static Call decodeCall(byte[] document) {
        return read(document, "call", r -> {
            expectStart(r, "methodCall");
            String method = null;
            List<Object> params = new ArrayList<>();
            while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "methodName" -> method = r.getElementText().trim();
                    case "params" -> {
                        while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                            expectName(r, "param");
                            nextTag(r);
                            params.add(readValue(r));
                            expectEnd(nextTag(r), r, "param");
                        }
                    }
                    default -> throw new XMLStreamException("unexpected <" + r.getLocalName() + "> in <methodCall>");
                }
            }
            if (method == null) {
                throw new XMLStreamException("<methodCall> without <methodName>");
            }
            expectEndOfDocument(r);
            return new Call(method, params);
        });
    }

    /** A response's value; a fault is thrown as {@link XmlRpcFault}. */
    public static Object decodeResponse(byte[] document) throws XmlRpcFault {
        Object[] fault = new Object[1];
        Object result = read(document, "response", r -> {
            expectStart(r, "methodResponse");
            nextTag(r);
            if (r.getLocalName().equals("fault")) {
                nextTag(r);
                Object value = readValue(r);
                if (!(value instanceof Map<?, ?> struct) || !(struct.get("faultCode") instanceof Integer)) {
                    throw new XMLStreamException("a <fault> without an int faultCode");
                }
                fault[0] = struct;
                expectEnd(nextTag(r), r, "fault");
                expectEnd(nextTag(r), r, "methodResponse");
                expectEndOfDocument(r);
                return null;
            }
            expectName(r, "params");
            nextTag(r);
            expectName(r, "param");
            nextTag(r);
            Object value = readValue(r);
            expectEnd(nextTag(r), r, "param");
            expectEnd(nextTag(r), r, "params");
            expectEnd(nextTag(r), r, "methodResponse");
            expectEndOfDocument(r);
            return value;
        });
        if (fault[0] instanceof Map<?, ?> struct) {
            Object text = struct.get("faultString");
            throw new XmlRpcFault((Integer) struct.get("faultCode"), text == null ? "" : text.toString());
        }
        return result;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(XMLStreamReader r) throws XMLStreamException;
    }

    private static <T> T read(byte[] document, String what, Reading<T> reading) {
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(new ByteArrayInputStream(document));
            return reading.read(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlRpcException("Malformed XML-RPC " + what + " (" + reason(e) + "); it starts with: " + start(document), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing more to read
                }
            }
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** The start of a document, to quote in an error. */
    public static String start(byte[] document) {
        String text = new String(document, 0, Math.min(document.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return "'" + text + (document.length > 200 ? "...'" : "'");
    }

    /** At a {@code <value>} start tag: reads it and ends on its end tag. */
    private static Object readValue(XMLStreamReader r) throws XMLStreamException {
        expectName(r, "value");
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("entity references are not read");
                case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not allowed");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString(); // <value>text</value>: a string
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    Object value = typed(r);
                    expectEnd(nextTag(r), r, "value");
                    return value;
                }
                default -> {
                }
            }
        }
    }

    private static Object typed(XMLStreamReader r) throws XMLStreamException {
        String type = r.getLocalName();
        switch (type) {
            case "string":
                return r.getElementText();
            case "int", "i4":
                return parse(type, r.getElementText().trim(), Integer::valueOf);
            case "boolean": {
                String text = r.getElementText().trim();
                if (!text.equals("0") && !text.equals("1")) {
                    throw new XMLStreamException("<boolean> must be 0 or 1, not '" + text + "'");
                }
                return text.equals("1");
            }
            case "double":
                return parse(type, r.getElementText().trim(), Double::valueOf);
            case "dateTime.iso8601": {
                String text = r.getElementText().trim();
                try {
                    return LocalDateTime.parse(text, text.contains("-") ? ISO8601_DASHED : ISO8601);
                } catch (DateTimeParseException e) {
                    throw new XMLStreamException("<dateTime.iso8601> '" + text + "' is not yyyyMMddTHH:mm:ss");
                }
            }
            case "base64":
                try {
                    return Base64.getMimeDecoder().decode(r.getElementText().trim());
                } catch (IllegalArgumentException e) {
                    throw new XMLStreamException("<base64> is not base64: " + e.getMessage());
                }
            case "nil":
                nextTag(r); // </nil>
                return null;
            case "struct": {
                Map<String, Object> struct = new LinkedHashMap<>();
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    expectName(r, "member");
                    String name = null;
                    Object value = null;
                    boolean hasValue = false;
                    while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                        if (r.getLocalName().equals("name")) {
                            name = r.getElementText();
                        } else {
                            value = readValue(r);
                            hasValue = true;
                        }
                    }
                    if (name == null || !hasValue) {
                        throw new XMLStreamException("a struct <member> needs a <name> and a <value>");
                    }
                    struct.put(name, value);
                }
                return struct;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                nextTag(r);
                expectName(r, "data");
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    list.add(readValue(r));
                }
                expectEnd(nextTag(r), r, "array");
                return list;
            }
            default:
                throw new XMLStreamException("unknown value type <" + type + ">");
        }
    }

    private static <T> T parse(String type, String text, java.util.function.Function<String, T> parser) throws XMLStreamException {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new XMLStreamException("<" + type + "> '" + text + "' is not a number");
        }
    }

    /** The next start or end tag, past whitespace and comments; refuses a DOCTYPE. */
    private static int nextTag(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("entity references are not read");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace()) {
                        throw new XMLStreamException("unexpected text '" + r.getText().trim() + "'");
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the document ends too early");
                default -> {
                }
            }
        }
    }

    /** Nothing but whitespace and comments after the root: a truncated document fails here. */
    private static void expectEndOfDocument(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT || (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace())) {
                throw new XMLStreamException("content after the root element");
            }
        }
    }

    private static void expectStart(XMLStreamReader r, String name) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("a DOCTYPE is not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                expectName(r, name);
                return;
            }
        }
        throw new XMLStreamException("no <" + name + ">");
    }

    private static void expectName(XMLStreamReader r, String name) throws XMLStreamException {
        if (!r.isStartElement() || !r.getLocalName().equals(name)) {
            throw new XMLStreamException("expected <" + name + ">, found " + (r.isStartElement() ? "<" + r.getLocalName() + ">"
                    : r.isEndElement() ? "</" + r.getLocalName() + ">" : "event " + r.getEventType()));
        }
    }

    private static void expectEnd(int event, XMLStreamReader r, String name) throws XMLStreamException {
        if (event != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals(name)) {
            throw new XMLStreamException("expected </" + name + ">");
        }
    }
}
