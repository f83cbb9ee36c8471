package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    @Test
    void holdsSevenDomainsOfTwentyIssuesEach() {
        Taxonomy taxonomy = Taxonomy.standard();
        assertThat(taxonomy.issues()).hasSize(140);
        Arrays.stream(Domain.values())
                .forEach(domain -> assertThat(taxonomy.issuesOf(domain)).hasSize(20));
    }

    @Test
    void placesAnIssueInItsDomainAndSubcategory() {
        Taxonomy.IssuePlace place = Taxonomy.standard().require("Breakup/Divorce");
        assertThat(place.domain()).isEqualTo(Domain.RELATIONSHIP);
        assertThat(place.subcategory()).isEqualTo("Romantic Relationships");
    }

    @Test
    void rejectsAnUnknownIssueByName() {
        assertThatThrownBy(() -> Taxonomy.standard().require("Alien Abduction"))
                .hasMessageContaining("Alien Abduction");
    }
}
