package dev.hashi.content.workflow;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hashi.content.entry.Entries;

@Configuration
@EnableConfigurationProperties(ScheduleProperties.class)
class WorkflowConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    ScheduleRunner scheduleRunner(
            Schedules schedules, Entries entries, Publishing publishing, ScheduleProperties settings, Clock clock) {
        return new ScheduleRunner(schedules, entries, publishing, settings, clock);
    }
}
