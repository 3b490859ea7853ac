package io.connector.magento.v17.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.magento.v17.xmlrpc.Cassettes.Interaction;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec.Call;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesEveryRecordedResponse() throws Exception {
        List<Interaction> all = Cassettes.all();
        assertThat(all).hasSizeGreaterThan(100);
        for (Interaction interaction : all) {
            Object value = XmlRpcCodec.decodeResponse(bytes(interaction.responseBody()));
            assertThat(value).as(interaction.cassette() + " #" + interaction.index()).isNotNull();
        }
    }

    @Test
    void reEncodesEveryRecordedRequestToAnEquivalentDocument() {
        for (Interaction interaction : Cassettes.all()) {
            Call recorded = XmlRpcCodec.decodeCall(bytes(interaction.requestBody()));
            Call again = XmlRpcCodec.decodeCall(XmlRpcCodec.encodeCall(recorded.method(), recorded.params()));
            assertThat(again).as(interaction.cassette() + " #" + interaction.index()).isEqualTo(recorded);
        }
    }

    @Test
    void readsMagentosTypesAsTheyComeInARealCustomer() throws Exception {
        Interaction login = Cassettes.of("test_import_partner_company_2_addresses").get(0);
        assertThat(XmlRpcCodec.decodeCall(bytes(login.requestBody()))).isEqualTo(new Call("login", List.of("odoo", "odoo42")));
        assertThat((String) XmlRpcCodec.decodeResponse(bytes(login.responseBody()))).matches("[0-9a-f]{32}");

        Interaction info = Cassettes.of("test_import_partner_company_2_addresses").get(1);
        Call call = XmlRpcCodec.decodeCall(bytes(info.requestBody()));
        assertThat(call.method()).isEqualTo("call");
        assertThat(call.params().get(1)).isEqualTo("customer.info");
        assertThat(call.params().get(2)).isEqualTo(List.of(99));
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) XmlRpcCodec.decodeResponse(bytes(info.responseBody()));
        assertThat(customer).containsEntry("customer_id", "99").containsEntry("created_at", "2013-04-24T17:09:09+02:00")
                .containsEntry("updated_at", "2017-06-27 15:36:55").containsEntry("increment_id", null)
                .containsEntry("website_id", "1");
        assertThat(customer).containsKey("confirmation");
    }

    @Test
    void roundTripsEveryType() throws Exception {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("text", "Café & <shop>");
        struct.put("crlf", "<reference>\r\n<remove name=\"right.poll\"/>\r\n</reference>");
        struct.put("int", 42);
        struct.put("yes", true);
        struct.put("no", false);
        struct.put("double", 149.99);
        struct.put("when", LocalDateTime.of(2026, 11, 22, 10, 5, 0));
        struct.put("nothing", null);
        struct.put("list", List.of("a", 1, List.of()));
        struct.put("nested", Map.of("k", "v"));
        Object decoded = XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(struct));
        assertThat(decoded).as("a CR survives, as Magento's layout updates need").isEqualTo(struct);
        assertThat(XmlRpcCodec.decodeCall(XmlRpcCodec.encodeCall("call", List.of("a\r\nb"))).params()).containsExactly("a\r\nb");
        byte[] data = {0, 1, 2, (byte) 255};
        assertThat((byte[]) XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(data))).isEqualTo(data);
        assertThat(XmlRpcCodec.decodeResponse(bytes("<methodResponse><params><param><value>untyped</value></param></params>"
                + "</methodResponse>"))).as("a value without a type is a string").isEqualTo("untyped");
        assertThat(XmlRpcCodec.decodeResponse(bytes("<methodResponse><params><param><value><i4>-7</i4></value></param>"
                + "</params></methodResponse>"))).isEqualTo(-7);
        assertThatThrownBy(() -> XmlRpcCodec.encodeCall("x", List.of(5_000_000_000L)))
                .hasMessageContaining("no 64-bit integer");
    }

    @Test
    void faultsComeBackAsFaults() {
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeFault(5, "Session expired. Try to relogin.")))
                .isInstanceOf(XmlRpcFault.class).hasMessage("Fault 5: Session expired. Try to relogin.")
                .extracting(e -> ((XmlRpcFault) e).code()).isEqualTo(5);
    }

    @Test
    void refusesDtdsAndEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<methodResponse><params><param><value><string>&x;</string></value></param></params></methodResponse>";
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(bytes(xxe))).isInstanceOf(XmlRpcException.class)
                .hasMessageStartingWith("Malformed XML-RPC response").hasMessageContaining("it starts with: '<?xml");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<methodResponse><params><param><value><string>&b;</string></value></param></params></methodResponse>";
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(bytes(laughs))).isInstanceOf(XmlRpcException.class);
        String internal = "<!DOCTYPE methodCall [<!ENTITY n \"call\">]><methodCall><methodName>&n;</methodName></methodCall>";
        assertThatThrownBy(() -> XmlRpcCodec.decodeCall(bytes(internal))).isInstanceOf(XmlRpcException.class);
    }

    @Test
    void aMalformedOrTruncatedResponseIsAnErrorThatQuotesItsStart() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(bytes(html))).isInstanceOf(XmlRpcException.class)
                .hasMessageContaining("expected <methodResponse>").hasMessageEndingWith("it starts with: '" + html + "'");
        byte[] full = XmlRpcCodec.encodeResponse(List.of("a", "b"));
        byte[] truncated = Arrays.copyOf(full, full.length - 20);
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(truncated)).isInstanceOf(XmlRpcException.class)
                .hasMessageStartingWith("Malformed XML-RPC response");
        List<Object> long1 = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long1.add("value number " + i);
        }
        byte[] big = XmlRpcCodec.encodeResponse(long1);
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(Arrays.copyOf(big, big.length - 30)))
                .hasMessageEndingWith("...'");
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(bytes("<methodResponse><params><param><value><int>12a</int>"
                + "</value></param></params></methodResponse>"))).hasMessageContaining("<int> '12a' is not a number");
    }
}
