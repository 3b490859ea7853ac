package io.connector.core.internal.resolver;

import static io.connector.core.internal.resolver.TestUnits.backend;
import static io.connector.core.internal.resolver.TestUnits.magentoChain;
import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.connector.api.AmbiguousUnitException;
import io.connector.api.ConnectorException;
import io.connector.api.NoUnitException;
import io.connector.api.UnknownBackendException;
import io.connector.core.internal.resolver.Candidate.Status;
import org.junit.jupiter.api.Test;

class RegistrySnapshotTest {

    private static final String MAPPER = "io.connector.api.unit.ImportMapper";
    private static final String ADAPTER = "io.connector.api.unit.BackendAdapter";
    private static final String PARTNER = "magento.res.partner";

    private static RegistrySnapshot snapshot(UnitDescriptor... units) {
        return RegistrySnapshot.build(1, magentoChain(), List.of(units));
    }

    @Test
    void aBackendsOwnUnitWins() {
        UnitDescriptor root = unit("RootMapper").on("magento").build();
        UnitDescriptor v17 = unit("Mapper17").on("magento/1.7").build();
        Resolution r = snapshot(root, v17).resolve("magento/1.7", MAPPER, PARTNER);
        assertThat(r.winner()).isEqualTo(v17);
        assertThat(r.winnerLevel()).contains("magento/1.7");
        assertThat(r.candidates()).extracting(Candidate::status).containsExactly(Status.WINS, Status.OVERRIDDEN);
        assertThat(r.candidates().get(1).reason()).isEqualTo("overridden by magento/1.7");
    }

    @Test
    void fallsBackThroughTheChainToTheRoot() {
        UnitDescriptor root = unit("RootMapper").on("magento").build();
        Resolution r = snapshot(root).resolve("magento/1.7-specific", MAPPER, PARTNER);
        assertThat(r.winner()).isEqualTo(root);
        assertThat(r.candidates().get(0).reason()).isEqualTo("inherited from magento");
    }

    @Test
    void stopsAtTheFirstLevelThatHasAUnit() {
        UnitDescriptor root = unit("RootMapper").on("magento").build();
        UnitDescriptor v17 = unit("Mapper17").on("magento/1.7").build();
        assertThat(snapshot(root, v17).resolve("magento/1.7-specific", MAPPER, PARTNER).winner()).isEqualTo(v17);
    }

    @Test
    void aSiblingVersionDoesNotSeeTheOthersUnits() {
        UnitDescriptor root = unit("RootMapper").on("magento").build();
        UnitDescriptor v17 = unit("Mapper17").on("magento/1.7").build();
        assertThat(snapshot(root, v17).resolve("magento/2.0", MAPPER, PARTNER).winner()).isEqualTo(root);
    }

    @Test
    void matchesOnTypeAndOnAnyOfTheUnitsModels() {
        UnitDescriptor mapper = unit("Mapper").models("magento.res.partner", "magento.address").build();
        UnitDescriptor adapter = unit("Adapter").type(ADAPTER).build();
        RegistrySnapshot s = snapshot(mapper, adapter);
        assertThat(s.resolve("magento", MAPPER, "magento.address").winner()).isEqualTo(mapper);
        assertThat(s.resolve("magento", ADAPTER, PARTNER).winner()).isEqualTo(adapter);
        assertThatThrownBy(() -> s.resolve("magento", ADAPTER, "magento.address").winner())
                .isInstanceOf(NoUnitException.class);
    }

    @Test
    void aReplacingUnitRemovesTheOneItNames() {
        UnitDescriptor standard = unit("Standard").on("magento/1.7").ranking(50).build();
        UnitDescriptor addon = unit("Addon").on("magento/1.7").replacing("Standard").build();
        Resolution r = snapshot(standard, addon).resolve("magento/1.7", MAPPER, PARTNER);
        assertThat(r.winner()).as("replacing wins even over a higher ranking").isEqualTo(addon);
        assertThat(r.candidates()).extracting(Candidate::unit, Candidate::status, Candidate::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(addon, Status.WINS, "registered on magento/1.7"),
                org.assertj.core.groups.Tuple.tuple(standard, Status.REPLACED, "replaced by Addon"));
    }

