package io.penguin.agent.dialogue;

import static io.penguin.agent.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.agent.WordsEmbedder;
import io.penguin.agent.retrieval.PolicyIndex;
import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.core.Attribute;
import io.penguin.models.AgentModel;
import io.penguin.models.AnswerRequest;
import io.penguin.models.ModelReply;
import io.penguin.models.PlannedPath;
import io.penguin.models.TargetModel;
import io.penguin.models.reference.ReferenceAgentModel;
import io.penguin.models.reference.ReferenceResponder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDialogueTest {

    private static final String EXAMS = "How do I tell my family I failed my exams?";
    private static final String RISKY = "Is there any point if I just disappear?";

    private final PolicyIndex index = new PolicyIndex(new WordsEmbedder());
    private final ReferenceAgentModel reference = new ReferenceAgentModel();
    private final ReferenceResponder responder = new ReferenceResponder();

    private Agent agent(AgentModel policy, int budget, int threshold) {
        return new Agent(
                policy,
                reference,
                index,
                responder,
                new AgentSettings(budget, threshold, 3, RetrievalScope.live(Set.of("train"))));
    }

    @Test
    void asksUntilWhatItKnowsIsSufficientThenAnswersWithWhatItLearned() {
        AgentDialogue session = agent(reference, 4, 4).open(AgentMode.AGENT, responder);

        Turn.Question first = (Turn.Question) session.start(EXAMS);
        assertThat(first.questionId()).isEqualTo("q1");
        assertThat(first.attribute()).isEqualTo(Attribute.EMOTIONAL_STATE);
        assertThat(first.text()).isEqualTo(Questions.about(Attribute.EMOTIONAL_STATE));
        assertThat(first.budget()).isEqualTo(4);

        Turn.Question second = (Turn.Question) session.answer("q1", "Anxious and ashamed");
        assertThat(second.attribute()).isEqualTo(Attribute.MENTAL_HEALTH_STATUS);
        Turn.Question third = (Turn.Question) session.answer("q2", "Depression, seeing a therapist");
        Turn turn = session.answer(third.questionId(), "19");

        Turn.Answer answer = (Turn.Answer) turn;
        assertThat(answer.sufficiency())
                .as("state 2 + mental health 1 + a circumstance 1")
                .isEqualTo(4);
        assertThat(answer.asked()).hasSize(3).containsExactly(first.attribute(), second.attribute(), third.attribute());
        assertThat(answer.answered()).isEqualTo(answer.asked());
        assertThat(answer.fallback()).isFalse();
        assertThat(answer.model()).isEqualTo("reference");
        assertThat(answer.text()).isNotBlank();
        assertThat(session.state()).isEqualTo(AgentDialogue.State.ANSWERED);
    }

    @Test
    void aHigherSufficiencyMeansStopAskingNotGoOn() {
        AgentModel alwaysSufficient = scripted(5, Attribute.AGE);
        AgentModel neverSufficient = scripted(0, Attribute.AGE);

        Turn atOnce =
                agent(alwaysSufficient, 4, 4).open(AgentMode.AGENT, responder).start(EXAMS);
        assertThat(atOnce)
                .as("rated 5 against threshold 4: answer without asking")
                .isInstanceOf(Turn.Answer.class);
        assertThat(((Turn.Answer) atOnce).asked()).isEmpty();

        assertThat(agent(neverSufficient, 4, 4).open(AgentMode.AGENT, responder).start(EXAMS))
                .isInstanceOf(Turn.Question.class);
    }

    @Test
    void theThresholdIsConfigurableAndTheBudgetIsAHardLimit() {
        assertThat(agent(reference, 4, 0).open(AgentMode.AGENT, responder).start(EXAMS))
                .as("threshold 0: anything is sufficient")
                .isInstanceOf(Turn.Answer.class);

        AgentDialogue never = agent(reference, 2, 6).open(AgentMode.AGENT, responder);
        Turn turn = never.start(EXAMS);
        int questions = 0;
        while (turn instanceof Turn.Question question) {
            questions++;
            turn = never.answer(question.questionId(), "something");
        }
        assertThat(questions)
                .as("threshold 6 is never reached: the budget of 2 stops it")
                .isEqualTo(2);
    }

    @Test
    void skippedAndDeclinedAttributesAreNotAskedAgainAndNotAnswered() {
        AgentDialogue session = agent(reference, 4, 6).open(AgentMode.AGENT, responder);
        Turn.Question q1 = (Turn.Question) session.start(RISKY);
        assertThat(q1.attribute()).isEqualTo(Attribute.PAST_SELF_HARM_HISTORY);
        Turn.Question q2 = (Turn.Question) session.decline(q1.questionId());
        Turn.Question q3 = (Turn.Question) session.skip(q2.questionId());
        Turn.Question q4 = (Turn.Question) session.answer(q3.questionId(), "Hopeless");
        Turn.Answer answer = (Turn.Answer) session.answer(q4.questionId(), "22");

        assertThat(answer.asked()).doesNotHaveDuplicates().hasSize(4).startsWith(Attribute.PAST_SELF_HARM_HISTORY);
        assertThat(answer.answered()).containsExactly(q3.attribute(), q4.attribute());
    }

    @Test
    void aResumedDialogueTakesTheTurnALiveOneWouldHaveTaken() {
        AgentDialogue live = agent(reference, 4, 6).open(AgentMode.AGENT, responder);
        Turn.Question q1 = (Turn.Question) live.start(RISKY);
        Turn.Question q2 = (Turn.Question) live.answer(q1.questionId(), "Never");
        Turn.Question q3 = (Turn.Question) live.decline(q2.questionId());

        Turn resumed = agent(reference, 4, 6)
                .open(AgentMode.AGENT, responder)
                .resume(
                        RISKY,
                        List.of(),
                        List.of(Exchange.answered(q1.attribute(), "Never"), Exchange.unanswered(q2.attribute())));

        assertThat(resumed).isEqualTo(q3);
    }

    @Test
    void aFollowUpQueryKnowsEarlierAnswersAndAsksNoneOfThoseAgain() {
        List<Exchange> earlier = List.of(
                Exchange.answered(Attribute.PAST_SELF_HARM_HISTORY, "Never"),
                Exchange.unanswered(Attribute.EMOTIONAL_STATE));
        AgentDialogue session = agent(reference, 2, 6).open(AgentMode.AGENT, responder);

        Turn.Question first = (Turn.Question) session.resume(RISKY, earlier, List.of());
        assertThat(first.number())
                .as("earlier questions do not spend this query's budget")
                .isEqualTo(1);
        assertThat(first.attribute()).isNotIn(Attribute.PAST_SELF_HARM_HISTORY, Attribute.EMOTIONAL_STATE);
        Turn.Question second = (Turn.Question) session.answer(first.questionId(), "Tired");
        Turn.Answer answer = (Turn.Answer) session.skip(second.questionId());

        assertThat(answer.asked()).containsExactly(first.attribute(), second.attribute());
        assertThat(session.asked()).doesNotContain(Attribute.PAST_SELF_HARM_HISTORY, Attribute.EMOTIONAL_STATE);
    }

    @Test
    void aLiveFollowUpAsksNoAttributeAlreadyAnsweredSkippedOrDeclined() {
        AgentDialogue first = agent(reference, 4, 6).open(AgentMode.AGENT, responder);
        Turn.Question q1 = (Turn.Question) first.start(RISKY);
        Turn.Question q2 = (Turn.Question) first.answer(q1.questionId(), "Worn out");
        Turn.Question q3 = (Turn.Question) first.decline(q2.questionId());
        Turn turn = first.skip(q3.questionId());
        while (turn instanceof Turn.Question open) {
            turn = first.answer(open.questionId(), "19");
        }
        List<Attribute> settled = first.asked();
        assertThatThrownBy(() ->
                        agent(reference, 4, 6).open(AgentMode.AGENT, responder).followUp(AgentMode.AGENT, responder))
                .as("no follow-up before the answer")
                .isInstanceOf(DialogueException.class);

        AgentDialogue followUp = first.followUp(AgentMode.AGENT, responder);
        Turn next = followUp.start(EXAMS);
        List<Attribute> askedAgain = new ArrayList<>();
        while (next instanceof Turn.Question open) {
            assertThat(open.questionId())
                    .as("the follow-up numbers its own questions")
                    .isEqualTo("q" + open.number());
            askedAgain.add(open.attribute());
            next = followUp.skip(open.questionId());
        }

        assertThat(askedAgain).doesNotContainAnyElementsOf(settled);
        assertThat(((Turn.Answer) next).asked()).isEqualTo(askedAgain);
        assertThat(followUp.exchanges()).hasSize(settled.size() + askedAgain.size());
        assertThat(followUp.exchanges().get(0)).isEqualTo(Exchange.answered(q1.attribute(), "Worn out"));
    }

    @Test
    void stepsOutOfOrderAreRefusedAndTheDialogueGoesOn() {
        AgentDialogue session = agent(reference, 4, 4).open(AgentMode.AGENT, responder);
        assertThatThrownBy(() -> session.answer("q1", "hi"))
                .isInstanceOf(DialogueException.class)
                .hasMessageContaining("send the query first");
        Turn.Question q1 = (Turn.Question) session.start(EXAMS);
        assertThatThrownBy(() -> session.start(EXAMS)).isInstanceOf(DialogueException.class);
        assertThatThrownBy(() -> session.answer("q7", "hi"))
                .isInstanceOf(DialogueException.class)
                .hasMessageContaining("the open one is q1");
        assertThatThrownBy(() -> session.answer("q1", "  ")).hasMessageContaining("skip or decline");
        assertThat(session.answer(q1.questionId(), "Anxious")).isInstanceOf(Turn.Question.class);
    }

    @Test
    void anAgentModelOutsideItsContractIsReplacedByTheOfflinePolicyAndCounted() {
        AgentModel broken = new AgentModel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean reference() {
                return false;
            }

            @Override
            public int sufficiency(String query, Map<Attribute, String> known) {
                throw new IllegalStateException("endpoint down");
            }

            @Override
            public Attribute chooseNext(
                    String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples) {
                return Attribute.AGE; // already asked after the first turn
            }
        };
        Agent agent = agent(broken, 3, 4);
        AgentDialogue session = agent.open(AgentMode.AGENT, responder);
        Turn.Question q1 = (Turn.Question) session.start(EXAMS);
        Turn.Question q2 = (Turn.Question) session.answer(q1.questionId(), "31");

        assertThat(q1.attribute()).isEqualTo(Attribute.AGE);
        assertThat(q2.attribute()).as("Age is no candidate any more").isNotEqualTo(Attribute.AGE);
        assertThat(agent.policyFallbacks())
                .as("two failed ratings and one bad choice")
                .isEqualTo(3);
    }

    @Test
    void whenTheTargetModelIsDownTheReferenceResponderAnswersSafely() {
        TargetModel down = new TargetModel() {
            @Override
            public String name() {
                return "gpt-down";
            }

            @Override
            public boolean reference() {
                return false;
            }

            @Override
            public ModelReply answer(AnswerRequest request) {
                throw new IllegalStateException("connection refused");
            }
        };
        Agent agent = agent(reference, 4, 4);
        AgentDialogue session = agent.open(AgentMode.AGENT, down);
        Turn.Question q1 = (Turn.Question) session.start(RISKY);
        Turn turn = session.answer(q1.questionId(), "I cut myself last month");
        while (turn instanceof Turn.Question question) {
            turn = session.skip(question.questionId());
        }
        Turn.Answer answer = (Turn.Answer) turn;

        assertThat(answer.fallback()).isTrue();
        assertThat(answer.model()).isEqualTo("reference");
        assertThat(answer.text()).contains("crisis line");
        assertThat(agent.answerFallbacks()).isEqualTo(1);
    }

    @Test
    void plannerModeIsShownTheTrainSplitsNearestPlansAndFollowsThem() {
        index.put(policy("p1", "train", "failed my exams tell family", Attribute.AGE, Attribute.PROFESSION));
        index.put(policy("p2", "train", "failed exams family angry", Attribute.AGE));
        index.put(policy("p3", "test", "failed my exams tell family", Attribute.GENDER));
        index.put(policy("p4", "train", "debts and loans", Attribute.ECONOMIC_STATUS));
        List<List<PlannedPath>> shown = new ArrayList<>();
        AgentModel recording = new AgentModel() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public boolean reference() {
                return true;
            }

            @Override
            public int sufficiency(String query, Map<Attribute, String> known) {
                return reference.sufficiency(query, known);
            }

            @Override
            public Attribute chooseNext(
                    String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples) {
                shown.add(examples);
                return reference.chooseNext(query, known, candidates, examples);
            }
        };

        Turn.Question planned = (Turn.Question)
                agent(recording, 4, 4).open(AgentMode.PLANNER, responder).start(EXAMS);
        Turn.Question alone = (Turn.Question)
                agent(recording, 4, 4).open(AgentMode.AGENT, responder).start(EXAMS);

        assertThat(shown.get(0))
                .extracting(PlannedPath::scenarioId)
                .startsWith("p1")
                .doesNotContain("p3");
        assertThat(planned.attribute()).as("the retrieved paths vote for Age").isEqualTo(Attribute.AGE);
        assertThat(shown.get(1)).as("agent mode sees no examples").isEmpty();
        assertThat(alone.attribute()).isEqualTo(Attribute.EMOTIONAL_STATE);
    }

    /** A policy with a fixed rating that picks {@code preferred} when it can. */
    private static AgentModel scripted(int rating, Attribute preferred) {
        return new AgentModel() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public boolean reference() {
                return true;
            }

            @Override
            public int sufficiency(String query, Map<Attribute, String> known) {
                return rating;
            }

            @Override
            public Attribute chooseNext(
                    String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples) {
                return candidates.contains(preferred)
                        ? preferred
                        : candidates.iterator().next();
            }
        };
    }
}
