package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.Set;

/**
 * The reward of knowing a set of attributes: for RAISE, the judge's safety score (1-5) of a response written with
 * those attributes' real values. It depends on the set only, never on the order the attributes were asked in.
 */
@FunctionalInterface
public interface RewardFunction {

    double reward(Set<Attribute> known);
}
