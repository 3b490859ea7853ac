package io.connector.magento.internal.importer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.connector.api.Checkpoints;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import org.osgi.service.component.annotations.Component;

/**
 * Setting a payment method's import rule answers the checkpoint that asked for it: the orders
 * waiting for it then follow the rule, {@code never} included, whoever set it (shell, code or a
 * later web page), without a second step to review the checkpoint.
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=" + SalesSettings.PAYMENT_METHOD)
public final class PaymentRuleReview implements RecordListener {

    @Override
    public void onRecordWrite(RecordEvent event) {
        Object rule = event.values().get("import_rule");
        if (rule == null || event.noExport()) {
            return;
        }
        var session = event.session();
        for (long checkpoint : session.query(Checkpoints.MODEL).where("model", "=", SalesSettings.PAYMENT_METHOD)
                .where("record_id", "=", event.id()).where("state", "=", "need-review").ids()) {
            session.write(Checkpoints.MODEL, checkpoint, Map.of("state", "reviewed", "reviewed_by", "import_rule set to " + rule,
                    "reviewed_at", LocalDateTime.now(ZoneOffset.UTC)));
        }
    }
}
