package dev.hashi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A journey class annotated with this gets a {@link StackApi} parameter (in its {@code @BeforeAll}) for a launched dev
 * stack it shares with every other class naming the same stack: the stack starts when the first of them asks and stops
 * when the test JVM's run ends (the root extension context's store closes it). Surefire runs a module's classes in one
 * JVM, so each name is one stack per build instead of one per class.
 *
 * <p>Only for classes that need nothing but the default environment (with the gateway's 60 s response timeout, and
 * the seeds on the console's stack), create their own data under slugs and ids no other class uses (or only read the
 * seeded data), look their data up by id instead of counting what a list holds, and never restart, stop, scale or
 * reconfigure the stack.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedStack.Resolver.class)
public @interface SharedStack {

    /** The stack of the API journeys. */
    String JOURNEYS = "journeys";

    /**
     * The stack of the console's browser journeys, apart from the API journeys' data because their screenshots go to
     * {@code docs/console/}; it loads the seed set {@code wpc-2003} on first start, as {@code ./hashi-dev} does. With {@code HASHI_CONSOLE_JOURNEY_GATEWAY} set, the dev stack already running there
     * instead (for working on the console: {@code ./hashi-dev} once, the journeys many times).
     */
    String CONSOLE = "console";

    /** Which shared stack: {@link #JOURNEYS} or {@link #CONSOLE}. */
    String value() default JOURNEYS;

    /** Resolves {@link StackApi} parameters to the class's shared stack, starting it on first use. */
    final class Resolver implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SharedStack.class);

        /** Starts the stack of a name; {@code SharedStackTest} puts a stand-in here while it runs. */
        static Function<String, Running> starter = Launched::start;

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == StackApi.class;
        }

        @Override
        public StackApi resolveParameter(ParameterContext parameter, ExtensionContext context) {
            String name = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SharedStack.class)
                    .orElseThrow()
                    .value();
            String running = System.getenv("HASHI_CONSOLE_JOURNEY_GATEWAY");
            if (CONSOLE.equals(name) && running != null && !running.isBlank()) {
                return new StackApi(running.trim());
            }
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(name, Resolver::startOnce, Running.class)
                    .api();
        }

        /**
         * Starts the stack of {@code name}, or remembers why it did not start: each class sharing it then fails with that
         * at once instead of waiting for a start of its own.
         */
        private static Running startOnce(String name) {
            try {
                return starter.apply(name);
            } catch (RuntimeException | AssertionError e) {
                return new NotStarted(e);
            }
        }
    }

    /** A running shared stack: its API, until {@link #close()} stops it. */
    interface Running extends AutoCloseable {

        StackApi api();
    }

    /** A stack that failed to start: every class asking for it fails with the same cause. */
    record NotStarted(Throwable cause) implements Running {

        @Override
        public StackApi api() {
            throw new IllegalStateException("the shared stack did not start", cause);
        }

        @Override
        public void close() {}
    }

    /** A launched stack and its data folder, both gone on {@link #close()}. */
    record Launched(LaunchedStack stack, Path data) implements Running {

        static Running start(String name) {
            try {
                Path data = Files.createTempDirectory("hashi-" + name + "-stack-");
                // a rebuild or a first page of a cold JVM on a loaded two-core machine took longer than the
                // gateway's default 10 s response timeout (one 504), so the gateway waits longer
                LaunchedStack stack =
                        LaunchedStack.onFreePorts(data).withEnvironment("GATEWAY_RESPONSE_TIMEOUT", "60s");
                if (CONSOLE.equals(name)) {
                    // the console's journeys work on the seeded Kitakyushu page, as a newcomer's ./hashi-dev shows it
                    stack.withEnvironment("HASHI_SEED", "wpc-2003");
                }
                try {
                    stack.start();
                } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
                    stack.close();
                    throw e;
                }
                return new Launched(stack, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public StackApi api() {
            return stack.api();
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }
}
