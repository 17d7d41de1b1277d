package dev.hashi.translation.queue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.UnitView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/translations")
class QueueController {

    private final TranslationQueue queue;
    private final LocaleInput locales;

    QueueController(TranslationQueue queue, LocaleInput locales) {
        this.queue = queue;
        this.locales = locales;
    }

    @Operation(
            summary = "The translation queue",
            description = "Live units filtered and sorted; paged by an offset cursor (the sort orders have no single"
                    + " stable key); no total (counting is a full scan on the dev server).")
    @GetMapping("/queue")
    Page<UnitView> queue(
            @Parameter(example = "en") @RequestParam(required = false) String target,
            @Parameter(example = "ja") @RequestParam(required = false) String source,
            @Parameter(description = "comma-separated states", example = "untranslated,outdated")
                    @RequestParam(required = false)
                    String state,
            @Parameter(description = "content type key") @RequestParam(required = false) String type,
            @RequestParam(required = false) String entryId,
            @RequestParam(required = false) String assignee,
            @Parameter(description = "ISO date or instant", example = "2003-10-28") @RequestParam(required = false)
                    String dueBefore,
            @Parameter(description = "priority, due or page (document order)", example = "priority")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "open: units with an open question; none: without", example = "open")
                    @RequestParam(required = false)
                    String question,
            PageRequest page,
            CommandContext context) {
        QueueParameters parameters = new QueueParameters(locales);
        var filter = parameters.filter(target, source, state, type, entryId, assignee, dueBefore, question);
        var order = parameters.order(sort);
        parameters.check();
        return queue.find(context, filter, order, page).map(UnitView::of);
    }

    @Operation(summary = "The caller's own units that still need their work, earliest due first")
    @GetMapping("/mine")
    Page<UnitView> mine(PageRequest page, CommandContext context) {
        return queue.mine(context, page).map(UnitView::of);
    }
}
