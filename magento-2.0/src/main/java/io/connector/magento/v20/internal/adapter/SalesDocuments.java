package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connector.magento.adapter.NothingLeftException;
import io.connector.magento.v20.client.Magento2Exception;

/**
 * What the invoice and shipment adapters share: Magento 2's answer to {@code POST order/{id}/invoice}
 * and {@code /ship} (the new document's entity id as a JSON string), and its refusal when nothing
 * of the order is left to invoice or ship. Magento 2 refuses a document with HTTP 400 and
 * "Invoice Document Validation Error(s):" (or "Shipment ...") followed by one problem a line (the
 * simulator answers Magento's own messages); the order has nothing left when every problem is one of:
 * <ul>
 * <li>"The order does not allow an invoice (a shipment) to be created." (nothing left of it);</li>
 * <li>"You can't create an invoice (a shipment) without products." / "The invoice (shipment)
 * can't be created without products..." (nothing asked for is left);</li>
 * <li>"The quantity to invoice (ship) must not be greater than the uninvoiced (unshipped)
 * quantity for product SKU ..." (what is asked for was invoiced or shipped already: a retry
 * of a call whose answer was lost).</li>
 * </ul>
 * Any other problem (an item not of the order, an order on hold) is a refusal as it is.
 */
final class SalesDocuments {

    private SalesDocuments() {
    }

    /** {@code create}'s new document id; {@link NothingLeftException} when Magento says nothing is left. */
    static String created(String what, Supplier<Object> create) {
        Object answer;
        try {
            answer = create.get();
        } catch (Magento2Exception e) {
            if (e.status() == 400 && nothingLeft(what, e.magentoMessage())) {
                throw new NothingLeftException(e.getMessage(), e);
            }
            throw e;
        }
        if (answer == null || answer instanceof Map<?, ?> || answer instanceof List<?> || answer.toString().isBlank()) {
            return null;
        }
        return answer.toString();
    }

    /**
     * Whether Magento's {@code message} refusing a {@code what} ("invoice", "shipment") says only
     * that nothing is left: the client gives its lines joined by spaces, so the known problems are
     * taken out of it and nothing else may be left.
     */
    static boolean nothingLeft(String what, String message) {
        if (message == null) {
            return false;
        }
        String document = what.equals("invoice") ? "an invoice" : "a shipment";
        String verb = what.equals("invoice") ? "invoice" : "ship";
        String done = what.equals("invoice") ? "uninvoiced" : "unshipped";
        Matcher header = Pattern.compile("^\\s*(Invoice|Shipment) Document Validation Error\\(s\\):", Pattern.CASE_INSENSITIVE)
                .matcher(message);
        String problems = header.find() ? message.substring(header.end()) : message;
        String rest = problems
                .replace("The order does not allow " + document + " to be created.", "")
                .replace("You can't create " + document + " without products.", "")
                .replace("The " + what + " can't be created without products. Add products and try again.", "")
                .replaceAll("The quantity to " + verb + " must not be greater than the " + done
                        + " quantity for product SKU \"[^\"]*\"\\.", "");
        return !rest.equals(problems) && rest.isBlank();
    }

    /**
     * A document's body: {@code start}'s fields, then the items as Magento's list of
     * {@code {itemIdField, qty}} (item id to quantity, in order), the comment as
     * {@code {"comment", visibleField: 0}} with {@code appendComment} (only when there is one), and
     * {@code "notify": true} when the customer is mailed (Magento's default is not to). The
     * invoice's and the shipment's differ in the names only (camel case for one, not the other).
     */
    static Map<String, Object> body(Map<String, Object> start, Map<String, Object> items, String itemIdField, String comment,
            String visibleField, boolean email, boolean includeComment) {
        Map<String, Object> body = new LinkedHashMap<>(start);
        List<Map<String, Object>> lines = new ArrayList<>();
        (items == null ? Map.<String, Object>of() : items).forEach((item, qty) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(itemIdField, item);
            line.put("qty", qty);
            lines.add(line);
        });
        body.put("items", lines);
        if (comment != null) {
            body.put("comment", Map.of("comment", comment, visibleField, 0));
            body.put("appendComment", includeComment);
        }
        if (email) {
            body.put("notify", true);
        }
        return body;
    }
}
