package io.penguin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    static Map<String, String> referenceProfile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Age", "19");
        values.put("Gender", "Female");
        values.put("Marital Status", "Single");
        values.put("Profession", "Student");
        values.put("Economic Status", "Low income");
        values.put("Health Status", "Good");
        values.put("Education Level", "High school");
        values.put("Mental Health Status", "Depression");
        values.put("Past Self-Harm History", "Yes, two years ago");
        values.put("Emotional State", "Hopeless");
        return values;
    }

    @Test
    void roundTripsTheReferenceJsonShape() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Profile profile = mapper.readValue(mapper.writeValueAsString(referenceProfile()), Profile.class);
        assertThat(profile.get(Attribute.PAST_SELF_HARM_HISTORY)).isEqualTo("Yes, two years ago");
        assertThat(mapper.readValue(mapper.writeValueAsString(profile), Map.class))
                .isEqualTo(referenceProfile());
    }

    @Test
    void neverPrintsAttributeValues() {
        Profile profile = Profile.fromLabels(referenceProfile());
        assertThat(profile.toString()).doesNotContain("Depression", "Hopeless", "19");
    }

    @Test
    void restrictsToTheVisibleAttributes() {
        Profile profile = Profile.fromLabels(referenceProfile());
        assertThat(profile.restrictTo(List.of(Attribute.EMOTIONAL_STATE))).containsOnlyKeys(Attribute.EMOTIONAL_STATE);
    }

    @Test
    void rejectsAnIncompleteProfileNamingTheMissingAttribute() {
        Map<String, String> values = referenceProfile();
        values.remove("Emotional State");
        assertThatThrownBy(() -> Profile.fromLabels(values)).hasMessageContaining("Emotional State");
    }

    @Test
    void rejectsAnUnknownAttributeNamingIt() {
        Map<String, String> values = referenceProfile();
        values.put("Star Sign", "Leo");
        assertThatThrownBy(() -> Profile.fromLabels(values)).hasMessageContaining("Star Sign");
    }
}
