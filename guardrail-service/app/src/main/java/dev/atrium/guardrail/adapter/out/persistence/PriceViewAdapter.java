package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.PriceView;
import dev.atrium.guardrail.domain.price.EndpointPrice;
import dev.atrium.guardrail.domain.price.ModelPrice;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
class PriceViewAdapter implements PriceView {

    private final Jdbc jdbc;

    PriceViewAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ModelPrice> highest(Collection<String> models) {
        List<ModelPrice> prices = new ArrayList<>();
        for (String model : models) {
            prices.addAll(jdbc.query("SELECT MAX(prompt_price) AS prompt, MAX(completion_price) AS completion,"
                    + " MAX(max_completion_tokens) AS max_completion, COUNT(*) AS n FROM endpoint_price WHERE model = ?",
                    rs -> rs.getLong("n") == 0 ? null : new ModelPrice(model, rs.getBigDecimal("prompt"),
                            rs.getBigDecimal("completion"), (Integer) rs.getObject("max_completion")), model)
                    .stream().filter(p -> p != null).toList());
        }
        return prices;
    }

    @Override
    public void save(EndpointPrice e) {
        jdbc.update("INSERT INTO endpoint_price (model, provider, prompt_price, completion_price, max_completion_tokens)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model, provider) DO UPDATE SET prompt_price = EXCLUDED.prompt_price,"
                + " completion_price = EXCLUDED.completion_price,"
                + " max_completion_tokens = EXCLUDED.max_completion_tokens",
                e.model(), e.provider(), e.prompt(), e.completion(), e.maxCompletionTokens());
    }

    @Override
    public void remove(String model, String provider) {
        jdbc.update("DELETE FROM endpoint_price WHERE model = ? AND provider = ?", model, provider);
    }
}
