package dev.hashi.devstack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link SharedStack} in a run of its own, with a stand-in for the launched stacks: the classes naming one stack get
 * the same one, started once, and every stack stops once, after the last class of the run.
 */
class SharedStackTest {

    static final String ENABLED = "hashi.shared-stack-test";
    static final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void classesNamingTheSameStackShareOneStartAndEveryStackStopsOnceWhenTheRunEnds() {
        TestExecutionSummary summary = run(name -> {
            events.add("start " + name);
            return new StandIn(name);
        });

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(events.subList(0, 5))
                .containsExactly(
                        "start console",
                        "ConsoleJourney http://console.invalid",
                        "start journeys",
                        "FirstJourney http://journeys.invalid",
                        "SecondJourney http://journeys.invalid");
        assertThat(events.subList(5, events.size())).containsExactlyInAnyOrder("stop console", "stop journeys");
    }

    @Test
    void aStackThatDoesNotStartIsTriedOnceAndFailsEveryClassSharingIt() {
        TestExecutionSummary summary = run(name -> {
            events.add("start " + name);
            throw new AssertionError("no ready banner from " + name);
        });

        assertThat(summary.getContainersFailedCount()).isEqualTo(3);
        assertThat(summary.getFailures())
                .allSatisfy(failure -> assertThat(failure.getException())
                        .hasRootCauseMessage("no ready banner from " + rootCauseName(failure)));
        assertThat(events).containsExactlyInAnyOrder("start journeys", "start console");
    }

    private static String rootCauseName(TestExecutionSummary.Failure failure) {
        return failure.getTestIdentifier().getDisplayName().endsWith("ConsoleJourney") ? "console" : "journeys";
    }

    /** Runs the three journeys below in a run of their own, in the order of their names, with {@code starter}. */
    private static TestExecutionSummary run(Function<String, SharedStack.Running> starter) {
        events.clear();
        Function<String, SharedStack.Running> launcher = SharedStack.Resolver.starter;
        SharedStack.Resolver.starter = starter;
        System.setProperty(ENABLED, "true");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try {
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(
                                            selectClass(FirstJourney.class),
                                            selectClass(ConsoleJourney.class),
                                            selectClass(SecondJourney.class))
                                    .configurationParameter(
                                            "junit.jupiter.testclass.order.default",
                                            ClassOrderer.ClassName.class.getName())
                                    .build(),
                            listener);
        } finally {
            System.clearProperty(ENABLED);
            SharedStack.Resolver.starter = launcher;
        }
        return listener.getSummary();
    }

    /** A stack that only says when it stops. */
    record StandIn(String name) implements SharedStack.Running {

        @Override
        public StackApi api() {
            return new StackApi("http://" + name + ".invalid");
        }

        @Override
        public void close() {
            events.add("stop " + name);
        }
    }

    @SharedStack
    @EnabledIfSystemProperty(named = ENABLED, matches = "true")
    static class FirstJourney {

        static StackApi stack;

        @BeforeAll
        static void keep(StackApi shared) {
            stack = shared;
        }

        @Test
        void runs() {
            events.add("FirstJourney " + stack.gateway());
        }
    }

    @SharedStack
    @EnabledIfSystemProperty(named = ENABLED, matches = "true")
    static class SecondJourney {

        static StackApi stack;

        @BeforeAll
        static void keep(StackApi shared) {
            stack = shared;
        }

        @Test
        void runs() {
            events.add("SecondJourney " + stack.gateway());
        }
    }

    @SharedStack(SharedStack.CONSOLE)
    @EnabledIfSystemProperty(named = ENABLED, matches = "true")
    static class ConsoleJourney {

        static StackApi stack;

        @BeforeAll
        static void keep(StackApi shared) {
            stack = shared;
        }

        @Test
        void runs() {
            events.add("ConsoleJourney " + stack.gateway());
        }
    }
}
