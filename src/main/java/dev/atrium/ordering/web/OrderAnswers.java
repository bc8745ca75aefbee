package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.OrderPlacement;
import dev.atrium.ordering.internal.OrderView;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** How a placed order is answered, by {@code POST /api/order} and by checkout alike. */
@Component
class OrderAnswers {

    static final String REPLAYED = "Idempotent-Replayed";

    private final JsonMapper json;

    OrderAnswers(JsonMapper json) {
        this.json = json;
    }

    /**
     * 201 with the order placed now; or 201 with the first answer of its Idempotency-Key, byte for byte as it was
     * sent then, marked {@code Idempotent-Replayed: true}.
     */
    ResponseEntity<?> created(OrderPlacement.Answer answer) {
        if (answer.order() != null) {
            return ResponseEntity.created(
                            URI.create("/api/orders/" + answer.order().id()))
                    .body(OrderView.of(answer.order()));
        }
        String stored = answer.replayed();
        long id = json.readTree(stored).get("id").asLong();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + id))
                .header(REPLAYED, "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored);
    }
}
