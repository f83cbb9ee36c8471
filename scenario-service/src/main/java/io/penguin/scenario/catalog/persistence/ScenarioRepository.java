package io.penguin.scenario.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ScenarioRepository implements PanacheRepositoryBase<ScenarioEntity, String> {

    /** One page of the scenarios matching a filter, in id order. */
    public List<ScenarioEntity> page(ScenarioFilter filter, int page, int size) {
        Query query = where(filter);
        return find(query.jpql, Sort.by("id"), query.parameters)
                .page(page, size)
                .list();
    }

    public long count(ScenarioFilter filter) {
        Query query = where(filter);
        return count(query.jpql, query.parameters);
    }

    /**
     * The scenarios matching a filter: all of them in id order, or a sample of {@code sample} drawn by ordering on a
     * hash of (seed, id), so the same seed always draws the same scenarios; at most {@code limit} when given.
     */
    public List<ScenarioEntity> select(ScenarioFilter filter, Integer sample, long seed, Integer limit) {
        Query query = where(filter);
        if (sample == null) {
            var found = find(query.jpql, Sort.by("id"), query.parameters);
            return limit == null ? found.list() : found.range(0, limit - 1).list();
        }
        String jpql = "from ScenarioEntity" + (query.jpql.isEmpty() ? "" : " where " + query.jpql)
                + " order by function('md5', concat(:seed, id)), id";
        var typed = getEntityManager().createQuery(jpql, ScenarioEntity.class);
        query.parameters.map().forEach(typed::setParameter);
        return typed.setParameter("seed", Long.toString(seed) + ":")
                .setMaxResults(limit == null ? sample : Math.min(sample, limit))
                .getResultList();
    }

    /** Per domain and split: {domain, split, count}. */
    public List<Object[]> countByDomainAndSplit(ScenarioFilter filter) {
        Query query = where(filter);
        String jpql = "select domain, split, count(*) from ScenarioEntity"
                + (query.jpql.isEmpty() ? "" : " where " + query.jpql) + " group by domain, split";
        var typed = getEntityManager().createQuery(jpql, Object[].class);
        query.parameters.map().forEach(typed::setParameter);
        return typed.getResultList();
    }

    public List<ScenarioEntity> byIds(Collection<String> ids) {
        return list("id in ?1", ids);
    }

    private record Query(String jpql, Parameters parameters) {}

    private static Query where(ScenarioFilter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!filter.domains().isEmpty()) {
            clauses.add("domain in :domains");
            parameters.and(
                    "domains",
                    filter.domains().stream().map(domain -> domain.label()).toList());
        }
        if (!filter.subcategories().isEmpty()) {
            clauses.add("subcategory in :subcategories");
            parameters.and("subcategories", filter.subcategories());
        }
        if (!filter.issues().isEmpty()) {
            clauses.add("issue in :issues");
            parameters.and("issues", filter.issues());
        }
        if (filter.split() != null) {
            clauses.add("split = :split");
            parameters.and("split", filter.split());
        }
        if (filter.source() != null) {
            clauses.add("source = :source");
            parameters.and("source", filter.source());
        }
        return new Query(String.join(" and ", clauses), parameters);
    }
}
