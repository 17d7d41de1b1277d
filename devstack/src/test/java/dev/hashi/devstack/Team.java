package dev.hashi.devstack;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev tokens of the journeys' team, the translator and the reviewer holding the {@code ja:en} pair; issuing them
 * also defines the seed content types (idempotent, so every class sharing a stack may do it).
 */
public record Team(String admin, String editor, String translator, String reviewer) {

    public static Team signIn(StackApi stack) throws IOException, InterruptedException {
        Team team = new Team(
                stack.devToken("{\"subject\":\"admin-1\",\"roles\":[\"admin\"]}"),
                stack.devToken("{\"subject\":\"editor-1\",\"roles\":[\"editor\"]}"),
                stack.devToken("{\"subject\":\"translator-1\",\"roles\":[\"translator\"],\"localePairs\":[\"ja:en\"]}"),
                stack.devToken("{\"subject\":\"reviewer-1\",\"roles\":[\"reviewer\"],\"localePairs\":[\"ja:en\"]}"));
        HttpResponse<String> seeded = stack.send("POST", "/api/content/types/seed", team.admin, "{}");
        assertThat(seeded.statusCode()).as(seeded.body()).isBetween(200, 201);
        return team;
    }
}
