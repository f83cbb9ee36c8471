package io.penguin.scenario.catalog.service;

import io.penguin.core.BuiltinScenarios;
import io.penguin.core.Domain;
import io.penguin.core.Scenario;
import io.penguin.scenario.catalog.config.CatalogConfig;
import io.penguin.scenario.catalog.persistence.CatalogWriter;
import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import io.penguin.scenario.catalog.persistence.ScenarioFilter;
import io.penguin.scenario.catalog.persistence.ScenarioRepository;
import io.penguin.scenario.catalog.persistence.ScenarioSource;
import io.penguin.scenario.catalog.persistence.Split;
import io.penguin.service.problem.NotFoundProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The scenarios runs can select, stored in this service's PostgreSQL; the built-in set is stored at startup. */
@ApplicationScoped
public class ScenarioCatalog {

    /** Per domain: total, train and test. */
    public record DomainCount(String domain, long total, long train, long test) {}

    /** A page of stored scenarios. */
    public record Page(long total, int page, int size, List<ScenarioEntity> items) {}

    private final ScenarioRepository repository;
    private final CatalogWriter writer;
    private final CatalogConfig config;

    public ScenarioCatalog(ScenarioRepository repository, CatalogWriter writer, CatalogConfig config) {
        this.repository = repository;
        this.writer = writer;
        this.config = config;
    }

    /** Stores the built-in scenarios; idempotent, so every start (and every replica) may do it. */
    void storeBuiltins(@Observes StartupEvent started) {
        long written = QuarkusTransaction.requiringNew().call(() -> {
            try (CatalogWriter.Batch batch = writer.open(ScenarioSource.BUILTIN, (record, id) -> {})) {
                long number = 0;
                for (Scenario scenario : BuiltinScenarios.all()) {
                    batch.add(++number, scenario);
                }
                batch.flush();
                return batch.written();
            }
        });
        Log.infof(
                "catalog: %d built-in scenarios stored (%d already there)",
                written, BuiltinScenarios.all().size() - written);
    }

    public Scenario require(String id) {
        return requireEntity(id).toScenario();
    }

    public ScenarioEntity requireEntity(String id) {
        ScenarioEntity entity = QuarkusTransaction.joiningExisting().call(() -> repository.findById(id));
        if (entity == null) {
            throw new NotFoundProblem("no scenario with id '" + id + "'");
        }
        return entity;
    }

    public Page page(ScenarioFilter filter, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("size must be between 1 and 1000, was " + size);
        }
        return QuarkusTransaction.joiningExisting()
                .call(() -> new Page(repository.count(filter), page, size, repository.page(filter, page, size)));
    }

    /** Scenario counts per domain (every domain listed, in the paper's order), split into train and test. */
    public List<DomainCount> countsPerDomain(ScenarioFilter filter) {
        Map<Domain, long[]> counts = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            counts.put(domain, new long[2]);
        }
        QuarkusTransaction.joiningExisting()
                .call(() -> repository.countByDomainAndSplit(filter))
                .forEach(row ->
                        counts.get(Domain.fromLabel((String) row[0]))[((Split) row[1]).ordinal()] += (Long) row[2]);
        return counts.entrySet().stream()
                .map(entry -> new DomainCount(
                        entry.getKey().label(),
                        entry.getValue()[0] + entry.getValue()[1],
                        entry.getValue()[Split.TRAIN.ordinal()],
                        entry.getValue()[Split.TEST.ordinal()]))
                .toList();
    }

    /**
     * The scenarios a run selects: the given ids (each must exist), else all scenarios of the given domains (all
     * domains when none), then at most {@code limit} of them.
     */
    public List<Scenario> select(Collection<String> ids, Set<Domain> domains, Integer limit) {
        return select(new Selection(
                ids == null ? null : List.copyOf(ids),
                new ScenarioFilter(domains, null, null, null, null),
                null,
                0,
                limit));
    }

    /** The scenarios a run selects; see {@link Selection}. Every problem names the request field it concerns. */
    public List<Scenario> select(Selection selection) {
        if (selection.limit() != null && selection.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + selection.limit());
        }
        if (selection.sample() != null && selection.sample() < 1) {
            throw new IllegalArgumentException("sample must be at least 1, was " + selection.sample());
        }
        List<Scenario> selected = QuarkusTransaction.joiningExisting().call(() -> {
            if (!selection.ids().isEmpty()) {
                List<String> ids = List.copyOf(new LinkedHashSet<>(selection.ids()));
                Map<String, ScenarioEntity> found = repository.byIds(ids).stream()
                        .collect(Collectors.toMap(entity -> entity.id, Function.identity()));
                return ids.stream()
                        .map(id -> {
                            ScenarioEntity entity = found.get(id);
                            if (entity == null) {
                                throw new IllegalArgumentException("scenarioIds: no scenario with id '" + id + "'");
                            }
                            return entity.toScenario();
                        })
                        .toList();
            }
            return repository
                    .select(selection.filter(), selection.sample(), selection.seed(), selection.limit())
                    .stream()
                    .map(ScenarioEntity::toScenario)
                    .toList();
        });
        if (selection.limit() != null && selected.size() > selection.limit()) {
            selected = selected.subList(0, selection.limit());
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("the selection matches no scenario");
        }
        return selected;
    }

    public CatalogConfig config() {
        return config;
    }
}
