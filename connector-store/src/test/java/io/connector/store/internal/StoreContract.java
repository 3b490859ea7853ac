package io.connector.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.api.store.StoreException;
import io.connector.store.internal.schema.Migration;
import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.spi.Database;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store does, on whichever database a subclass gives it. */
abstract class StoreContract {

    StoreFixture fixture;
    JdbcRecordStore store;

    abstract TestDatabase database();

    @BeforeEach
    void openStore() {
        fixture = new StoreFixture(database());
        store = fixture.store;
    }

    @AfterEach
    void closeStore() {
        if (fixture != null) {
            fixture.close();
        }
    }

    <T> T tx(io.connector.api.store.StoreWork<T> work) {
        return store.inTransaction(work);
    }

    Map<String, Object> get(String model, long id) {
        return find(model, id).orElseThrow();
    }

    java.util.Optional<Map<String, Object>> find(String model, long id) {
        return tx(s -> s.read(model, id));
    }

    long count(java.util.function.Function<io.connector.api.store.StoreSession, io.connector.api.store.Query> query) {
        return tx(s -> query.apply(s).count());
    }

    long partner(String name) {
        return tx(s -> s.create("res.partner", Map.of("name", name)));
    }

    @Test
    void everyFieldTypeRoundTrips() {
        long category = tx(s -> s.create("res.partner.category", Map.of("name", "Retailer")));
        long company = partner("Acme");
        Map<String, Object> values = new HashMap<>();
        values.put("name", "John Doe");
        values.put("parent_id", company);
        values.put("type", "invoice");
        values.put("is_company", "0");
        values.put("birthday", "1980-02-03 00:00:00");
        values.put("category_ids", List.of(category));
        long john = tx(s -> s.create("res.partner", values));
        long product = tx(s -> s.create("product.product", Map.of("name", "Chair", "price", "149.9900",
                "weight", 2.5, "sku", "CH-1")));
        long order = tx(s -> s.create("sale.order", Map.of("name", "SO1", "partner_id", john,
                "date_order", OffsetDateTime.parse("2026-11-22T10:00:00+02:00"), "amount_total", new BigDecimal("10"))));

        Map<String, Object> read = get("res.partner", john);
        assertThat(read).containsEntry("id", john).containsEntry("name", "John Doe").containsEntry("parent_id", company)
                .containsEntry("type", "invoice").containsEntry("is_company", false).containsEntry("active", true)
                .containsEntry("birthday", LocalDate.of(1980, 2, 3)).containsEntry("category_ids", List.of(category))
                .containsEntry("child_ids", List.of()).containsEntry("email", null);
        assertThat(read.get("create_date")).isInstanceOf(LocalDateTime.class);
        assertThat(get("res.partner", company)).containsEntry("child_ids", List.of(john));
        assertThat(get("product.product", product)).containsEntry("price", new BigDecimal("149.99"))
                .containsEntry("weight", new BigDecimal("2.5")).containsEntry("cost", null).containsEntry("type", "product");
        assertThat(get("sale.order", order))
                .containsEntry("date_order", LocalDateTime.of(2026, 11, 22, 8, 0)).containsEntry("amount_total", new BigDecimal("10"))
                .containsEntry("state", "draft");
    }

