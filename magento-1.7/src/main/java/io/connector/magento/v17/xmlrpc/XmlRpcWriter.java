package io.connector.magento.v17.xmlrpc;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The writing half of {@link XmlRpcCodec}: calls, responses and faults as XML-RPC documents. */
final class XmlRpcWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlRpcWriter() {
    }

    static byte[] encodeCall(String method, List<?> params) {
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

    static byte[] encodeResponse(Object result) {
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

    static byte[] encodeFault(int code, String faultString) {
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
            element(w, "dateTime.iso8601", XmlRpcCodec.ISO8601.format(dateTime));
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
}