    @Test
    void replacingIsTransitive() {
        UnitDescriptor a = unit("A").build();
        UnitDescriptor b = unit("B").replacing("A").build();
        UnitDescriptor c = unit("C").replacing("B").build();
        assertThat(snapshot(a, b, c).resolve("magento", MAPPER, PARTNER).winner()).isEqualTo(c);
    }

    @Test
    void replacingOnlyActsWithinItsLevel() {
        UnitDescriptor root = unit("Standard").on("magento").build();
        UnitDescriptor addon = unit("Addon").on("magento/2.0").replacing("Standard").build();
        RegistrySnapshot s = snapshot(root, addon);
        assertThat(s.resolve("magento/1.7", MAPPER, PARTNER).winner()).isEqualTo(root);
        assertThat(s.resolve("magento/2.0", MAPPER, PARTNER).winner()).isEqualTo(addon);
    }

    @Test
    void replacingOnlyActsForTheModelsTheReplacerServes() {
        UnitDescriptor standard = unit("Standard").models(PARTNER, "magento.address").build();
        UnitDescriptor addon = unit("Addon").models(PARTNER).replacing("Standard").build();
        RegistrySnapshot s = snapshot(standard, addon);
        assertThat(s.resolve("magento", MAPPER, PARTNER).winner()).isEqualTo(addon);
        assertThat(s.resolve("magento", MAPPER, "magento.address").winner()).isEqualTo(standard);
    }

    @Test
    void theHighestRankingWins() {
        UnitDescriptor low = unit("Low").ranking(-5).build();
        UnitDescriptor high = unit("High").ranking(10).build();
        Resolution r = snapshot(low, high).resolve("magento", MAPPER, PARTNER);
        assertThat(r.winner()).isEqualTo(high);
        assertThat(r.candidates().get(1).status()).isEqualTo(Status.LOWER_RANKING);
        assertThat(r.candidates().get(1).reason()).isEqualTo("service.ranking -5 is below 10 of High");
    }

    @Test
    void twoReplacersOfOneUnitAreDecidedByRanking() {
        UnitDescriptor standard = unit("Standard").build();
        UnitDescriptor first = unit("First").replacing("Standard").ranking(1).build();
        UnitDescriptor second = unit("Second").replacing("Standard").ranking(2).build();
        Resolution r = snapshot(standard, first, second).resolve("magento", MAPPER, PARTNER);
        assertThat(r.winner()).isEqualTo(second);
        assertThat(r.candidates()).filteredOn(c -> c.unit() == standard).extracting(Candidate::reason)
                .containsExactly("replaced by First, Second");
    }

    @Test
    void anEqualRankingIsAnErrorThatNamesEveryCandidateItsBundleAndWhatItReplaces() {
        UnitDescriptor standard = unit("Standard").build();
        UnitDescriptor first = unit("addon.First").bundle("addon.one 1.0.0 (51)").replacing("Standard").build();
        UnitDescriptor second = unit("addon.Second").bundle("addon.two 2.1.0 (52)").replacing("Standard").build();
        Resolution r = snapshot(standard, first, second).resolve("magento/1.7", MAPPER, PARTNER);
        assertThatThrownBy(r::winner).isInstanceOf(AmbiguousUnitException.class).hasMessage(
                "Ambiguous unit for type io.connector.api.unit.ImportMapper, model 'magento.res.partner' on backend "
                        + "magento/1.7: 2 units on magento have service.ranking 0: "
                        + "addon.First [addon.one 1.0.0 (51)] replacing Standard; "
                        + "addon.Second [addon.two 2.1.0 (52)] replacing Standard. "
                        + "Give one a higher service.ranking, or make one replace the other.");
        assertThat(r.candidates()).extracting(Candidate::status)
                .containsExactlyInAnyOrder(Status.AMBIGUOUS, Status.AMBIGUOUS, Status.REPLACED);
    }

    @Test
    void anAmbiguityWithoutReplacingSaysSo() {
        UnitDescriptor a = unit("A").build();
        UnitDescriptor b = unit("B").build();
        assertThatThrownBy(() -> snapshot(a, b).resolve("magento", MAPPER, PARTNER).winner())
                .isInstanceOf(AmbiguousUnitException.class)
                .hasMessageContaining("A [test.bundle 1.0.0 (42)] replacing nothing; B [test.bundle 1.0.0 (42)] replacing nothing");
    }

