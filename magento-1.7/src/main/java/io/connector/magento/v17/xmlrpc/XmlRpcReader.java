package io.connector.magento.v17.xmlrpc;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The reading half of {@link XmlRpcCodec}: documents read with DTDs, external entities and entity
 * replacement off, so nothing the network sends is ever resolved or expanded.
 */
final class XmlRpcReader {

    private static final XMLInputFactory INPUT = inputFactory();

    private XmlRpcReader() {
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A call's method and parameters. */
    static XmlRpcCodec.Call decodeCall(byte[] document) {
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
                            params.add(readValue(r, 0));
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
            return new XmlRpcCodec.Call(method, params);
        });
    }

    /** A response's value; a fault is thrown as {@link XmlRpcFault}. */
    static Object decodeResponse(byte[] document) throws XmlRpcFault {
        Object[] fault = new Object[1];
        Object result = read(document, "response", r -> {
            expectStart(r, "methodResponse");
            nextTag(r);
            if (r.getLocalName().equals("fault")) {
                nextTag(r);
                Object value = readValue(r, 0);
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
            Object value = readValue(r, 0);
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
            throw new XmlRpcException("Malformed XML-RPC " + what + " (" + reason(e) + "); it starts with: " + XmlRpcCodec.start(document), e);
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


    /**
     * Structs and arrays nested deeper than this are refused: Magento's answers are a few levels
     * deep, and reading a hostile document's 200,000 levels would exhaust the thread's stack.
     */
    static final int MAX_DEPTH = 64;

    /** At a {@code <value>} start tag, {@code depth} structs or arrays deep: reads it and ends on its end tag. */
    private static Object readValue(XMLStreamReader r, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("values nested deeper than " + MAX_DEPTH + " structs or arrays");
        }
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
                    Object value = typed(r, depth);
                    expectEnd(nextTag(r), r, "value");
                    return value;
                }
                default -> {
                }
            }
        }
    }

    private static Object typed(XMLStreamReader r, int depth) throws XMLStreamException {
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
                    return LocalDateTime.parse(text, text.contains("-") ? XmlRpcCodec.ISO8601_DASHED : XmlRpcCodec.ISO8601);
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
                            value = readValue(r, depth + 1);
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
                    list.add(readValue(r, depth + 1));
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
