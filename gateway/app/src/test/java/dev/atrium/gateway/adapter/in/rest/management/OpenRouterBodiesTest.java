package dev.atrium.gateway.adapter.in.rest.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenRouterBodiesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void renamesTheFieldsAtriumKnows() throws Exception {
        var out = OpenRouterBodies.translate(json.readTree("{\"name\":\"ci\",\"creator_user_id\":\"u1\"}"),
                Map.of("name", "name", "creator_user_id", "owner_user_id"));
        assertThat(out.toString()).isEqualTo("{\"name\":\"ci\",\"owner_user_id\":\"u1\"}");
    }

    @Test
    void refusesAFieldAtriumHasNoCounterpartForNamingIt() {
        assertThatThrownBy(() -> OpenRouterBodies.translate(json.readTree("{\"name\":\"x\",\"description\":\"d\"}"),
                Map.of("name", "name"))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.metadata()).containsEntry("field", "description");
                });
    }

    @Test
    void slicesAWholeListingAsOffsetAndLimit() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(ManagementCalls.slice(all, 1, 2, 50)).containsExactly(2, 3);
        assertThat(ManagementCalls.slice(all, null, null, 50)).containsExactly(1, 2, 3, 4, 5);
        assertThat(ManagementCalls.slice(all, 9, 2, 50)).isEmpty();
        assertThatThrownBy(() -> ManagementCalls.slice(all, 0, 101, 50)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ManagementCalls.slice(all, -1, 1, 50)).isInstanceOf(ApiException.class);
    }
}
