package io.connector.core.internal.resolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.connector.api.AmbiguousUnitException;
import io.connector.api.ConnectorException;
import io.connector.api.NoUnitException;
import io.connector.api.UnknownBackendException;
import io.connector.core.internal.resolver.Candidate.Status;

/**
 * The declared backends and registered units at one moment, immutable. Every service event
 * makes a new snapshot, so its resolution cache never needs invalidating: it goes with it.
 */
public final class RegistrySnapshot {

    /** Highest ranking first; the earlier registration breaks ties, as OSGi orders services. */
    private static final Comparator<UnitDescriptor> PRECEDENCE = Comparator
            .comparingInt(UnitDescriptor::ranking).reversed()
            .thenComparingLong(UnitDescriptor::serviceId);

    public static final RegistrySnapshot EMPTY = build(0, List.of(), List.of());

    private final long generation;
    private final Map<String, DeclaredBackend> backends;
    private final List<String> backendProblems;
    private final List<UnitDescriptor> units;
    private final Map<LookupKey, List<UnitDescriptor>> unitsByLevel;
    private final Map<LookupKey, Resolution> cache = new ConcurrentHashMap<>();

    private RegistrySnapshot(long generation, Map<String, DeclaredBackend> backends,
            List<String> backendProblems, Collection<UnitDescriptor> units) {
        this.generation = generation;
        this.backends = backends;
        this.backendProblems = List.copyOf(backendProblems);
        this.units = List.copyOf(units);
        Map<LookupKey, List<UnitDescriptor>> index = new ConcurrentHashMap<>();
        for (UnitDescriptor unit : units) {
            for (String type : unit.types()) {
                for (String model : unit.models()) {
                    index.computeIfAbsent(new LookupKey(unit.backend(), type, model), k -> new ArrayList<>()).add(unit);
                }
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.unitsByLevel = index;
    }

    /** Links the declared backends to their parents and takes the units as they are. */
    public static RegistrySnapshot build(long generation, Collection<BackendInfo> declarations,
            Collection<UnitDescriptor> units) {
        List<String> problems = new ArrayList<>();
        Map<String, List<BackendInfo>> byName = declarations.stream().collect(Collectors.groupingBy(
                BackendInfo::name, TreeMap::new, Collectors.toList()));
        Map<String, DeclaredBackend> backends = new TreeMap<>();
        byName.forEach((name, infos) -> {
            infos.sort(Comparator.comparingInt(BackendInfo::ranking).reversed()
                    .thenComparingLong(BackendInfo::serviceId));
            backends.put(name, new DeclaredBackend(infos.get(0)));
            for (BackendInfo ignored : infos.subList(1, infos.size())) {
                problems.add("Backend " + name + " is declared again by " + ignored.bundle()
                        + "; the declaration of " + infos.get(0).bundle() + " is used");
            }
        });
        for (DeclaredBackend backend : backends.values()) {
            if (backend.parentName().isEmpty()) {
                continue;
            }
            DeclaredBackend parent = findParent(backends, backend);
            if (parent == null) {
                problems.add("Backend " + backend.name() + " names parent '" + backend.parentName()
                        + "', which no installed bundle declares; its units are looked up on "
                        + backend.name() + " only");
            } else if (parent == backend) {
                problems.add("Backend " + backend.name() + " names itself as its parent");
            } else {
                backend.link(parent);
            }
        }
        for (DeclaredBackend backend : backends.values()) {
            backend.freeze();
            DeclaredBackend last = (DeclaredBackend) backend.chain().get(backend.chain().size() - 1);
            if (last.parent().isPresent()) {
                problems.add("Backend " + backend.name() + " has a parent cycle: "
                        + chainText(backend) + " -> " + last.parent().get().name());
            }
        }
        return new RegistrySnapshot(generation, backends, problems, units);
    }

    /** A parent is a version of the same service ({@code 1.7}) or a full name ({@code magento}). */
    private static DeclaredBackend findParent(Map<String, DeclaredBackend> backends, DeclaredBackend child) {
        DeclaredBackend sameService = backends.get(BackendNames.name(child.service(), child.parentName()));
        return sameService != null ? sameService : backends.get(child.parentName());
    }

    private static String chainText(DeclaredBackend backend) {
        return backend.chain().stream().map(b -> b.name()).collect(Collectors.joining(" -> "));
    }

    public long generation() {
        return generation;
    }

    public Collection<DeclaredBackend> backends() {
        return backends.values();
    }

    public Optional<DeclaredBackend> backend(String name) {
        return Optional.ofNullable(backends.get(name));
    }

    /** Duplicate declarations, missing parents, cycles: what an operator should fix. */
    public List<String> backendProblems() {
        return backendProblems;
    }

    public List<UnitDescriptor> units() {
        return units;
    }

    /** Units that cannot be used as registered, with the reason. */
    public List<String> unitProblems() {
        List<String> problems = new ArrayList<>();
        for (UnitDescriptor unit : units) {
            if (!backends.containsKey(unit.backend())) {
                problems.add("Unit " + unit.describe() + " is registered on backend " + unit.backend()
                        + ", which no installed bundle declares");
            }
            if (!unit.prototype()) {
                problems.add("Unit " + unit.describe() + " is not prototype-scoped; declare it with "
                        + "@Component(scope = ServiceScope.PROTOTYPE) so each environment gets its own instance");
            }
        }
        return problems;
    }

    /** Every (type, model) that some unit serves somewhere in the backend's chain. */
    public Set<TypeAndModel> lookupsFor(DeclaredBackend backend) {
        Set<String> levels = backend.chain().stream().map(b -> b.name()).collect(Collectors.toSet());
        Set<TypeAndModel> lookups = new TreeSet<>();
        for (UnitDescriptor unit : units) {
            if (levels.contains(unit.backend())) {
                for (String type : unit.types()) {
                    for (String model : unit.models()) {
                        lookups.add(new TypeAndModel(type, model));
                    }
                }
            }
        }
        return lookups;
    }

    /** The unit for (backend, type, model): one hash probe once computed. */
    public Resolution resolve(String backend, String type, String model) {
        LookupKey key = new LookupKey(backend, type, model);
        Resolution resolution = cache.get(key);
        if (resolution == null) {
            resolution = compute(backend, type, model);
            Resolution raced = cache.putIfAbsent(key, resolution);
            if (raced != null) {
                resolution = raced;
            }
        }
        return resolution;
    }

    private Resolution compute(String backendName, String type, String model) {
        DeclaredBackend backend = backends.get(backendName);
        if (backend == null) {
            return Resolution.failed(unknownBackendMessage(backendName), UnknownBackendException::new, List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        String decidingLevel = null;
        Resolution decided = null;  // the deciding level's outcome; its candidates are in 'candidates'
        for (var level : backend.chain()) {
            List<UnitDescriptor> here = unitsByLevel.getOrDefault(new LookupKey(level.name(), type, model), List.of());
            if (here.isEmpty()) {
                continue;
            }
            if (decidingLevel != null) {
                for (UnitDescriptor unit : sorted(here)) {
                    candidates.add(new Candidate(unit, level.name(), Status.OVERRIDDEN, "overridden by " + decidingLevel));
                }
                continue;
            }
            decidingLevel = level.name();
            decided = decideLevel(backend, level.name(), type, model, here, candidates);
        }
        if (decided == null) {
            return Resolution.failed("No unit of type " + type + " for model '" + model + "' on backend "
                    + backendName + " (searched " + chainText(backend) + ")", NoUnitException::new, candidates);
        }
        return decided.withCandidates(candidates);
    }

    /** Applies {@code replacing}, then ranking, to the units of one level; fills in the candidates. */
    private Resolution decideLevel(DeclaredBackend backend, String level, String type, String model,
            List<UnitDescriptor> here, List<Candidate> candidates) {
        Map<UnitDescriptor, List<String>> replacedBy = new LinkedHashMap<>();
        for (UnitDescriptor unit : here) {
            for (UnitDescriptor other : here) {
                if (other != unit && other.replacing().contains(unit.name())) {
                    replacedBy.computeIfAbsent(unit, u -> new ArrayList<>()).add(other.name());
                }
            }
        }
        List<UnitDescriptor> remaining = sorted(here.stream().filter(u -> !replacedBy.containsKey(u)).toList());
        List<Candidate> levelCandidates = new ArrayList<>();
        replacedBy.forEach((unit, replacers) -> levelCandidates.add(new Candidate(unit, level, Status.REPLACED,
                "replaced by " + String.join(", ", replacers))));
        String lookup = "type " + type + ", model '" + model + "' on backend " + backend.name();
        candidates.addAll(levelCandidates);
        if (remaining.isEmpty()) {
            return Resolution.failed("Units on " + level + " replace each other in a cycle, so none serves " + lookup
                    + ": " + here.stream().map(u -> u.describe() + " replacing " + u.replacing())
                            .collect(Collectors.joining("; ")), ConnectorException::new, List.of());
        }
        UnitDescriptor top = remaining.get(0);
        List<UnitDescriptor> tied = remaining.stream().filter(u -> u.ranking() == top.ranking()).toList();
        for (UnitDescriptor unit : remaining) {
            if (unit.ranking() < top.ranking()) {
                candidates.add(new Candidate(unit, level, Status.LOWER_RANKING, "service.ranking "
                        + unit.ranking() + " is below " + top.ranking() + " of " + top.name()));
            }
        }
        if (tied.size() > 1) {
            for (UnitDescriptor unit : tied) {
                candidates.add(0, new Candidate(unit, level, Status.AMBIGUOUS, "same service.ranking "
                        + unit.ranking() + " as " + tied.stream().filter(u -> u != unit)
                                .map(UnitDescriptor::name).collect(Collectors.joining(", "))));
            }
            return Resolution.failed("Ambiguous unit for " + lookup + ": " + tied.size() + " units on " + level
                    + " have service.ranking " + top.ranking() + ": "
                    + tied.stream().map(u -> u.describe() + (u.replacing().isEmpty() ? " replacing nothing"
                            : " replacing " + String.join(", ", new TreeSet<>(u.replacing()))))
                            .collect(Collectors.joining("; "))
                    + ". Give one a higher service.ranking, or make one replace the other.",
                    AmbiguousUnitException::new, List.of());
        }
        candidates.add(0, new Candidate(top, level, Status.WINS,
                level.equals(backend.name()) ? "registered on " + level : "inherited from " + level));
        return Resolution.found(top, level, List.of());
    }

    private static List<UnitDescriptor> sorted(List<UnitDescriptor> units) {
        List<UnitDescriptor> copy = new ArrayList<>(units);
        copy.sort(PRECEDENCE);
        return copy;
    }

    public String unknownBackendMessage(String name) {
        return "Unknown backend '" + name + "'. " + declaredBackendsText();
    }

    public String declaredBackendsText() {
        return "Declared backends: "
                + (backends.isEmpty() ? "none (is a backend feature installed?)" : String.join(", ", backends.keySet()));
    }

    /** A unit type and a model, ordered for display. */
    public record TypeAndModel(String type, String model) implements Comparable<TypeAndModel> {
        @Override
        public int compareTo(TypeAndModel o) {
            int byType = type.compareTo(o.type);
            return byType != 0 ? byType : model.compareTo(o.model);
        }
    }
}
