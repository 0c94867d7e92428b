package dev.atrium.gateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.guardrail.api.Redaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void redactionsLandInTheMessagesTheyCameFrom() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be kind.");
        messages.addObject().put("role", "user").put("content", "Mail ada@example.com or bob@example.org now");
        MessageText text = MessageText.of(body);
        assertThat(text.text()).isEqualTo("Be kind.\nMail ada@example.com or bob@example.org now");

        int ada = text.text().indexOf("ada@");
        int bob = text.text().indexOf("bob@");
        text.redact(body, List.of(new Redaction("email", ada, ada + 15, "[EMAIL]"),
                new Redaction("email", bob, bob + 15, "[EMAIL]")));

        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Mail [EMAIL] or [EMAIL] now");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be kind.");
    }
}