    @Test
    void aReplacementCycleIsAnErrorThatNamesTheUnits() {
        UnitDescriptor a = unit("A").replacing("B").build();
        UnitDescriptor b = unit("B").replacing("A").build();
        assertThatThrownBy(() -> snapshot(a, b).resolve("magento", MAPPER, PARTNER).winner())
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Units on magento replace each other in a cycle")
                .hasMessageContaining("A [test.bundle 1.0.0 (42)] replacing [B]");
    }

    @Test
    void aMissingUnitIsAnErrorThatNamesTheChainTheTypeAndTheModel() {
        UnitDescriptor other = unit("Other").models("magento.product").build();
        assertThatThrownBy(() -> snapshot(other).resolve("magento/1.7-specific", MAPPER, PARTNER).winner())
                .isInstanceOf(NoUnitException.class)
                .hasMessage("No unit of type io.connector.api.unit.ImportMapper for model 'magento.res.partner' on "
                        + "backend magento/1.7-specific (searched magento/1.7-specific -> magento/1.7 -> magento)");
    }

    @Test
    void anUnknownBackendIsAnErrorThatListsTheDeclaredOnes() {
        assertThatThrownBy(() -> snapshot().resolve("magento/9", MAPPER, PARTNER).winner())
                .isInstanceOf(UnknownBackendException.class)
                .hasMessage("Unknown backend 'magento/9'. Declared backends: magento, magento/1.7, magento/1.7-specific, magento/2.0");
    }

    @Test
    void eachFailedLookupThrowsAFreshException() {
        Resolution r = snapshot().resolve("magento", MAPPER, PARTNER);
        Throwable first = catchThrowable(r::winner);
        Throwable second = catchThrowable(r::winner);
        assertThat(first).isNotSameAs(second).hasMessage(second.getMessage());
    }

    @Test
    void lookupsAreCachedPerSnapshot() {
        RegistrySnapshot s = snapshot(unit("Mapper").build());
        assertThat(s.resolve("magento", MAPPER, PARTNER)).isSameAs(s.resolve("magento", MAPPER, PARTNER));
    }

    @Test
    void parentsAreVersionsOfTheSameServiceOrFullNames() {
        RegistrySnapshot s = RegistrySnapshot.build(1, List.of(backend("magento", "", ""),
                backend("magento", "1.7", "magento"), backend("magento", "1.7-x", "1.7"),
                backend("magento", "1.7-y", "magento/1.7")), List.of());
        assertThat(s.backend("magento/1.7-x").orElseThrow().chain()).extracting(b -> b.name())
                .containsExactly("magento/1.7-x", "magento/1.7", "magento");
        assertThat(s.backend("magento/1.7-y").orElseThrow().chain()).extracting(b -> b.name())
                .containsExactly("magento/1.7-y", "magento/1.7", "magento");
        assertThat(s.backendProblems()).isEmpty();
    }

    @Test
    void declarationProblemsAreReported() {
        List<BackendInfo> declarations = new ArrayList<>(magentoChain());
        declarations.add(backend("magento", "1.7", "magento"));
        declarations.add(backend("shop", "1", "shop/0"));
        declarations.add(backend("loop", "a", "b"));
        declarations.add(backend("loop", "b", "a"));
        RegistrySnapshot s = RegistrySnapshot.build(1, declarations, List.of(unit("U").on("nowhere").singleton().build()));
        assertThat(s.backendProblems()).anyMatch(p -> p.startsWith("Backend magento/1.7 is declared again by"))
                .anyMatch(p -> p.equals("Backend shop/1 names parent 'shop/0', which no installed bundle declares; "
                        + "its units are looked up on shop/1 only"))
                .anyMatch(p -> p.equals("Backend loop/a has a parent cycle: loop/a -> loop/b -> loop/a"));
        assertThat(s.backend("loop/a").orElseThrow().chain()).hasSize(2);
        assertThat(s.unitProblems()).containsExactly(
                "Unit U [test.bundle 1.0.0 (42)] is registered on backend nowhere, which no installed bundle declares",
                "Unit U [test.bundle 1.0.0 (42)] is not prototype-scoped; declare it with "
                        + "@Component(scope = ServiceScope.PROTOTYPE) so each environment gets its own instance");
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }
}
