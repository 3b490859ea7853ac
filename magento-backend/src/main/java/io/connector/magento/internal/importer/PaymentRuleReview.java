package io.connector.magento.internal.importer;

import io.connector.api.Checkpoints;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Setting a payment method's import rule answers the checkpoint that asked for it: the orders
 * waiting for it then follow the rule, {@code never} included, whoever set it (shell, code or a
 * later web page), without a second step to review the checkpoint.
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=" + SalesSettings.PAYMENT_METHOD)
public final class PaymentRuleReview implements RecordListener {

    private final Checkpoints checkpoints;

    /** The review joins the write's transaction: the store's transactions join the one open on the thread. */
    @Activate
    public PaymentRuleReview(@Reference Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        Object rule = event.values().get("import_rule");
        if (rule == null || event.noExport()) {
            return;
        }
        for (long checkpoint : event.session().query(Checkpoints.MODEL).where("model", "=", SalesSettings.PAYMENT_METHOD)
                .where("record_id", "=", event.id()).where("state", "=", "need-review").ids()) {
            checkpoints.review(checkpoint, "import_rule set to " + rule);
        }
    }
}
