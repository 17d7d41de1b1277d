package dev.hashi.gateway.logging;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckedLogFactoryTest {

    @Test
    void commonsLoggingUsesTheLevelCheckingFactory() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
    }

    @Test
    void aMessageOfADisabledLevelIsNeverRendered() {
        Log log = LogFactory.getLog("dev.hashi.gateway.logging.quiet"); // INFO: the root level in tests
        assertThat(log.isDebugEnabled()).isFalse();
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };

        log.debug(message);
        log.trace(message, new IllegalStateException());
        log.info(message);

        assertThat(rendered).hasValue(1);
    }
}
