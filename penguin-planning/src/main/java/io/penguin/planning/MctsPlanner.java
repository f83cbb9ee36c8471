package io.penguin.planning;

import io.penguin.core.Attribute;
import io.penguin.core.RubricScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * UCT Monte Carlo tree search over attribute-acquisition paths. A node is the set of attributes known after asking
 * the attributes on its path; an action asks one more; a rollout completes the budget at random. The reward of an
 * iteration is the best of the expanded node's own reward and its rollout's final reward, because a path may stop
 * before the budget; nodes back up the maximum (single-player MCTS: the reward is deterministic).
 *
 * <p>Cheaper than the reference code: evaluations are memoized by set (revisits and transpositions cost nothing);
 * when a node is first expanded all its children are evaluated together, concurrently, and expanded best first;
 * rollouts draw each next attribute by a softmax over its known gain (the child's evaluated reward where the memo has
 * it, else the attribute's gain alone at the root), so they cost no extra calls to steer; the iterations of a batch
 * are selected together with virtual loss and evaluated concurrently; and the search stops once the best value found
 * has not improved for {@code patience} iterations after the sweep over the first
 * question or reaches the rubric's maximum.
 *
 * <p>Deterministic: the action order of each node and the rollouts come from one random stream seeded by the
 * settings, and evaluations are awaited and backed up in selection order, so timing never changes the path.
 */
public final class MctsPlanner {

    static final double EPSILON = 1e-9;
    private static final double MIN = RubricScores.MIN;
    private static final double MAX = RubricScores.MAX;

    public SearchResult plan(MemoizedReward reward, SearchSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] prior = new double[AttributeSets.ALL.length];
        {
            List<Integer> singles = new ArrayList<>();
            singles.add(0);
            for (Attribute attribute : AttributeSets.ALL) {
                singles.add(AttributeSets.with(0, attribute));
            }
            reward.prefetch(singles);
            double empty = reward.reward(0);
            for (Attribute attribute : AttributeSets.ALL) {
                prior[attribute.ordinal()] = (reward.reward(AttributeSets.with(0, attribute)) - empty) / (MAX - MIN);
            }
        }
        Node root = new Node(null, null, 0, random, prior);
        Candidate best = new Candidate(List.of(), reward.reward(0));
        int iterations = 0;
        int sinceImprovement = 0;
        boolean stoppedEarly = false;
        while (iterations < settings.rollouts()) {
            if (best.reward >= MAX - EPSILON || (settings.patience() > 0 && sinceImprovement >= settings.patience())) {
                stoppedEarly = true;
                break;
            }
            int width = Math.min(settings.batch(), settings.rollouts() - iterations);
            List<Pending> batch = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                Node leaf = select(root, settings);
                if (leaf.depth < settings.budget() && leaf.hasUntried() && !leaf.prefetched) {
                    leaf.prefetched = true;
                    List<Integer> children = new ArrayList<>();
                    for (Attribute attribute : leaf.untried) {
                        children.add(AttributeSets.with(leaf.mask, attribute));
                    }
                    reward.prefetch(children);
                    int parentMask = leaf.mask;
                    leaf.untried.sort(Comparator.comparingDouble(
                            attribute -> reward.reward(AttributeSets.with(parentMask, attribute))));
                }
                Node node = leaf.depth < settings.budget() && leaf.hasUntried() ? leaf.expand(random, prior) : leaf;
                List<Attribute> rollout = rollout(node, settings.budget(), random, prior, reward);
                for (Node up = node; up != null; up = up.parent) {
                    up.virtual++;
                }
                batch.add(new Pending(node, rollout));
            }
            Set<Integer> masks = new LinkedHashSet<>();
            for (Pending pending : batch) {
                masks.add(pending.node.mask);
                masks.add(pending.terminalMask());
            }
            reward.prefetch(masks);
            for (Pending pending : batch) {
                double own = reward.reward(pending.node.mask);
                double terminal = reward.reward(pending.terminalMask());
                List<Attribute> nodePath = pending.node.path();
                List<Attribute> fullPath = new ArrayList<>(nodePath);
                fullPath.addAll(pending.rollout);
                Candidate before = best;
                best = best.better(new Candidate(nodePath, own)).better(new Candidate(fullPath, terminal));
                boolean improved = best.reward > before.reward + EPSILON;
                double normalised = (Math.max(own, terminal) - MIN) / (MAX - MIN);
                pending.node.best = Math.max(pending.node.best, (own - MIN) / (MAX - MIN));
                for (Node up = pending.node; up != null; up = up.parent) {
                    up.virtual--;
                    up.visits++;
                    up.best = Math.max(up.best, normalised);
                }
                iterations++;
                // The first sweep over the root's children is not a sign of stability: count from after it.
                sinceImprovement = improved || root.hasUntried() ? 0 : sinceImprovement + 1;
            }
        }
        List<Attribute> path = shortestPrefix(best, reward);
        return new SearchResult(path, best.reward, reward.evaluations(), iterations, stoppedEarly);
    }

    private static Node select(Node root, SearchSettings settings) {
        Node node = root;
        while (node.depth < settings.budget() && !node.hasUntried() && !node.children.isEmpty()) {
            Node chosen = null;
            double chosenScore = Double.NEGATIVE_INFINITY;
            double logParent = Math.log(Math.max(1, node.visits + node.virtual));
            for (Node child : node.children) {
                int n = child.visits + child.virtual;
                double score = n == 0
                        ? Double.POSITIVE_INFINITY
                        : q(child) + settings.exploration() * Math.sqrt(logParent / n);
                if (score > chosenScore) {
                    chosen = child;
                    chosenScore = score;
                }
            }
            node = chosen;
        }
        return node;
    }

    /**
     * The exploitation term: the best normalised reward seen below the child (single-player MCTS backs up the
     * maximum, since the reward is deterministic and only the best path matters); 0 while only virtually visited.
     */
    private static double q(Node child) {
        return child.visits == 0 ? 0 : child.best;
    }

    /** Softmax temperature of the rollout policy, in normalised reward units. */
    static final double TAU = 0.02;

    private static List<Attribute> rollout(
            Node node, int budget, SplittableRandom random, double[] prior, MemoizedReward reward) {
        List<Attribute> remaining = new ArrayList<>();
        for (Attribute attribute : AttributeSets.ALL) {
            if (!AttributeSets.contains(node.mask, attribute)) {
                remaining.add(attribute);
            }
        }
        List<Attribute> rollout = new ArrayList<>();
        while (node.depth + rollout.size() < budget && !remaining.isEmpty()) {
            int mask = node.mask | AttributeSets.mask(rollout);
            rollout.add(remaining.remove(sample(remaining, gains(mask, remaining, prior, reward), random)));
        }
        return rollout;
    }

    private static double[] gains(int mask, List<Attribute> remaining, double[] prior, MemoizedReward reward) {
        double[] gains = new double[remaining.size()];
        Double here = reward.known(mask);
        for (int i = 0; i < gains.length; i++) {
            Attribute attribute = remaining.get(i);
            Double there = here == null ? null : reward.known(AttributeSets.with(mask, attribute));
            gains[i] = there == null ? prior[attribute.ordinal()] : (there - here) / (MAX - MIN);
        }
        return gains;
    }

    private static int sample(List<Attribute> remaining, double[] gains, SplittableRandom random) {
        double[] weights = new double[remaining.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(gains[i] / TAU);
            sum += weights[i];
        }
        double draw = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The shortest prefix of the best path whose (already evaluated) reward is as good: ask no more than needed. */
    private static List<Attribute> shortestPrefix(Candidate best, MemoizedReward reward) {
        int mask = 0;
        for (int length = 0; length < best.path.size(); length++) {
            Double known = reward.known(mask);
            if (known != null && known >= best.reward - EPSILON) {
                return best.path.subList(0, length);
            }
            mask = AttributeSets.with(mask, best.path.get(length));
        }
        return best.path;
    }

    private record Candidate(List<Attribute> path, double reward) {

        /** The better of two; among equally good ones the shorter, then the one found first. */
        Candidate better(Candidate other) {
            if (other.reward > reward + EPSILON) {
                return other;
            }
            if (other.reward > reward - EPSILON && other.path.size() < path.size()) {
                return other;
            }
            return this;
        }
    }

    private record Pending(Node node, List<Attribute> rollout) {

        int terminalMask() {
            return AttributeSets.mask(rollout) | node.mask;
        }
    }

    private static final class Node {

        final Node parent;
        final Attribute action;
        final int mask;
        final int depth;
        final List<Node> children = new ArrayList<>();
        final List<Attribute> untried = new ArrayList<>();
        int visits;
        int virtual;
        double best;
        boolean prefetched;

        Node(Node parent, Attribute action, int mask, SplittableRandom random, double[] prior) {
            this.parent = parent;
            this.action = action;
            this.mask = mask;
            this.depth = parent == null ? 0 : parent.depth + 1;
            for (Attribute attribute : AttributeSets.ALL) {
                if (!AttributeSets.contains(mask, attribute)) {
                    untried.add(attribute);
                }
            }
            for (int i = untried.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Attribute swap = untried.get(i);
                untried.set(i, untried.get(j));
                untried.set(j, swap);
            }
            // expand() takes from the end: the most promising action first; the shuffle breaks ties
            untried.sort(Comparator.comparingDouble(a -> prior[a.ordinal()]));
        }

        boolean hasUntried() {
            return !untried.isEmpty();
        }

        Node expand(SplittableRandom random, double[] prior) {
            Attribute attribute = untried.remove(untried.size() - 1);
            Node child = new Node(this, attribute, AttributeSets.with(mask, attribute), random, prior);
            children.add(child);
            return child;
        }

        List<Attribute> path() {
            List<Attribute> path = new ArrayList<>(depth);
            for (Node node = this; node.parent != null; node = node.parent) {
                path.add(0, node.action);
            }
            return path;
        }
    }
}
