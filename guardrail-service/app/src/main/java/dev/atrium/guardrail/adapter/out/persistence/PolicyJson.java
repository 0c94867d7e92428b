package dev.atrium.guardrail.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.guardrail.domain.DataCollection;
import dev.atrium.guardrail.domain.DataPolicy;
import dev.atrium.guardrail.domain.FieldChange;
import dev.atrium.guardrail.domain.PolicyDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** How documents and diffs are stored: JSON text in the policy tables' own shape. */
@ApplicationScoped
class PolicyJson {

    private static final TypeReference<List<ChangeRow>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    PolicyJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(PolicyDocument d) {
        DataPolicy p = d.dataPolicy();
        return json(new DocumentRow(d.allowedModels(), d.ignoredModels(), d.allowedProviders(), d.ignoredProviders(),
                p == null ? null : new DataPolicyRow(p.zdrRequired(),
                        p.dataCollection() == null ? null : p.dataCollection().wire(), p.allowTraining()),
                d.maxTokens()));
    }

    PolicyDocument readDocument(String json) {
        DocumentRow r = read(json, mapper.constructType(DocumentRow.class));
        DataPolicyRow p = r.dataPolicy();
        return new PolicyDocument(r.allowedModels(), r.ignoredModels(), r.allowedProviders(), r.ignoredProviders(),
                p == null ? null : new DataPolicy(p.zdrRequired(), DataCollection.parse(p.dataCollection()),
                        p.allowTraining()),
                r.maxTokens());
    }

    String write(List<FieldChange> changes) {
        return json(changes.stream().map(c -> new ChangeRow(c.field(), c.oldValue(), c.newValue())).toList());
    }

    List<FieldChange> readChanges(String json) {
        List<ChangeRow> rows = read(json, mapper.getTypeFactory().constructType(CHANGES));
        return rows.stream().map(r -> new FieldChange(r.field(), r.oldValue(), r.newValue())).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store a policy as JSON", e);
        }
    }

    private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored policy is not readable JSON", e);
        }
    }

    record DocumentRow(List<String> allowedModels, List<String> ignoredModels, List<String> allowedProviders,
            List<String> ignoredProviders, DataPolicyRow dataPolicy, Integer maxTokens) {
    }

    record DataPolicyRow(Boolean zdrRequired, String dataCollection, Boolean allowTraining) {
    }

    record ChangeRow(String field, Object oldValue, Object newValue) {
    }
}
