package io.connector.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connector.web.internal.Operator.Grant;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .get("/api/jobs", Grant.VIEW, call -> "list")
            .get("/api/jobs/{uuid}", Grant.VIEW, call -> "one " + call.part("uuid"))
            .post("/api/jobs/{uuid}/retry", Grant.MANAGE, call -> "retry")
            .get("/api/bindings/{backend}/{model}", Grant.VIEW, call -> call.part("backend") + "|" + call.part("model"));

    @Test
    void aPathMatchesItsRouteWithItsPartsDecoded() throws Exception {
        Router.Match match = router.match("GET", "/api/bindings/shop%201/magento.res.partner");
        assertThat(match.parts()).containsEntry("backend", "shop 1").containsEntry("model", "magento.res.partner");
        assertThat(match.handler().handle(router.call(null, null, match, null))).isEqualTo("shop 1|magento.res.partner");
        assertThat(router.match("GET", "/api/jobs/a+b").parts()).containsEntry("uuid", "a+b");
        assertThat(router.match("POST", "/api/jobs/x/retry").grant()).isEqualTo(Grant.MANAGE);
    }

    @Test
    void anUnknownPathIs404AndAnotherMethodIs405NamingTheAllowedOnes() {
        assertThatThrownBy(() -> router.match("GET", "/api/nothing")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> router.match("GET", "/api/jobs/x/retry")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(405);
            assertThat(e.getMessage()).contains("takes POST");
        });
        assertThatThrownBy(() -> router.match("GET", "/api/jobs/a/b")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }
}
