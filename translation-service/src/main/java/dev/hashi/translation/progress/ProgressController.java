package dev.hashi.translation.progress;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.LoadedPages;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/translations/progress")
class ProgressController {

    private final ProgressStatistics statistics;

    ProgressController(ProgressStatistics statistics) {
        this.statistics = statistics;
    }

    @Operation(summary = "Progress of one entry per locale pair (with total)")
    @GetMapping("/entries/{entryId}")
    Page<ProgressStatistics.PairProgress> entry(
            @PathVariable String entryId, PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        return LoadedPages.of(statistics.byPair(entryId), page);
    }

    @Operation(summary = "Progress of everything per locale pair (with total)")
    @GetMapping("/pairs")
    Page<ProgressStatistics.PairProgress> pairs(PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        return LoadedPages.of(statistics.byPair(null), page);
    }

    @Operation(summary = "Progress per target locale (with total)")
    @GetMapping("/dashboard")
    Page<ProgressStatistics.LocaleProgress> dashboard(PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        return LoadedPages.of(statistics.byTargetLocale(), page);
    }
}
