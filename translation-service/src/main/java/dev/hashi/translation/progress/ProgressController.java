package dev.hashi.translation.progress;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.translation.access.Access;

@RestController
@RequestMapping("/api/translations/progress")
class ProgressController {

    private final ProgressStatistics statistics;

    ProgressController(ProgressStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/entries/{entryId}")
    List<ProgressStatistics.PairProgress> entry(@PathVariable String entryId, Identity caller) {
        Access.requireStaff(caller);
        return statistics.byPair(entryId);
    }

    @GetMapping("/pairs")
    List<ProgressStatistics.PairProgress> pairs(Identity caller) {
        Access.requireStaff(caller);
        return statistics.byPair(null);
    }

    @GetMapping("/dashboard")
    List<ProgressStatistics.LocaleProgress> dashboard(Identity caller) {
        Access.requireStaff(caller);
        return statistics.byTargetLocale();
    }
}