    @Test
    void binaryFieldsKeepTheirBytesGivenAsBytesOrBase64() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, (byte) 0xD9};
        long chair = tx(s -> s.create("product.product", Map.of("name", "Chair", "image", jpeg)));
        assertThat((byte[]) get("product.product", chair).get("image")).isEqualTo(jpeg);
        tx(s -> {
            s.write("product.product", chair, Map.of("image", java.util.Base64.getEncoder().encodeToString(new byte[] {7, 8})));
            return null;
        });
        assertThat((byte[]) get("product.product", chair).get("image")).containsExactly(7, 8);
        assertThatThrownBy(() -> tx(s -> s.create("product.product", Map.of("name", "Table", "image", "not base64!"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("image").hasMessageContaining("Base64");
    }

    @Test
    void readsChosenFieldsInTheOrderOfTheIds() {
        long a = partner("A");
        long b = partner("B");
        List<Map<String, Object>> rows = tx(s -> s.read("res.partner", List.of(b, 999_999L, a), List.of("name")));
        assertThat(rows).containsExactly(Map.of("id", b, "name", "B"), Map.of("id", a, "name", "A"));
        assertThat(find("res.partner", 999_999L)).isEmpty();
    }

    @Test
    void writesChangeValuesAndTheWriteDate() throws InterruptedException {
        long id = partner("Old");
        LocalDateTime created = (LocalDateTime) get("res.partner", id).get("write_date");
        Thread.sleep(5);
        long category = tx(s -> s.create("res.partner.category", Map.of("name", "VIP")));
        tx(s -> {
            s.write("res.partner", id, Map.of("name", "New", "email", "new@example.com", "category_ids", List.of(category)));
            return null;
        });
        Map<String, Object> read = get("res.partner", id);
        assertThat(read).containsEntry("name", "New").containsEntry("email", "new@example.com")
                .containsEntry("category_ids", List.of(category));
        assertThat((LocalDateTime) read.get("write_date")).isAfter(created);
        tx(s -> {
            s.write("res.partner", id, Map.of("category_ids", List.of()));
            return null;
        });
        assertThat(get("res.partner", id)).containsEntry("category_ids", List.of());
    }

    @Test
    void searchesWithConditionsGroupsPathsOrderAndPaging() {
        long acme = tx(s -> s.create("res.partner", Map.of("name", "Acme", "is_company", true, "city", "Lyon")));
        long globex = tx(s -> s.create("res.partner", Map.of("name", "Globex", "is_company", true, "city", "Paris")));
        long ann = tx(s -> s.create("res.partner", Map.of("name", "Ann", "parent_id", acme, "email", "ann@acme.test")));
        long bob = tx(s -> s.create("res.partner", Map.of("name", "Bob", "parent_id", globex)));
        long cid = tx(s -> s.create("res.partner", Map.of("name", "Cid", "active", false)));

        tx(s -> {
            assertThat(s.query("res.partner").where("is_company", "=", true).order("name desc").ids()).containsExactly(globex, acme);
            assertThat(s.query("res.partner").where("email", "=", null).where("is_company", "=", false).ids())
                    .containsExactly(bob, cid);
            assertThat(s.query("res.partner").where("email", "!=", null).ids()).containsExactly(ann);
            assertThat(s.query("res.partner").where("parent_id.city", "=", "Lyon").ids()).containsExactly(ann);
            assertThat(s.query("res.partner").where("child_ids.name", "=", "Bob").ids()).containsExactly(globex);
            assertThat(s.query("res.partner").where("id", "in", List.of(ann, bob, 12345L)).ids()).containsExactly(ann, bob);
            assertThat(s.query("res.partner").where("id", "not in", List.of(ann, bob)).count()).isEqualTo(3);
            assertThat(s.query("res.partner").where("id", "in", List.of()).ids()).isEmpty();
            assertThat(s.query("res.partner").where("name", "like", "A%").ids()).containsExactly(acme, ann);
            assertThat(s.query("res.partner").where("name", "ilike", "%O%").ids()).containsExactly(globex, bob);
            assertThat(s.query("res.partner").where("name", "=", "Ann").or().where("name", "=", "Cid").ids())
                    .containsExactly(ann, cid);
            assertThat(s.query("res.partner").where("active", "=", true)
                    .where(q -> q.where("city", "=", "Paris").or().where("parent_id", "=", acme)).ids())
                    .containsExactly(globex, ann);
            assertThat(s.query("res.partner").where("id", ">", ann).order("id").limit(1).ids()).containsExactly(bob);
            assertThat(s.query("res.partner").order("name").offset(1).limit(2).ids()).containsExactly(ann, bob);
            assertThat(s.query("res.partner").where("name", "=", "Globex").first()).contains(globex);
            assertThat(s.query("res.partner").where("name", "=", "Bob").read("name", "parent_id"))
                    .containsExactly(Map.of("id", bob, "name", "Bob", "parent_id", globex));
            return null;
        });
    }

    @Test
    void badSearchesSayWhatIsWrong() {
        tx(s -> {
            assertThatThrownBy(() -> s.query("res.partner").where("nmae", "=", "x").ids()).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Unknown field 'nmae' in a search on res.partner. Fields: name, parent_id");
            assertThatThrownBy(() -> s.query("res.partner").where("name", "~", "x")).hasMessageContaining("Unknown operator '~'");
            assertThatThrownBy(() -> s.query("res.partner").where("id", "=", "abc").ids())
                    .hasMessageContaining("Invalid value for res.partner.id (integer): 'abc'");
            assertThatThrownBy(() -> s.query("res.partner").order("name; drop table x").ids())
                    .hasMessageStartingWith("Cannot order res.partner by 'name; drop table x'");
            assertThatThrownBy(() -> s.query("res.partner").where("birthday", "like", "19%").ids())
                    .hasMessageContaining("Operator 'like' needs a text field; res.partner.birthday is date");
            return null;
        });
    }

    @Test
    void badInputNamesTheModelFieldAndValueAndWritesNothing() {
        long existing = partner("to write");
        long before = tx(s -> s.query("res.partner").count());
        assertThatThrownBy(() -> tx(s -> s.create("res.partnr", Map.of("name", "x"))))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("Unknown model 'res.partnr'. Declared models: ")
                .hasMessageContaining("res.partner, res.partner.category");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "mail", "a@b"))))
                .hasMessageStartingWith("Unknown field 'mail' of model res.partner. Fields: name, parent_id, child_ids");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "birthday", "0000-00-00 00:00:00"))))
                .hasMessageStartingWith("Invalid value for res.partner.birthday (date): '0000-00-00 00:00:00' of type String");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "type", "billing"))))
                .hasMessage("Invalid value for res.partner.type (selection): 'billing' of type String: "
                        + "expected one of [contact, invoice, delivery]");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", 12))))
                .hasMessage("Invalid value for res.partner.name (text): 12 of type Integer: expected text");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("email", "a@b"))))
                .hasMessage("Missing required value for res.partner.name (name)");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "parent_id", 424242))))
                .hasMessage("Invalid value for res.partner.parent_id: res.partner 424242 does not exist");
        assertThatThrownBy(() -> tx(s -> {
            s.write("res.partner", existing, Map.of("parent_id", 424242L));
            return null;
        })).hasMessage("Invalid value for res.partner.parent_id: res.partner 424242 does not exist");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "category_ids", List.of(77)))))
                .hasMessage("Invalid value for res.partner.category_ids: some of res.partner.category [77] do not exist");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "child_ids", List.of(1)))))
                .hasMessage("Field res.partner.child_ids is a one2many: set res.partner.parent_id on the related records instead");
        assertThatThrownBy(() -> tx(s -> {
            s.write("res.partner", 31337, Map.of("name", "ghost"));
            return null;
        })).hasMessage("No res.partner record with id 31337");
        // A failure rolls back what the transaction did before it.
        assertThatThrownBy(() -> tx(s -> {
            s.create("res.partner", Map.of("name", "written first"));
            return s.create("res.partner", Map.of("name", "x", "parent_id", 424242));
        })).isInstanceOf(StoreException.class);
        assertThat(count(s -> s.query("res.partner"))).isEqualTo(before);
    }

    @Test
    void nestedTransactionsJoinAndAFailureInsideDoomsTheWhole() {
        tx(outer -> store.inTransaction(inner -> inner.create("res.partner", Map.of("name", "joined"))));
        assertThat(count(s -> s.query("res.partner").where("name", "=", "joined"))).isEqualTo(1L);
        assertThatThrownBy(() -> tx(outer -> {
            outer.create("res.partner", Map.of("name", "doomed"));
            try {
                store.inTransaction(inner -> inner.create("res.partner", Map.of("name", 5)));
            } catch (StoreException swallowed) {
                // the caller goes on as if nothing happened
            }
            return null;
        })).hasMessageContaining("rolled back");
        assertThat(count(s -> s.query("res.partner").where("name", "=", "doomed"))).isZero();
    }

    @Test
    void aFailedSavepointRollsBackItsOwnWorkAloneAndTheTransactionCommitsTheRest() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        tx(s -> {
            s.create("res.partner", Map.of("name", "before"));
            assertThatThrownBy(() -> s.inSavepoint(inner -> {
                inner.create("res.partner", Map.of("name", "rolled back"));
                store.inTransaction(nested -> nested.create("res.partner", Map.of("name", 5)));
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("res.partner.name");
            long kept = s.inSavepoint(inner -> inner.create("res.partner", Map.of("name", "kept")));
            assertThat(kept).isPositive();
            assertThatThrownBy(() -> s.inSavepoint(inner -> {
                // An action of the failed work must not run when the transaction commits.
                store.inSqlTransaction(sql -> {
                    sql.afterCommit(() -> heard.add("failed work's action"));
                    return null;
                });
                throw new java.io.IOException("checked failure of the work");
            })).isInstanceOf(io.connector.api.ConnectorException.class).hasMessage("checked failure of the work");
            return store.inSqlTransaction(sql -> {
                sql.afterCommit(() -> heard.add("kept work's action"));
                return null;
            });
        });
        assertThat(count(s -> s.query("res.partner").where("name", "in", List.of("before", "kept")))).isEqualTo(2L);
        assertThat(count(s -> s.query("res.partner").where("name", "=", "rolled back"))).isZero();
        assertThat(heard).containsExactly("kept work's action");
    }

    @Test
    void workWithoutASavepointThatFailsBeforeWritingLeavesTheTransactionToCommitAndOneThatWroteAsksForASavepoint() {
        long related = tx(s -> s.create("res.partner", Map.of("name", "related")));
        tx(s -> {
            s.create("res.partner", Map.of("name", "before"));
            // Refused before any statement (a required value missing), after a lookup: nothing to undo.
            assertThatThrownBy(() -> s.withoutSavepoint(inner -> {
                inner.query("res.partner").where("name", "=", "before").first();
                return inner.create("res.partner", Map.of("email", "no-name@example.com"));
            })).isInstanceOf(StoreException.class).isNotInstanceOf(io.connector.api.store.SavepointNeededException.class)
                    .hasMessageContaining("res.partner.name");
            long kept = s.withoutSavepoint(inner -> inner.create("res.partner", Map.of("name", "kept")));
            assertThat(kept).isPositive();
            // Wrote, then failed: only a rollback to a savepoint set before undoes it.
            assertThatThrownBy(() -> s.inSavepoint(chunk -> chunk.withoutSavepoint(inner -> {
                inner.create("res.partner", Map.of("name", "written then failed"));
                throw new IllegalStateException("failed after writing");
            }))).isInstanceOf(io.connector.api.store.SavepointNeededException.class).hasMessageContaining("failed after writing")
                    .hasRootCauseMessage("failed after writing");
            // A statement that failed (PostgreSQL then refuses every statement until a rollback).
            assertThatThrownBy(() -> s.inSavepoint(chunk -> chunk.withoutSavepoint(inner -> inner.create("res.partner",
                    Map.of("name", "child of a missing parent", "parent_id", related + 1_000_000)))))
                    .isInstanceOf(io.connector.api.store.SavepointNeededException.class).hasMessageContaining("parent_id");
            return s.create("res.partner", Map.of("name", "after"));
        });
        assertThat(count(s -> s.query("res.partner").where("name", "in", List.of("before", "kept", "after")))).isEqualTo(3L);
        assertThat(count(s -> s.query("res.partner").where("name", "in", List.of("written then failed", "child of a missing parent"))))
                .isZero();
        // With no savepoint before it, work that wrote and failed takes the whole transaction with it.
        assertThatThrownBy(() -> tx(s -> {
            s.create("res.partner", Map.of("name", "doomed with it"));
            try {
                s.withoutSavepoint(inner -> {
                    inner.create("res.partner", Map.of("name", "doomed too"));
                    throw new IllegalStateException("failed after writing");
                });
            } catch (io.connector.api.store.SavepointNeededException expected) {
                // the caller has no savepoint to go back to
            }
            return null;
        }));
        assertThat(count(s -> s.query("res.partner").where("name", "in", List.of("doomed with it", "doomed too")))).isZero();
    }

    @Test
    void aNewTransactionCommitsOnItsOwnWhileTheCallersRollsBackAndTheCallerGoesOnAfterIt() {
        assertThatThrownBy(() -> tx(s -> {
                s.create("res.partner", Map.of("name", "caller's"));
                long own = store.inNewTransaction(fresh -> fresh.create("res.partner", Map.of("name", "its own")));
                // Committed already: another connection sees it while the caller's transaction is open.
                assertThat(otherConnectionSees("its own")).isTrue();
                assertThat(otherConnectionSees("caller's")).isFalse();
                // The caller's transaction is this thread's again.
                s.write("res.partner", own, Map.of("email", "own@example.com"));
                store.inTransaction(joined -> joined.create("res.partner", Map.of("name", "joined the caller's")));
                throw new IllegalStateException("the caller fails");
            })).hasMessage("the caller fails");
        assertThat(count(s -> s.query("res.partner").where("name", "=", "its own"))).isEqualTo(1L);
        assertThat(count(s -> s.query("res.partner").where("email", "=", "own@example.com"))).isZero();
        assertThat(count(s -> s.query("res.partner").where("name", "in", List.of("caller's", "joined the caller's")))).isZero();
    }

    @Test
    void whatATransactionCollectsIsActedOnOnceJustBeforeItCommitsAndNeverWhenItRollsBack() {
        List<String> acted = new ArrayList<>();
        tx(s -> {
            for (String name : List.of("a", "b", "c")) {
                long id = s.create("res.partner", Map.of("name", name));
                List<Long> ids = store.inTransaction(joined -> joined.collectUntilCommit("names", ArrayList<Long>::new, collected -> {
                    acted.add("once for " + collected.size());
                    // In the transaction still: what it writes commits with the rest.
                    s.write("res.partner", collected, Map.of("email", "collected@example.com"));
                    assertThat(otherConnectionSees("a")).as("not committed yet").isFalse();
                }));
                ids.add(id);
            }
            assertThat(acted).as("not before the commit").isEmpty();
            return null;
        });
        assertThat(acted).containsExactly("once for 3");
        assertThat(count(s -> s.query("res.partner").where("email", "=", "collected@example.com"))).isEqualTo(3L);

        acted.clear();
        assertThatThrownBy(() -> tx(s -> {
            s.collectUntilCommit("never", ArrayList::new, collected -> acted.add("ran"));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(acted).isEmpty();

        assertThatThrownBy(() -> tx(s -> {
            s.create("res.partner", Map.of("name", "undone by its hook"));
            s.collectUntilCommit("failing", ArrayList::new, collected -> {
                throw new IllegalStateException("the hook fails");
            });
            return null;
        })).hasMessage("the hook fails");
        assertThat(count(s -> s.query("res.partner").where("name", "=", "undone by its hook"))).isZero();
    }

    private boolean otherConnectionSees(String name) {
        try (java.sql.Connection c = fixture.database.dataSource().getConnection(); java.sql.PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM \"res_partner\" WHERE \"name\" = ?")) {
            select.setString(1, name);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDeadlockEndsOneTransactionWithARetryableConflictAndTheOtherCommits() throws Exception {
        long first = partner("first");
        long second = partner("second");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.CyclicBarrier bothHoldOne = new java.util.concurrent.CyclicBarrier(2);
        try {
            List<Future<String>> crossing = new ArrayList<>();
            for (long[] order : List.of(new long[] {first, second}, new long[] {second, first})) {
                crossing.add(pool.submit(() -> {
                    try {
                        return tx(s -> {
                            s.write("res.partner", order[0], Map.of("city", "held"));
                            bothHoldOne.await(30, TimeUnit.SECONDS);
                            s.write("res.partner", order[1], Map.of("city", "wanted"));
                            return "committed";
                        });
                    } catch (io.connector.api.store.StoreConflictException e) {
                        return "conflict: " + e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> one : crossing) {
                outcomes.add(one.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).as(outcomes.toString()).containsOnlyOnce("committed")
                    .anySatisfy(o -> assertThat(o).startsWith("conflict: Cannot write res.partner")
                            .contains("it succeeds when run again"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingFollowsOnDelete() {
        long company = partner("Acme");
        long contact = tx(s -> s.create("res.partner", Map.of("name", "Ann", "parent_id", company)));
        tx(s -> {
            s.delete("res.partner", company);
            return null;
        });
        assertThat(get("res.partner", contact)).containsEntry("parent_id", null);
        long order = tx(s -> s.create("sale.order", Map.of("name", "SO1", "partner_id", contact)));
        tx(s -> s.create("sale.order.line", Map.of("order_id", order, "name", "line")));
        assertThatThrownBy(() -> tx(s -> {
            s.delete("res.partner", contact);
            return null;
        })).hasMessageStartingWith("Cannot delete res.partner " + contact + ": other records refer to it");
        tx(s -> {
            s.delete("sale.order", order);
            return null;
        });
        assertThat(count(s -> s.query("sale.order.line"))).as("lines cascade").isZero();
        assertThatThrownBy(() -> tx(s -> {
            s.delete("res.partner", 31337);
            return null;
        })).hasMessage("No res.partner record with id 31337");
    }

    @Test
    void listenersHearChangesOfTheirModelsInsideTheTransaction() {
        List<String> heard = new ArrayList<>();
        RecordListener partners = new RecordListener() {
            @Override
            public void onRecordCreate(RecordEvent e) {
                heard.add("create " + e.model() + " " + e.values() + (e.noExport() ? " no-export" : ""));
            }

            @Override
            public void onRecordWrite(RecordEvent e) {
                heard.add("write " + e.values() + (e.noExport() ? " no-export" : ""));
                // What a listener writes commits or rolls back with the change.
                e.session().create("res.partner.category", Map.of("name", "touched " + e.id()));
            }

            @Override
            public void onRecordUnlink(RecordEvent e) {
                heard.add("unlink, still readable: " + e.session().read(e.model(), e.id()).isPresent());
            }
        };
        fixture.listeners.add(partners, Map.of("model", "res.partner"));
        long id = partner("Ann");
        tx(s -> s.create("res.partner.category", Map.of("name", "not heard")));
        tx(s -> {
            s.noExport().write("res.partner", id, Map.of("email", "ann@example.com"));
            return null;
        });
        assertThatThrownBy(() -> tx(s -> {
            s.write("res.partner", id, Map.of("email", "rolled@back"));
            throw new IllegalStateException("later failure");
        }));
        tx(s -> {
            s.delete("res.partner", id);
            return null;
        });
        assertThat(heard).containsExactly("create res.partner {name=Ann}", "write {email=ann@example.com} no-export",
                "write {email=rolled@back}", "unlink, still readable: true");
        assertThat(count(s -> s.query("res.partner.category").where("name", "like", "touched%")))
                .as("the rolled back write's listener work is gone too").isEqualTo(1L);
        fixture.listeners.remove(partners);
    }

    @Test
    void aBindingReadsAndWritesThroughToTheRecordItBinds() {
        long binding = tx(s -> s.noExport().upsertBinding("shop.res.partner", "b1", "136",
                Map.of("name", "John", "email", "john@example.com", "website_id", 1)));
        Map<String, Object> read = get("shop.res.partner", binding);
        assertThat(read).containsEntry("backend_id", "b1").containsEntry("external_id", "136")
                .containsEntry("name", "John").containsEntry("website_id", 1L);
        assertThat(read.get("sync_date")).isInstanceOf(LocalDateTime.class);
        long partner = (Long) read.get("record_id");
        assertThat(get("res.partner", partner)).containsEntry("email", "john@example.com");

        long again = tx(s -> s.upsertBinding("shop.res.partner", "b1", "136", Map.of("name", "John Doe")));
        assertThat(again).isEqualTo(binding);
        assertThat(get("res.partner", partner)).containsEntry("name", "John Doe");
        assertThat(this.<java.util.List<Long>>tx(s -> s.query("shop.res.partner").where("name", "=", "John Doe").ids())).containsExactly(binding);
        assertThat(count(s -> s.query("res.partner"))).isEqualTo(1L);

        long zero = tx(s -> s.upsertBinding("shop.res.partner", "b1", "0", Map.of("name", "Zero")));
        long otherBackend = tx(s -> s.upsertBinding("shop.res.partner", "b2", "136", Map.of("name", "Elsewhere")));
        assertThat(List.of(binding, zero, otherBackend)).doesNotHaveDuplicates();
        assertThatThrownBy(() -> tx(s -> s.create("shop.res.partner", Map.of("backend_id", "b1", "external_id", "136",
                "name", "duplicate")))).hasMessageStartingWith("Cannot create a shop.res.partner: ");
    }

    @Test
    void concurrentUpsertsOfOneExternalIdEndWithOneBinding() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String externalId = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String name = "thread " + t;
                    results.add(pool.submit(() -> {
                        start.await();
                        return tx(s -> s.upsertBinding("shop.res.partner", "b1", externalId, Map.of("name", name)));
                    }));
                }
                start.countDown();
                long first = results.get(0).get(30, TimeUnit.SECONDS);
                long second = results.get(1).get(30, TimeUnit.SECONDS);
                assertThat(first).isEqualTo(second);
                assertThat(count(s -> s.query("shop.res.partner").where("external_id", "=", externalId))).isEqualTo(1L);
                long records = count(s -> s.query("res.partner").where("name", "=", "thread 0"))
                        + count(s -> s.query("res.partner").where("name", "=", "thread 1"));
                assertThat(records).as("the loser's partner is not left behind, round " + round).isEqualTo(round + 1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBindingCreatedWithoutALookupThatAnotherTransactionMadeMeanwhileUpdatesThatOne() throws Exception {
        long created = tx(s -> s.createBinding("shop.res.partner", "b1", "new", Map.of("name", "New")));
        assertThat(get("shop.res.partner", created)).containsEntry("name", "New").containsEntry("external_id", "new");

        // Found missing, then bound by another transaction before this one creates it.
        long partners = count(s -> s.query("res.partner"));
        CountDownLatch lookedUp = new CountDownLatch(1);
        CountDownLatch boundElsewhere = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> late = pool.submit(() -> tx(s -> {
                assertThat(s.query("shop.res.partner").where("backend_id", "=", "b1").where("external_id", "=", "136").first())
                        .isEmpty();
                lookedUp.countDown();
                try {
                    boundElsewhere.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return s.createBinding("shop.res.partner", "b1", "136", Map.of("name", "Late", "email", "late@example.com"));
            }));
            assertThat(lookedUp.await(30, TimeUnit.SECONDS)).isTrue();
            long first = tx(s -> s.upsertBinding("shop.res.partner", "b1", "136", Map.of("name", "First")));
            boundElsewhere.countDown();
            assertThat(late.get(30, TimeUnit.SECONDS)).as("the binding made first").isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("shop.res.partner", first(s -> s.query("shop.res.partner").where("external_id", "=", "136"))))
                .containsEntry("name", "Late").containsEntry("email", "late@example.com");
        assertThat(count(s -> s.query("shop.res.partner").where("external_id", "=", "136"))).isEqualTo(1L);
        assertThat(count(s -> s.query("res.partner"))).as("one partner more, not two").isEqualTo(partners + 1);

        long again = tx(s -> s.createBinding("shop.res.partner", "b1", "136", Map.of("name", "Again")));
        assertThat(get("shop.res.partner", again)).as("bound already: updated").containsEntry("name", "Again");
        assertThat(count(s -> s.query("res.partner"))).isEqualTo(partners + 1);
    }

    @Test
    void theRecordOfABindingThisTransactionCreatedFollowsItsLaterChanges() {
        long other = partner("Other");
        tx(s -> {
            long binding = s.createBinding("shop.res.partner", "b1", "501", Map.of("name", "Bound"));
            long record = (Long) s.read("shop.res.partner", List.of(binding), List.of("record_id")).get(0).get("record_id");
            assertThat(s.read("res.partner", record)).get().extracting(r -> r.get("name")).isEqualTo("Bound");

            s.write("shop.res.partner", binding, Map.of("record_id", other));
            assertThat(s.read("shop.res.partner", List.of(binding), List.of("record_id")))
                    .as("bound to another record since").containsExactly(Map.of("id", binding, "record_id", other));

            long second = s.createBinding("shop.res.partner", "b1", "502", Map.of("name", "Second"));
            assertThatThrownBy(() -> s.inSavepoint(inner -> {
                inner.write("shop.res.partner", second, Map.of("record_id", other));
                throw new IllegalStateException("undone");
            })).hasMessage("undone");
            Object secondRecord = s.read("shop.res.partner", List.of(second), List.of("record_id")).get(0).get("record_id");
            assertThat(s.read("res.partner", (Long) secondRecord)).get().as("the write was rolled back")
                    .extracting(r -> r.get("name")).isEqualTo("Second");
            return null;
        });
    }

    long first(java.util.function.Function<io.connector.api.store.StoreSession, io.connector.api.store.Query> query) {
        return tx(s -> query.apply(s).first().orElseThrow());
    }

    /**
     * Takes locks in a transaction on {@code pool}'s thread and keeps it open until
     * {@code release}; returns once they are taken, with whether the first was.
     */
    private Future<Boolean> holdElsewhere(ExecutorService pool, CountDownLatch release, String... keys) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        Future<Boolean> holder = pool.submit(() -> tx(s -> {
            boolean got = keys.length == 1 ? s.tryLock(keys[0]) : s.tryLockAll(List.of(keys)).contains(keys[0]);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return got;
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).as("locks taken elsewhere").isTrue();
        return holder;
    }

    @Test
    void aRecordLockIsRefusedAtOnceWhileAnotherTransactionHoldsItAndFreedAtItsEnd() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> holder = holdElsewhere(pool, release, "import shop.res.partner b1 136");
            long started = System.nanoTime();
            assertThat(this.<Boolean>tx(s -> s.tryLock("import shop.res.partner b1 136"))).as("held elsewhere").isFalse();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("refused without waiting").isLessThan(5);
            // The transaction that was refused a lock goes on and commits its work.
            long id = tx(s -> {
                assertThat(s.tryLock("import shop.res.partner b1 136")).isFalse();
                return s.create("res.partner", Map.of("name", "after a refused lock"));
            });
            assertThat(get("res.partner", id)).containsEntry("name", "after a refused lock");
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(this.<Boolean>tx(s -> s.tryLock("import shop.res.partner b1 136") && s.tryLock("import shop.res.partner b1 136")))
                    .as("free again, and re-entrant in one transaction").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyLocksAreTakenInOneGoLeavingThoseAnotherTransactionHolds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> holder = holdElsewhere(pool, release, "import shop.res.partner b1 2");
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 1; i <= 600; i++) {
                keys.add("import shop.res.partner b1 " + i);
            }
            java.util.Set<String> held = tx(s -> {
                java.util.Set<String> got = s.tryLockAll(keys);
                // What one transaction holds it holds again at once.
                assertThat(s.tryLock("import shop.res.partner b1 1")).isTrue();
                assertThat(s.tryLockAll(List.of())).isEmpty();
                return got;
            });
            assertThat(held).as("all but the held one, over more keys than one IN list takes")
                    .hasSize(599).doesNotContain("import shop.res.partner b1 2").contains("import shop.res.partner b1 600");
            release.countDown();
            assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
            // Held until the end of the transaction that took them all.
            CountDownLatch done = new CountDownLatch(1);
            Future<Boolean> many = holdElsewhere(pool, done, "import shop.res.partner b1 7", "import shop.res.partner b1 8");
            assertThat(this.<java.util.Set<String>>tx(s -> s.tryLockAll(List.of("import shop.res.partner b1 7",
                    "import shop.res.partner b1 9")))).containsExactly("import shop.res.partner b1 9");
            done.countDown();
            assertThat(many.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(this.<Boolean>tx(s -> s.tryLock("import shop.res.partner b1 7"))).as("free at its end").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddonAddsFieldsAndUninstallingItKeepsTheData() {
        fixture.contribute("addon", 3, "/addon-models.json");
        long binding = tx(s -> s.upsertBinding("shop.res.partner", "b1", "7",
                Map.of("name", "Jane", "gender", "female", "created_in", "French Store View")));
        assertThat(get("shop.res.partner", binding)).containsEntry("gender", "female")
                .containsEntry("created_in", "French Store View");

        fixture.registry.withdrawn("addon");
        Map<String, Object> without = get("shop.res.partner", binding);
        assertThat(without).doesNotContainKeys("gender", "created_in").containsEntry("name", "Jane");
        assertThatThrownBy(() -> tx(s -> s.create("res.partner", Map.of("name", "x", "gender", "male"))))
                .hasMessageStartingWith("Unknown field 'gender' of model res.partner");

        fixture.contribute("addon", 3, "/addon-models.json");
        assertThat(get("shop.res.partner", binding)).containsEntry("gender", "female")
                .containsEntry("created_in", "French Store View");
    }

    @Test
    void migrationsRunOnceInOrderEvenWhenTwoNodesStartTogether() throws Exception {
        javax.sql.DataSource dataSource = fixture.database.dataSource();
        Database dialect = store.database();
        List<Migration> migrations = Migration.list("test.component",
                "test-migrations", dialect, StoreContract.class.getClassLoader()::getResource);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SchemaManager.Report>> nodes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return SchemaManager.migrate(dataSource, migrations, fixture.registry.current());
                }));
            }
            start.countDown();
            List<String> applied = new ArrayList<>();
            for (var node : nodes) {
                applied.addAll(node.get(60, TimeUnit.SECONDS).applied());
            }
            assertThat(applied).containsExactly("test.component V1 first table", "test.component V2 more columns");
        } finally {
            pool.shutdownNow();
        }
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rows = s.executeQuery("SELECT \"note\" FROM \"migration_probe\"")) {
            rows.next();
            assertThat(rows.getString(1)).as("the dialect's own script wins").isEqualTo(
                    dialect == Database.POSTGRESQL ? "postgresql" : "generic");
        }
        assertThat(SchemaManager.migrate(dataSource, migrations, fixture.registry.current()).applied())
                .as("a restart applies nothing").isEmpty();
    }
}
