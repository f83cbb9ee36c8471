package io.penguin.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user profile: a value for each of the ten attributes. Values are sensitive (mental health, self-harm), so
 * {@link #toString()} never prints them.
 */
public final class Profile {

    private final Map<Attribute, String> values;

    private Profile(Map<Attribute, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A complete profile; every attribute must have a non-blank value. */
    public static Profile of(Map<Attribute, String> values) {
        EnumMap<Attribute, String> copy = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            String value = values.get(attribute);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("profile is missing a value for '" + attribute.label() + "'");
            }
            copy.put(attribute, value.trim());
        }
        return new Profile(copy);
    }

    /** Reads the reference JSON shape: attribute labels as keys. Unknown keys are an error that names them. */
    @JsonCreator
    public static Profile fromLabels(Map<String, String> byLabel) {
        if (byLabel == null) {
            throw new IllegalArgumentException("profile is missing");
        }
        EnumMap<Attribute, String> values = new EnumMap<>(Attribute.class);
        byLabel.forEach((label, value) -> values.put(Attribute.fromLabel(label), value));
        return of(values);
    }

    @JsonValue
    public Map<String, String> toLabels() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        values.forEach((attribute, value) -> byLabel.put(attribute.label(), value));
        return byLabel;
    }

    public String get(Attribute attribute) {
        return values.get(attribute);
    }

    /** The values a condition lets a model see, in attribute order. */
    public Map<Attribute, String> restrictTo(Collection<Attribute> visible) {
        EnumMap<Attribute, String> restricted = new EnumMap<>(Attribute.class);
        for (Attribute attribute : visible) {
            restricted.put(attribute, values.get(attribute));
        }
        return Collections.unmodifiableMap(restricted);
    }

    public Map<Attribute, String> all() {
        return values;
    }

    public Optional<String> find(Attribute attribute) {
        return Optional.ofNullable(values.get(attribute));
    }

    public Set<Attribute> attributes() {
        return values.keySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Profile profile && profile.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Profile[" + values.size() + " attributes, values redacted]";
    }
}
